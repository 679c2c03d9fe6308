using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Manifests;

public sealed class DiagnosticTests
{
    private static readonly SourceLocation Where = new("t.yaml", 1, 13);

    [Fact]
    public void A_message_of_usual_length_is_printed_whole()
    {
        var message = "PolicyName: \"Shop\" must consist of lower case letters, digits, '-' or '.'";

        Assert.Equal("t.yaml:1:13: " + message, new Diagnostic(Where, message).ToString());
    }

    [Fact]
    public void A_message_carrying_a_huge_value_keeps_its_start_and_end_and_drops_the_middle()
    {
        var message = "PolicyName: \"" + new string('x', 100_000) + "\" is longer than 253 characters";

        var printed = new Diagnostic(Where, message).ToString();

        Assert.Equal("t.yaml:1:13: ".Length + Diagnostic.MaxPrintedChars + " … ".Length, printed.Length);
        Assert.StartsWith("t.yaml:1:13: PolicyName: \"xxx", printed, StringComparison.Ordinal);
        Assert.Contains("x … x", printed, StringComparison.Ordinal);
        Assert.EndsWith("xxx\" is longer than 253 characters", printed, StringComparison.Ordinal);
    }
}
