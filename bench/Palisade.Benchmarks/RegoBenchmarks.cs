using BenchmarkDotNet.Attributes;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Benchmarks;

/// <summary>
/// Admission-style evaluation: one Gatekeeper library policy, prepared once, evaluated on a sample object per call,
/// single-threaded. Ops/s is evaluations per second; allocated bytes are per evaluation.
/// </summary>
[MemoryDiagnoser]
public class RegoBenchmarks
{
    private GatekeeperPolicy _policy = null!;
    private PreparedQuery _query = null!;
    private Value _input = null!;

    [Params("general/allowedrepos", "general/requiredprobes", "general/containerlimits", "pod-security-policy/privileged-containers")]
    public string Policy { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _policy = GatekeeperPolicy.Load(Policy);
        _query = Compile();
        _input = _policy.Samples.First(s => s.Name.Contains("disallowed", StringComparison.Ordinal)).Input;
        if (_query.Evaluate(_input).Count == 0)
        {
            throw new InvalidOperationException($"{Policy}: the disallowed sample yields no result; the benchmark would measure nothing");
        }
    }

    [Benchmark(Description = "parse + compile")]
    public PreparedQuery ParseAndCompile() => Compile();

    [Benchmark(Description = "evaluate one review")]
    public int Evaluate() => _query.Evaluate(_input).Count;

    private PreparedQuery Compile()
    {
        var engine = new RegoEngine(new RegoOptions { RegoVersion = RegoVersion.V0 });
        for (var i = 0; i < _policy.Modules.Count; i++)
        {
            engine.AddModule($"{Policy}/{i}.rego", _policy.Modules[i]);
        }

        return engine.Prepare($"data.{_policy.Package}.violation");
    }
}
