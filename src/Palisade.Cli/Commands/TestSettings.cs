using System.CommandLine;
using Palisade.Policy.Conftest.Settings;

namespace Palisade.Cli.Commands;

/// <summary>
/// The value of each <c>palisade test</c> option in conftest's order of precedence: the flag as given, then
/// <c>CONFTEST_&lt;FLAG&gt;</c>, then the configuration file, then the option's default.
/// </summary>
internal sealed class TestSettings(ParseResult result, SettingSources sources)
{
    public string[] Strings(Option<string[]> option) =>
        Given(option) ? result.GetValue(option) ?? [] : sources.Find(Key(option))?.ToArray() ?? result.GetValue(option) ?? [];

    public string? Optional(Option<string?> option, IReadOnlyCollection<string>? allowed = null) =>
        Given(option) ? result.GetValue(option) : Lookup(option, allowed) ?? result.GetValue(option);

    public string Required(Option<string> option, IReadOnlyCollection<string>? allowed = null) =>
        (Given(option) ? result.GetValue(option) : Lookup(option, allowed) ?? result.GetValue(option))!;

    public bool Bool(Option<bool> option) =>
        Given(option) ? result.GetValue(option) : sources.FindBool(Key(option)) ?? result.GetValue(option);

    /// <summary>The configuration file: <c>-c</c> on the test command, else <c>-c</c> before it, else <c>conftest.toml</c> if present.</summary>
    public static ConfigFile ReadConfigFile(ParseResult result, Option<string?> own, Option<string?> global)
    {
        if ((result.GetValue(own) ?? result.GetValue(global)) is { } path)
        {
            return ConfigFile.Read(path);
        }

        return File.Exists(DefaultConfigFile) ? ConfigFile.Read(DefaultConfigFile) : ConfigFile.Empty;
    }

    public const string DefaultConfigFile = "conftest.toml";

    private string? Lookup(Option option, IReadOnlyCollection<string>? allowed) =>
        allowed is null ? sources.FindOne(Key(option)) : sources.FindOneOf(Key(option), allowed);

    private bool Given(Option option) => result.GetResult(option) is { Implicit: false };

    private static string Key(Option option) => option.Name.TrimStart('-');
}
