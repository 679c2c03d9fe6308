using System.Globalization;
using System.Runtime.InteropServices;

namespace Palisade.WebhookBenchmark;

/// <summary>The printed figures; every number comes from the run just made.</summary>
internal static class Report
{
    public static void Machine(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel() ?? "cpu model unknown"}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    public static void Mix(TextWriter output, IReadOnlyList<ReviewBody> bodies, int templates)
    {
        var allowed = bodies.Count(b => b.ExpectAllowed);
        output.WriteLine($"mix: {bodies.Count} AdmissionReviews ({allowed} expected allowed, {bodies.Count - allowed} denied); rules: examples/policy-repo/policy + {templates} gatekeeper-library templates");
    }

    public static void Run(TextWriter output, LoadResult result)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"clients {result.Clients}: {LoadAverage()}"));
        output.WriteLine(string.Create(c, $"  duration     {result.Seconds:F2} s (after {BenchOptions.WarmUp.TotalSeconds:F0} s warm-up)"));
        output.WriteLine(string.Create(c, $"  requests     {result.Latencies.Length}"));
        output.WriteLine(string.Create(c, $"  throughput   {result.Throughput:F0} req/s"));
        output.WriteLine(string.Create(c, $"  latency ms   p50 {result.Percentile(50):F2}  p90 {result.Percentile(90):F2}  p99 {result.Percentile(99):F2}  max {(result.Latencies.Length > 0 ? result.Latencies[^1] : double.NaN):F2}"));
        output.WriteLine(string.Create(c, $"  verdicts     allowed {result.Allowed}, denied {result.Denied}"));
        output.WriteLine(string.Create(c, $"  mismatches   {result.Mismatches}{(result.FirstMismatch is { } first ? $" (first: {first})" : string.Empty)}"));
    }

    private static string? CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;

    /// <summary>The load average after the run: other work on a shared machine shows up here, not in our own numbers.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}
