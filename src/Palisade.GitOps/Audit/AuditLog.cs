using Microsoft.Data.Sqlite;

namespace Palisade.GitOps.Audit;

/// <summary>
/// The audit trail of <c>palisade sync</c>, in SQLite at <c>&lt;state dir&gt;/audit.db</c>. One instance may be
/// shared by the threads of a process (calls take turns on its one connection); other processes may open the same
/// file meanwhile: WAL mode lets them read while this one writes, and the busy timeout makes writers wait for each
/// other instead of failing.
/// </summary>
public sealed class AuditLog : IDisposable
{
    public const string FileName = "audit.db";

    /// <summary>How often, in records, the retention limits are applied again while the log is open.</summary>
    private const int RecordsBetweenRetention = 256;

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly AuditRetention _retention;
    private readonly TimeProvider _clock;
    private int _recordsSinceRetention;

    private AuditLog(string path, SqliteConnection connection, AuditRetention retention, TimeProvider clock)
    {
        Path = path;
        _connection = connection;
        _retention = retention;
        _clock = clock;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public static string PathIn(string stateDirectory) => System.IO.Path.Combine(stateDirectory, FileName);

    /// <summary>
    /// Opens the log for the controller, creating the folder and the database as needed, and applies
    /// <paramref name="retention"/> (by default <see cref="AuditRetention.Default"/>) now and every few hundred records.
    /// </summary>
    public static AuditLog Open(string stateDirectory, AuditRetention? retention = null, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(stateDirectory);
        var log = Connect(PathIn(stateDirectory), SqliteOpenMode.ReadWriteCreate, retention ?? AuditRetention.Default, clock ?? TimeProvider.System);
        try
        {
            log.ApplyRetention();
            return log;
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Opens a log that must exist already, to read it; never prunes on its own.</summary>
    public static AuditLog OpenExisting(string stateDirectory)
    {
        var path = PathIn(stateDirectory);
        if (!File.Exists(path))
        {
            throw new AuditLogException($"{System.IO.Path.GetFullPath(path)}: no audit log here (palisade sync writes it; give its state folder with --state)");
        }

        return Connect(path, SqliteOpenMode.ReadWrite, AuditRetention.Unlimited, TimeProvider.System);
    }

    private static AuditLog Connect(string path, SqliteOpenMode mode, AuditRetention retention, TimeProvider clock)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,

            // Without pooling, Dispose closes the file, so the folder can be removed right after.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = NORMAL;
                    PRAGMA foreign_keys = ON;
                    """;
                command.ExecuteNonQuery();
            }

            AuditSchema.Migrate(connection, path);
            return new AuditLog(path, connection, retention, clock);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new AuditLogException($"{path}: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stores the event; returns its id.</summary>
    public long Record(SyncEvent syncEvent) => Insert(syncEvent);

    public long Record(DriftEvent driftEvent) => Insert(driftEvent);

    public long Record(RefusalEvent refusalEvent) => Insert(refusalEvent);

    public IReadOnlyList<AuditEntry> Query(AuditQuery query)
    {
        lock (_gate)
        {
            try
            {
                return AuditEventReader.Query(_connection, query);
            }
            catch (SqliteException ex)
            {
                throw new AuditLogException($"{Path}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Deletes the events before <paramref name="olderThan"/>; returns how many.</summary>
    public int Prune(DateTimeOffset olderThan) =>
        Delete("DELETE FROM events WHERE time < $time", "$time", AuditColumns.Time(olderThan));

    /// <summary>Deletes all but the newest <paramref name="maxEvents"/> events; returns how many went.</summary>
    public int PruneToCount(int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEvents);
        return Delete("DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY time DESC, id DESC LIMIT -1 OFFSET $keep)", "$keep", maxEvents);
    }

    /// <summary>Applies the retention the log was opened with; returns how many events went.</summary>
    public int ApplyRetention()
    {
        var pruned = 0;
        if (_retention.MaxAge is { } age)
        {
            pruned += Prune(_clock.GetUtcNow() - age);
        }

        if (_retention.MaxEvents is { } count)
        {
            pruned += PruneToCount(count);
        }

        return pruned;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private long Insert(AuditEvent auditEvent)
    {
        long id;
        bool due;
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                id = AuditEventWriter.Insert(_connection, transaction, auditEvent);
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                throw new AuditLogException($"{Path}: recording a {AuditNames.Of(auditEvent.Type)} event: {ex.Message}", ex);
            }

            due = ++_recordsSinceRetention >= RecordsBetweenRetention;
            if (due)
            {
                _recordsSinceRetention = 0;
            }
        }

        if (due)
        {
            ApplyRetention();
        }

        return id;
    }

    private int Delete(string sql, string parameter, object value)
    {
        lock (_gate)
        {
            // The objects go with their events (ON DELETE CASCADE, foreign keys are on for this connection).
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue(parameter, value);
            var deleted = command.ExecuteNonQuery();
            transaction.Commit();
            return deleted;
        }
    }
}
