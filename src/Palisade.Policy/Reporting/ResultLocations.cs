using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>How a result names its input in text output: <c>file</c>, or <c>file:line</c> when the line is known.</summary>
public static class ResultLocations
{
    public static string FileAndLine(string fileName, CheckResult result) =>
        result.Location is { Line: > 0 } at ? $"{at.File}:{at.Line}" : fileName;
}
