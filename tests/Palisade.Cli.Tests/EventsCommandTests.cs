using System.Text.Json;
using Palisade.GitOps.Audit;
using static Palisade.Cli.Tests.CliRunner;

namespace Palisade.Cli.Tests;

public sealed class EventsCommandTests : IDisposable
{
    private static readonly ObjectRef Backend = new("projectcalico.org/v3", "NetworkPolicy", "shop", "backend");
    private static readonly ObjectRef DefaultDeny = new("projectcalico.org/v3", "GlobalNetworkPolicy", null, "default-deny");

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "palisade-events-" + Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public EventsCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string State => Path.Combine(_dir, "state");

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private (DateTimeOffset Sync, DateTimeOffset Drift, DateTimeOffset Refusal) RecordSamples()
    {
        var times = (_now.AddHours(-3), _now.AddHours(-2), _now.AddMinutes(-10));
        using var log = AuditLog.Open(State);
        log.Record(new SyncEvent(
            times.Item1, "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39", "https://git.example.com/net.git", "Ana Lima <ana@example.com>", "Bo <bo@example.com>", "SHA256:k3y",
            SyncOutcome.Applied, null,
            [ObjectChange.Between(Backend, "spec:\n  order: 100\n", "spec:\n  order: 200\n"), ObjectChange.Between(DefaultDeny, null, "spec: {}\n")],
            4));
        log.Record(new DriftEvent(times.Item2, Backend, DriftKind.Modified, AuditDiff.Of(Backend, "order: 200\n", "order: 1\n"), ["kubectl-edit"], true, null));
        log.Record(new RefusalEvent(times.Item3, "9ab12cd34ef56", RefusalReason.PolicyViolation, "policy check failed", [new Violation("shop/backend.yaml", 7, "ingress from the world", "deny_world")]));
        return times;
    }

    [Fact]
    public void TheTableHasOneLinePerEventNewestFirst()
    {
        var (sync, drift, refusal) = RecordSamples();

        var (exit, stdout, stderr) = Run("events", "--state", State);

        Assert.Equal(("", 0), (stderr, exit));
        Assert.Equal(
            $"""
            TIME                  TYPE     OBJECT/REVISION                                  MESSAGE
            {Stamp(refusal)}  refusal  9ab12cd34ef5                                     policy-violation: policy check failed (1 violation)
            {Stamp(drift)}  drift    projectcalico.org/v3/NetworkPolicy/shop/backend  modified by kubectl-edit, reverted
            {Stamp(sync)}  sync     3f2a9c1d8e7b                                     applied: 1 created, 1 configured, 0 pruned, 4 unchanged (author Ana Lima <ana@example.com>, signed by SHA256:k3y)

            """,
            stdout);
    }

    [Fact]
    public void DiffShowsTheDiffsAndViolationsUnderEachLine()
    {
        RecordSamples();

        var (exit, stdout, _) = Run("events", "--state", State, "--diff", "--reverse");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.StartsWith("TIME", lines[0], StringComparison.Ordinal);
        Assert.Contains(" sync ", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "  configured projectcalico.org/v3/NetworkPolicy/shop/backend",
                "    --- a/projectcalico.org/v3/NetworkPolicy/shop/backend",
                "    +++ b/projectcalico.org/v3/NetworkPolicy/shop/backend",
                "    @@ -1,2 +1,2 @@",
                "     spec:",
                "    -  order: 100",
                "    +  order: 200",
                "  created projectcalico.org/v3/GlobalNetworkPolicy/default-deny",
            ],
            lines[2..10]);
        Assert.Contains(" drift ", lines.Single(l => l.Contains("modified by", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("    +order: 1", lines);
        Assert.Equal("  shop/backend.yaml:7: ingress from the world [deny_world]", lines[^2]);
    }

    [Fact]
    public void JsonIsAnArrayOfTypedEvents()
    {
        var (sync, _, _) = RecordSamples();

        var (exit, stdout, _) = Run("events", "--state", State, "-o", "json", "--reverse");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var events = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["sync", "drift", "refusal"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(sync.UtcDateTime, DateTime.Parse(events[0].GetProperty("time").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
        Assert.EndsWith("Z", events[0].GetProperty("time").GetString(), StringComparison.Ordinal);
        Assert.Equal("SHA256:k3y", events[0].GetProperty("signer").GetString());
        Assert.Equal(2, events[0].GetProperty("changes").GetArrayLength());
        Assert.Equal("projectcalico.org/v3/NetworkPolicy/shop/backend", events[1].GetProperty("object").GetProperty("ref").GetString());
        Assert.Equal("deny_world", events[2].GetProperty("violations")[0].GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData(new[] { "--type", "drift" }, new[] { "drift" })]
    [InlineData(new[] { "--type", "sync" }, new[] { "sync" })]
    [InlineData(new[] { "--object", "NetworkPolicy/shop/backend" }, new[] { "drift", "sync" })]
    [InlineData(new[] { "--object", "projectcalico.org/v3/GlobalNetworkPolicy/default-deny" }, new[] { "sync" })]
    [InlineData(new[] { "--object", "NetworkPolicy/web/*" }, new string[0])]
    [InlineData(new[] { "--kind", "globalnetworkpolicy" }, new[] { "sync" })]
    [InlineData(new[] { "--since", "1h" }, new[] { "refusal" })]
    [InlineData(new[] { "--since", "150m" }, new[] { "refusal", "drift" })]
    [InlineData(new[] { "--since", "7d", "--until", "1h" }, new[] { "drift", "sync" })]
    [InlineData(new[] { "--revision", "3F2A" }, new[] { "sync" })]
    [InlineData(new[] { "--limit", "1" }, new[] { "refusal" })]
    [InlineData(new[] { "--limit", "1", "--reverse" }, new[] { "sync" })]
    public void FiltersSelectTheEvents(string[] filter, string[] types)
    {
        RecordSamples();

        var (exit, stdout, stderr) = Run(["events", "--state", State, "-o", "json", .. filter]);

        Assert.Equal(("", 0), (stderr, exit));
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(types, document.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public void AnRfc3339SinceIsAnAbsoluteTime()
    {
        var (_, drift, _) = RecordSamples();

        var (exit, stdout, _) = Run("events", "--state", State, "--since", Stamp(drift.AddSeconds(-1)), "-o", "json");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(2, document.RootElement.GetArrayLength());
    }

    [Fact]
    public void AnEmptyLogPrintsOnlyTheHeader()
    {
        AuditLog.Open(State).Dispose();

        var (exit, stdout, _) = Run("events", "--state", State);

        Assert.Equal((0, "TIME  TYPE  OBJECT/REVISION  MESSAGE\n"), (exit, stdout));
    }

    [Fact]
    public void AMissingDatabaseIsAOneLineErrorNamingThePath()
    {
        var (exit, stdout, stderr) = Run("events", "--state", State);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"events: {Path.Combine(State, "audit.db")}: no audit log here (palisade sync writes it; give its state folder with --state)\n", stderr);
        Assert.False(Directory.Exists(State));
    }

    [Theory]
    [InlineData("--since", "yesterday", "events: --since yesterday: not a duration")]
    [InlineData("--since", "2026-01-31T12:00:00", "events: --since 2026-01-31T12:00:00: not a duration")]
    [InlineData("--until", "5x", "events: --until 5x: not a duration")]
    [InlineData("--object", "shop/backend", "events: --object: object 'shop/backend': no Kind")]
    [InlineData("--object", "NetworkPolicy/a/b/c", "events: --object: object 'NetworkPolicy/a/b/c': expected")]
    [InlineData("--limit", "0", "events: --limit 0: must be at least 1")]
    public void BadFiltersAreOneLineErrors(string option, string value, string message)
    {
        AuditLog.Open(State).Dispose();

        var (exit, stdout, stderr) = Run("events", "--state", State, option, value);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void AnUnknownTypeIsRejectedByTheParser()
    {
        var (exit, _, stderr) = Run("events", "--state", State, "--type", "apply");

        Assert.Equal(1, exit);
        Assert.Contains("apply", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ByDefaultTheStateFolderIsDotPalisadeInTheCurrentFolder()
    {
        var missing = RunProcess(_dir, "events");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains(Path.Combine(_dir, ".palisade", "audit.db"), missing.Stderr, StringComparison.Ordinal);

        // A second process reads the log while this one still holds it open for writing.
        using var log = AuditLog.Open(Path.Combine(_dir, ".palisade"));
        log.Record(new DriftEvent(_now, Backend, DriftKind.Deleted, AuditDiff.Of(Backend, "a: 1\n", ""), null, false, "backoff: retry in 30s"));

        var (exit, stdout, stderr) = RunProcess(_dir, "events");

        Assert.Equal(("", 0), (stderr, exit));
        Assert.Contains("projectcalico.org/v3/NetworkPolicy/shop/backend  deleted, not reverted: backoff: retry in 30s", stdout, StringComparison.Ordinal);
    }
}
