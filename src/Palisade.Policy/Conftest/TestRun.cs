using Palisade.Policy.Checks;

namespace Palisade.Policy.Conftest;

/// <summary>What a <c>palisade test</c> run found, and, with <c>--trace</c>, the trace lines in input order.</summary>
public sealed record TestRun(CheckReport Report, IReadOnlyList<string> Trace);
