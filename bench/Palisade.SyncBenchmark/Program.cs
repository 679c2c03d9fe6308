using Palisade.SyncBenchmark;

// Measures palisade sync end to end on the sandbox API server: the first sync of a large repository, an unchanged
// resync, and how long a deleted policy stays gone under self-heal. Not BenchmarkDotNet: what matters here is wall
// time over real HTTP and the distribution of revert latencies, not a micro-benchmark's mean.
var policies = Argument(args, "--policies", 1000);
var deletions = Argument(args, "--deletions", 100);
await SyncBenchmark.RunAsync(policies, deletions, Console.Out);

static int Argument(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
}
