namespace Palisade.Cli.Tests.Conftest;

/// <summary>
/// One <c>@test</c> of conftest's acceptance.bats that runs <c>conftest test</c>, with what it asserts. Args name
/// paths relative to conftest's repository root, as the bats file does. <see cref="Lines"/> index bats' <c>lines</c>
/// (output lines without the blank ones); a value starting with <c>~</c> is matched as bats' <c>=~</c> (contains).
/// <see cref="BeforeTest"/> are root arguments given before <c>test</c> (conftest's <c>-c FILE</c>); a case with a
/// <see cref="Directory"/> runs the built palisade as a process in that folder, as bats does after its <c>cd</c>, and
/// with <see cref="Stdin"/> (a file, relative to conftest's root) gives it that file as standard input.
/// </summary>
public sealed record AcceptanceCase(
    string Name,
    string[] Args,
    int? Status = null,
    string[]? Contains = null,
    string[]? NotContains = null,
    (int Index, string Text)[]? Lines = null,
    int? LineCount = null,
    bool EmptyOutput = false,
    string? SkipReason = null,
    string[]? BeforeTest = null,
    string? Directory = null,
    string? Stdin = null)
{
    public override string ToString() => Name;
}
