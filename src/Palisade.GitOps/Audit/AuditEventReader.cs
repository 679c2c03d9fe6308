using System.Text;
using Microsoft.Data.Sqlite;

namespace Palisade.GitOps.Audit;

/// <summary>Reads the events a query selects, building the SQL from fixed fragments and binding every value.</summary>
internal static class AuditEventReader
{
    private const string Columns = "e.id, e.type, e.time, e.revision, e.source, e.author, e.committer, e.signer, e.outcome, e.unchanged, e.reverted, e.changed_by, e.reason, e.message, e.violations";

    public static List<AuditEntry> Query(SqliteConnection connection, AuditQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM events e WHERE 1 = 1");
        if (query.Type is { } type)
        {
            sql.Append(" AND e.type = $type");
            command.Parameters.AddWithValue("$type", AuditNames.Of(type));
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND e.time >= $since");
            command.Parameters.AddWithValue("$since", AuditColumns.Time(since));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND e.time < $until");
            command.Parameters.AddWithValue("$until", AuditColumns.Time(until));
        }

        if (query.RevisionPrefix is { Length: > 0 } prefix)
        {
            // substr instead of LIKE, so that % and _ in the input are plain characters.
            sql.Append(" AND lower(substr(e.revision, 1, length($revision))) = $revision");
            command.Parameters.AddWithValue("$revision", prefix.ToLowerInvariant());
        }

        AppendObjectFilter(sql, command, query);
        sql.Append(query.OldestFirst ? " ORDER BY e.time, e.id" : " ORDER BY e.time DESC, e.id DESC");
        sql.Append(" LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();

        var rows = new List<(long Id, Func<IReadOnlyList<ObjectRow>, AuditEvent> Build)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), Builder(reader)));
            }
        }

        return [.. rows.Select(row => new AuditEntry(row.Id, row.Build(ReadObjects(connection, row.Id))))];
    }

    private static void AppendObjectFilter(StringBuilder sql, SqliteCommand command, AuditQuery query)
    {
        var conditions = new List<string>();
        void Add(string condition, string parameter, string? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                command.Parameters.AddWithValue(parameter, value);
            }
        }

        Add("o.kind = $kind COLLATE NOCASE", "$kind", query.Kind);
        Add("o.api_version = $object_api_version", "$object_api_version", query.Object?.ApiVersion);
        Add("o.kind = $object_kind COLLATE NOCASE", "$object_kind", query.Object?.Kind);
        Add("o.namespace = $object_namespace", "$object_namespace", query.Object?.Namespace);
        Add("o.name = $object_name", "$object_name", query.Object?.Name);
        if (query.Object is not null || query.Kind is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM event_objects o WHERE o.event_id = e.id");
            foreach (var condition in conditions)
            {
                sql.Append(" AND ").Append(condition);
            }

            sql.Append(')');
        }
    }

    private sealed record ObjectRow(ObjectRef Object, string Change, string Diff);

    private static List<ObjectRow> ReadObjects(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT api_version, kind, namespace, name, change, diff FROM event_objects WHERE event_id = $id ORDER BY position";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<ObjectRow>();
        while (reader.Read())
        {
            var reference = new ObjectRef(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
            rows.Add(new ObjectRow(reference, reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }

    /// <summary>Reads the event's own columns now, while the reader is on its row; its objects come after.</summary>
    private static Func<IReadOnlyList<ObjectRow>, AuditEvent> Builder(SqliteDataReader reader)
    {
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var time = AuditColumns.Time(reader.GetInt64(2));
        var revision = Text(3);
        var message = Text(13);
        switch (AuditNames.Parse<AuditEventType>(reader.GetString(1)))
        {
            case AuditEventType.Sync:
                var (source, author, committer, signer) = (Text(4) ?? "", Text(5) ?? "", Text(6) ?? "", Text(7));
                var outcome = AuditNames.Parse<SyncOutcome>(reader.GetString(8));
                var unchanged = reader.GetInt32(9);
                return objects => new SyncEvent(
                    time, revision!, source, author, committer, signer, outcome, message,
                    [.. objects.Select(o => new ObjectChange(o.Object, AuditNames.Parse<ChangeKind>(o.Change), o.Diff))],
                    unchanged);
            case AuditEventType.Drift:
                var reverted = reader.GetInt64(10) != 0;
                var changedBy = Text(11) is { } managers ? AuditColumns.Managers(managers) : null;
                return objects => new DriftEvent(time, objects[0].Object, AuditNames.Parse<DriftKind>(objects[0].Change), objects[0].Diff, changedBy, reverted, message);
            default:
                var reason = AuditNames.Parse<RefusalReason>(reader.GetString(12));
                var violations = AuditColumns.Violations(Text(14) ?? "[]");
                return _ => new RefusalEvent(time, revision, reason, message!, violations);
        }
    }
}
