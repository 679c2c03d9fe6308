using Microsoft.Data.Sqlite;
using Palisade.GitOps.Audit;
using static Palisade.GitOps.Tests.Audit.AuditSamples;

namespace Palisade.GitOps.Tests.Audit;

public sealed class AuditLogConcurrencyTests : IDisposable
{
    private readonly string _state = NewStateDirectory();

    public void Dispose() => Remove(_state);

    [Fact]
    public void ThreadsSharingALogAndASecondLogOnTheSameFileLoseNoEvent()
    {
        const int threads = 6;
        const int perThread = 40;
        using var shared = AuditLog.Open(_state, AuditRetention.Unlimited);
        using var other = AuditLog.Open(_state, AuditRetention.Unlimited);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var log = t % 2 == 0 ? shared : other;
            for (var i = 0; i < perThread; i++)
            {
                if (i % 2 == 0)
                {
                    log.Record(DriftAt(Start.AddSeconds(i), new ObjectRef("v1", "NetworkPolicy", $"t{t}", $"p{i}")));
                }
                else
                {
                    log.Record(SyncAt(Start.AddSeconds(i), $"{t:x2}{i:x4}", ObjectChange.Between(new ObjectRef("v1", "NetworkPolicy", $"t{t}", $"p{i}"), null, "a: 1\n")));
                }

                // Readers interleave with the writers on both connections.
                log.Query(new AuditQuery { Limit = 5 });
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var all = shared.Query(new AuditQuery { Limit = 10_000 });
        Assert.Equal(threads * perThread, all.Count);
        Assert.Equal(threads * perThread, all.Select(e => e.Id).Distinct().Count());
        for (var t = 0; t < threads; t++)
        {
            Assert.Equal(perThread, other.Query(new AuditQuery { Object = new ObjectFilter(null, null, $"t{t}", null), Limit = 10_000 }).Count);
        }
    }

    [Fact]
    public void AReaderOpensAndReadsWhileAWriterHoldsAWriteTransaction()
    {
        using var writer = AuditLog.Open(_state, AuditRetention.Unlimited);
        writer.Record(Refusal(Start, "committed"));
        using var holder = new SqliteConnection($"Data Source={writer.Path};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(deferred: false);
        using (var insert = holder.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO events (type, time, revision, reason, message, violations) VALUES ('refusal', 0, 'pending', 'other', 'not yet committed', '[]')";
            insert.ExecuteNonQuery();
        }

        using (var reader = AuditLog.OpenExisting(_state))
        {
            var seen = Assert.Single(reader.Query(new AuditQuery()));
            Assert.Equal("committed", ((RefusalEvent)seen.Event).Revision);
        }

        transaction.Commit();
        Assert.Equal(2, writer.Query(new AuditQuery()).Count);
    }
}
