using Microsoft.Data.Sqlite;

namespace Palisade.GitOps.Audit;

/// <summary>
/// The database layout, one migration per version, counted in <c>PRAGMA user_version</c> (which lives in the file
/// header, so it needs no table and changes in the same transaction as the migration).
/// </summary>
internal static class AuditSchema
{
    // Objects and their diffs are a child table because queries filter on them (by kind, namespace, name), which an
    // index serves; a sync touching many objects is many rows. Violations and field managers are only ever shown
    // with their event, never searched, so they are JSON columns of the event and cost no join.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL CHECK (type IN ('sync', 'drift', 'refusal')),
            time INTEGER NOT NULL,
            revision TEXT,
            source TEXT,
            author TEXT,
            committer TEXT,
            signer TEXT,
            outcome TEXT,
            unchanged INTEGER,
            reverted INTEGER,
            changed_by TEXT,
            reason TEXT,
            message TEXT,
            violations TEXT
        );
        CREATE INDEX events_by_time ON events (time, id);
        CREATE INDEX events_by_revision ON events (revision);
        CREATE TABLE event_objects (
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            api_version TEXT NOT NULL,
            kind TEXT NOT NULL,
            namespace TEXT,
            name TEXT NOT NULL,
            change TEXT NOT NULL,
            diff TEXT NOT NULL,
            PRIMARY KEY (event_id, position)
        );
        CREATE INDEX event_objects_by_object ON event_objects (kind COLLATE NOCASE, name, namespace);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the database up to <see cref="CurrentVersion"/>; refuses one written by a newer palisade.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        if (Version(connection, path) == CurrentVersion)
        {
            return;
        }

        // IMMEDIATE takes the write lock first, so two processes opening an old file do not both migrate it.
        using var transaction = connection.BeginTransaction(deferred: false);
        for (var version = Version(connection, path); version < CurrentVersion; version++)
        {
            Execute(connection, transaction, Migrations[version]);
        }

        // A pragma takes no parameters; the value is our own constant.
        Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
        transaction.Commit();
    }

    private static int Version(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new AuditLogException($"{path}: audit schema version {version} is newer than this palisade knows ({CurrentVersion}); use a newer palisade to read it");
        }

        return version;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
