using Palisade.GitOps.Audit;

namespace Palisade.Cli.Commands;

/// <summary>
/// The table of <c>palisade events</c>: one line per event (TIME, TYPE, OBJECT/REVISION, MESSAGE), and with
/// details the diffs (or a refusal's violations) indented under it.
/// </summary>
internal static class EventsTable
{
    private const int ShortRevision = 12;

    public static void Write(TextWriter output, IReadOnlyList<AuditEntry> entries, bool details)
    {
        var rows = entries.Select(e => Row(e.Event)).ToList();
        var header = new[] { "TIME", "TYPE", "OBJECT/REVISION", "MESSAGE" };
        var widths = Enumerable.Range(0, 3).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        WriteRow(output, header, widths);
        for (var i = 0; i < rows.Count; i++)
        {
            WriteRow(output, rows[i], widths);
            if (details)
            {
                WriteDetails(output, entries[i].Event);
            }
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Take(3).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + cells[3];
        output.WriteLine(line.TrimEnd());
    }

    private static string[] Row(AuditEvent auditEvent) => auditEvent switch
    {
        SyncEvent sync => [Time(sync), "sync", Short(sync.Revision), SyncMessage(sync)],
        DriftEvent drift => [Time(drift), "drift", drift.Object.ToString(), DriftMessage(drift)],
        RefusalEvent refusal => [Time(refusal), "refusal", Short(refusal.Revision), RefusalMessage(refusal)],
        _ => throw new ArgumentException($"unknown audit event {auditEvent.GetType().Name}", nameof(auditEvent)),
    };

    private static string Time(AuditEvent auditEvent) => auditEvent.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static string Short(string? revision) => revision is null ? "-" : revision[..Math.Min(ShortRevision, revision.Length)];

    private static string SyncMessage(SyncEvent sync)
    {
        var counts = $"{sync.Created} created, {sync.Configured} configured, {sync.Pruned} pruned, {sync.Unchanged} unchanged";
        var who = $"author {sync.Author}" + (sync.Signer is null ? ", unsigned" : $", signed by {sync.Signer}");
        var what = sync.Outcome == SyncOutcome.Applied ? $"applied: {counts}" : $"failed: {sync.FailureMessage}";
        return OneLine($"{what} ({who})");
    }

    private static string DriftMessage(DriftEvent drift)
    {
        var by = drift.ChangedBy is { Count: > 0 } managers ? $" by {string.Join(", ", managers)}" : "";
        var outcome = drift.Reverted ? "reverted" : $"not reverted: {drift.NotRevertedReason}";
        return OneLine($"{AuditNames.Of(drift.Drift)}{by}, {outcome}");
    }

    private static string RefusalMessage(RefusalEvent refusal)
    {
        // Only entries that point into a file add to the message (--diff lists them); a fetch or signature failure is
        // its message alone. What a policy found is a violation; bad YAML or a forbidden kind is a problem.
        var located = refusal.Violations.Count(v => v.File.Length > 0);
        var word = refusal.Reason == RefusalReason.PolicyViolation ? "violation" : "problem";
        var count = located switch
        {
            0 => "",
            1 => $" (1 {word})",
            var n => $" ({n} {word}s)",
        };
        return OneLine($"{AuditNames.Of(refusal.Reason)}: {refusal.Message}{count}");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static void WriteDetails(TextWriter output, AuditEvent auditEvent)
    {
        switch (auditEvent)
        {
            case SyncEvent sync:
                foreach (var change in sync.Changes)
                {
                    output.WriteLine($"  {AuditNames.Of(change.Change)} {change.Object}");
                    WriteIndented(output, change.Diff);
                }

                break;
            case DriftEvent drift:
                WriteIndented(output, drift.Diff);
                break;
            case RefusalEvent refusal:
                foreach (var violation in refusal.Violations)
                {
                    var where = violation.Line is { } line ? $"{violation.File}:{line}" : violation.File;
                    var rule = violation.Rule is null ? "" : $" [{violation.Rule}]";
                    output.WriteLine($"  {where}: {OneLine(violation.Message)}{rule}");
                }

                break;
        }
    }

    private static void WriteIndented(TextWriter output, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                output.WriteLine("    " + line);
            }
        }
    }
}
