using Microsoft.Data.Sqlite;

namespace Palisade.GitOps.Audit;

/// <summary>Inserts one event, with its objects, inside the caller's transaction.</summary>
internal static class AuditEventWriter
{
    public static long Insert(SqliteConnection connection, SqliteTransaction transaction, AuditEvent auditEvent)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO events (type, time, revision, source, author, committer, signer, outcome, unchanged, reverted, changed_by, reason, message, violations)
            VALUES ($type, $time, $revision, $source, $author, $committer, $signer, $outcome, $unchanged, $reverted, $changed_by, $reason, $message, $violations)
            RETURNING id
            """;
        var columns = Columns(auditEvent);
        command.Parameters.AddWithValue("$type", AuditNames.Of(auditEvent.Type));
        command.Parameters.AddWithValue("$time", AuditColumns.Time(auditEvent.Time));
        foreach (var name in new[] { "revision", "source", "author", "committer", "signer", "outcome", "unchanged", "reverted", "changed_by", "reason", "message", "violations" })
        {
            command.Parameters.AddWithValue("$" + name, columns.GetValueOrDefault(name) ?? DBNull.Value);
        }

        var id = (long)command.ExecuteScalar()!;
        InsertObjects(connection, transaction, id, Objects(auditEvent));
        return id;
    }

    private static Dictionary<string, object?> Columns(AuditEvent auditEvent) => auditEvent switch
    {
        SyncEvent sync => new()
        {
            ["revision"] = sync.Revision,
            ["source"] = sync.Source,
            ["author"] = sync.Author,
            ["committer"] = sync.Committer,
            ["signer"] = sync.Signer,
            ["outcome"] = AuditNames.Of(sync.Outcome),
            ["unchanged"] = sync.Unchanged,
            ["message"] = sync.FailureMessage,
        },
        DriftEvent drift => new()
        {
            ["reverted"] = drift.Reverted ? 1 : 0,
            ["changed_by"] = drift.ChangedBy is null ? null : AuditColumns.Managers(drift.ChangedBy),
            ["message"] = drift.NotRevertedReason,
        },
        RefusalEvent refusal => new()
        {
            ["revision"] = refusal.Revision,
            ["reason"] = AuditNames.Of(refusal.Reason),
            ["message"] = refusal.Message,
            ["violations"] = AuditColumns.Violations(refusal.Violations),
        },
        _ => throw new ArgumentException($"unknown audit event {auditEvent.GetType().Name}", nameof(auditEvent)),
    };

    private static IEnumerable<(ObjectRef Object, string Change, string Diff)> Objects(AuditEvent auditEvent) => auditEvent switch
    {
        SyncEvent sync => sync.Changes.Select(c => (c.Object, AuditNames.Of(c.Change), c.Diff)),
        DriftEvent drift => [(drift.Object, AuditNames.Of(drift.Drift), drift.Diff)],
        _ => [],
    };

    private static void InsertObjects(SqliteConnection connection, SqliteTransaction transaction, long id, IEnumerable<(ObjectRef Object, string Change, string Diff)> objects)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO event_objects (event_id, position, api_version, kind, namespace, name, change, diff)
            VALUES ($event_id, $position, $api_version, $kind, $namespace, $name, $change, $diff)
            """;
        var eventId = command.Parameters.Add("$event_id", SqliteType.Integer);
        var position = command.Parameters.Add("$position", SqliteType.Integer);
        var apiVersion = command.Parameters.Add("$api_version", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var @namespace = command.Parameters.Add("$namespace", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var change = command.Parameters.Add("$change", SqliteType.Text);
        var diff = command.Parameters.Add("$diff", SqliteType.Text);
        var index = 0;
        foreach (var item in objects)
        {
            eventId.Value = id;
            position.Value = index++;
            apiVersion.Value = item.Object.ApiVersion;
            kind.Value = item.Object.Kind;
            @namespace.Value = (object?)item.Object.Namespace ?? DBNull.Value;
            name.Value = item.Object.Name;
            change.Value = item.Change;
            diff.Value = item.Diff;
            command.ExecuteNonQuery();
        }
    }
}
