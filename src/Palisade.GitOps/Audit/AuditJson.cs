using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Palisade.GitOps.Audit;

/// <summary>
/// The JSON form of audit events that <c>palisade events -o json</c> prints and docs/audit.md documents: an array,
/// one object per event with <c>id</c>, <c>type</c> and <c>time</c> (RFC 3339, UTC) first, then the fields of its
/// type. Every field is always present (null when unknown), so consumers need not guess.
/// </summary>
public static class AuditJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Diffs are full of quotes, angle brackets and plus signs; escaping them would make the output unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>RFC 3339 in UTC, with the fraction of a second only when there is one.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Serialize(IEnumerable<AuditEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                Write(writer, entry);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, AuditEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", entry.Id);
        writer.WriteString("type", AuditNames.Of(entry.Event.Type));
        writer.WriteString("time", Time(entry.Event.Time));
        switch (entry.Event)
        {
            case SyncEvent sync:
                WriteSync(writer, sync);
                break;
            case DriftEvent drift:
                WriteDrift(writer, drift);
                break;
            case RefusalEvent refusal:
                WriteRefusal(writer, refusal);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteSync(Utf8JsonWriter writer, SyncEvent sync)
    {
        writer.WriteString("revision", sync.Revision);
        writer.WriteString("source", sync.Source);
        writer.WriteString("author", sync.Author);
        writer.WriteString("committer", sync.Committer);
        writer.WriteString("signer", sync.Signer);
        writer.WriteString("outcome", AuditNames.Of(sync.Outcome));
        writer.WriteString("message", sync.FailureMessage);
        writer.WriteStartObject("counts");
        writer.WriteNumber("created", sync.Created);
        writer.WriteNumber("configured", sync.Configured);
        writer.WriteNumber("pruned", sync.Pruned);
        writer.WriteNumber("unchanged", sync.Unchanged);
        writer.WriteEndObject();
        writer.WriteStartArray("changes");
        foreach (var change in sync.Changes)
        {
            writer.WriteStartObject();
            WriteObject(writer, change.Object);
            writer.WriteString("change", AuditNames.Of(change.Change));
            writer.WriteString("diff", change.Diff);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDrift(Utf8JsonWriter writer, DriftEvent drift)
    {
        WriteObject(writer, drift.Object);
        writer.WriteString("drift", AuditNames.Of(drift.Drift));
        if (drift.ChangedBy is null)
        {
            writer.WriteNull("changedBy");
        }
        else
        {
            writer.WriteStartArray("changedBy");
            foreach (var manager in drift.ChangedBy)
            {
                writer.WriteStringValue(manager);
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean("reverted", drift.Reverted);
        writer.WriteString("notRevertedReason", drift.NotRevertedReason);
        writer.WriteString("diff", drift.Diff);
    }

    private static void WriteRefusal(Utf8JsonWriter writer, RefusalEvent refusal)
    {
        writer.WriteString("revision", refusal.Revision);
        writer.WriteString("reason", AuditNames.Of(refusal.Reason));
        writer.WriteString("message", refusal.Message);
        writer.WriteStartArray("violations");
        foreach (var violation in refusal.Violations)
        {
            writer.WriteStartObject();
            writer.WriteString("file", violation.File);
            if (violation.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }

            writer.WriteString("message", violation.Message);
            writer.WriteString("rule", violation.Rule);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, ObjectRef reference)
    {
        writer.WriteStartObject("object");
        writer.WriteString("ref", reference.ToString());
        writer.WriteString("apiVersion", reference.ApiVersion);
        writer.WriteString("kind", reference.Kind);
        writer.WriteString("namespace", reference.Namespace);
        writer.WriteString("name", reference.Name);
        writer.WriteEndObject();
    }
}
