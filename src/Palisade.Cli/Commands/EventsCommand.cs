using System.CommandLine;
using Palisade.GitOps;
using Palisade.GitOps.Audit;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade events [--state DIR] [--object REF] [--kind KIND] [--type sync|drift|refusal] [--since T] [--until T]
/// [--revision SHA] [--limit N] [--reverse] [--output table|json] [--diff]</c>: the audit log of <c>palisade sync</c>.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "State folder of palisade sync, which holds audit.db.", DefaultValueFactory = _ => StateDirectory.Default };
        var @object = new Option<string?>("--object") { Description = "Only events about this object: [apiVersion/]Kind/[namespace/]name, * for any namespace or name (NetworkPolicy/shop/backend)." };
        var kind = new Option<string?>("--kind") { Description = "Only events about objects of this kind (NetworkPolicy)." };
        var type = new Option<string?>("--type") { Description = "Only events of this type: sync, drift or refusal." };
        type.AcceptOnlyFromAmong("sync", "drift", "refusal");
        var since = new Option<string?>("--since") { Description = "Only events from this time on: a duration back from now (30m, 2h, 7d) or an RFC 3339 time." };
        var until = new Option<string?>("--until") { Description = "Only events before this time: a duration back from now or an RFC 3339 time." };
        var revision = new Option<string?>("--revision") { Description = "Only events of the commit whose SHA starts with this." };
        var limit = new Option<int>("--limit") { Description = "Most events to show (newest ones unless --reverse).", DefaultValueFactory = _ => AuditQuery.DefaultLimit };
        var reverse = new Option<bool>("--reverse") { Description = "Oldest first: the first events of the range instead of the last." };
        var output = new Option<string>("--output", "-o") { Description = "Format: table or json.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var diff = new Option<bool>("--diff") { Description = "In the table, show each event's diffs (and a refusal's violations) under it." };
        var command = new Command("events", "Show the audit log of palisade sync: what it applied, the drift it found, the revisions it refused.")
        {
            state, @object, kind, type, since, until, revision, limit, reverse, output, diff,
        };
        command.SetAction(result =>
        {
            var stderr = result.InvocationConfiguration.Error;
            var now = DateTimeOffset.UtcNow;
            ObjectFilter? filter = null;
            if (result.GetValue(@object) is { } objectText)
            {
                try
                {
                    filter = ObjectFilter.Parse(objectText);
                }
                catch (FormatException ex)
                {
                    stderr.WriteLine($"events: --object: {ex.Message}");
                    return ExitCodes.Failure;
                }
            }

            if (!TryTime(result, since, now, stderr, out var from) || !TryTime(result, until, now, stderr, out var to))
            {
                return ExitCodes.Failure;
            }

            if (result.GetValue(limit) is var count && count <= 0)
            {
                stderr.WriteLine($"events: --limit {count}: must be at least 1");
                return ExitCodes.Failure;
            }

            var query = new AuditQuery
            {
                Object = filter,
                Kind = result.GetValue(kind),
                Type = result.GetValue(type) is { } typeText ? AuditNames.Parse<AuditEventType>(typeText) : null,
                Since = from,
                Until = to,
                RevisionPrefix = result.GetValue(revision),
                Limit = count,
                OldestFirst = result.GetValue(reverse),
            };
            return Run(result.GetRequiredValue(state), query, result.GetRequiredValue(output), result.GetValue(diff), result.InvocationConfiguration.Output, stderr);
        });
        return command;
    }

    /// <summary>Reads a time option; false, after saying why, when it is given but is no time.</summary>
    private static bool TryTime(ParseResult result, Option<string?> option, DateTimeOffset now, TextWriter stderr, out DateTimeOffset? time)
    {
        time = null;
        if (result.GetValue(option) is not { } text)
        {
            return true;
        }

        time = EventsTime.Parse(text, now);
        if (time is null)
        {
            stderr.WriteLine($"events: {option.Name} {text}: not a duration such as 30m, 2h, 7d nor an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }

        return time is not null;
    }

    private static int Run(string stateDirectory, AuditQuery query, string format, bool diff, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<AuditEntry> entries;
        try
        {
            using var log = AuditLog.OpenExisting(stateDirectory);
            entries = log.Query(query);
        }
        catch (AuditLogException ex)
        {
            stderr.WriteLine($"events: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (format == "json")
        {
            stdout.WriteLine(AuditJson.Serialize(entries));
        }
        else
        {
            EventsTable.Write(stdout, entries, diff);
        }

        return ExitCodes.Success;
    }
}
