using Palisade.Policy.Checks;

namespace Palisade.Policy.Reporting;

/// <summary>Writes a check report in one of conftest's output formats.</summary>
public interface IReporter
{
    void Write(CheckReport report, TextWriter output);
}
