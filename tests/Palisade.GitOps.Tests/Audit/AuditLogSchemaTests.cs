using Microsoft.Data.Sqlite;
using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditLogSchemaTests : IDisposable
{
    private readonly string _state = NewStateDirectory();

    public void Dispose() => Remove(_state);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={AuditLog.PathIn(_state)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql) => Scalar(sql + "; SELECT 0");

    [Fact]
    public void OpenCreatesTheFolderAndAVersionedDatabaseInWalMode()
    {
        using (var log = AuditLog.Open(_state))
        {
            Assert.Equal(Path.Combine(_state, "audit.db"), log.Path);
        }

        Assert.True(File.Exists(Path.Combine(_state, "audit.db")));
        Assert.Equal(1, Scalar("PRAGMA user_version"));
        using var connection = new SqliteConnection($"Data Source={AuditLog.PathIn(_state)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void ReopeningKeepsTheEventsAndTheVersion()
    {
        using (var log = AuditLog.Open(_state, AuditRetention.Unlimited))
        {
            log.Record(Refusal(Start, "abc"));
        }

        using (var log = AuditLog.Open(_state, AuditRetention.Unlimited))
        {
            Assert.Single(log.Query(new AuditQuery()));
        }

        Assert.Equal(1, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void AnEmptyDatabaseFileIsMigratedFromVersionZero()
    {
        Directory.CreateDirectory(_state);
        Execute("PRAGMA user_version = 0");

        using (var log = AuditLog.OpenExisting(_state))
        {
            log.Record(Refusal(Start, "abc"));
        }

        Assert.Equal(1, Scalar("PRAGMA user_version"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM events"));
    }

    [Fact]
    public void ADatabaseFromANewerPalisadeIsRefusedWithoutTouchingIt()
    {
        AuditLog.Open(_state).Dispose();
        Execute("PRAGMA user_version = 7");

        var error = Assert.Throws<AuditLogException>(() => AuditLog.Open(_state));

        Assert.Contains("audit.db", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 7 is newer than this palisade knows (1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, Scalar("PRAGMA user_version"));
        Assert.Throws<AuditLogException>(() => AuditLog.OpenExisting(_state));
    }

    [Fact]
    public void OpenExistingRefusesAMissingDatabaseNamingThePath()
    {
        var error = Assert.Throws<AuditLogException>(() => AuditLog.OpenExisting(_state));

        Assert.Contains(Path.Combine(_state, "audit.db"), error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_state));
    }

    [Fact]
    public void AFileThatIsNotADatabaseIsReportedWithItsPath()
    {
        Directory.CreateDirectory(_state);
        File.WriteAllText(AuditLog.PathIn(_state), "this is not an SQLite database, only some text long enough to have a header\n");

        var error = Assert.Throws<AuditLogException>(() => AuditLog.OpenExisting(_state));

        Assert.StartsWith(AuditLog.PathIn(_state) + ":", error.Message, StringComparison.Ordinal);
    }
}
