using System.Diagnostics;
using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Storage.Sqlite.Tests;

/// <summary>
/// Kills writer processes with SIGKILL at random moments mid-batch, then reopens the file: every batch must be
/// there whole or not at all, and the positions must equal a replay of the journal.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Rounds = 6;
    private readonly TempDatabase _files = new();

    [Fact]
    public async Task Open_AfterWritersKilledMidBatch_HoldsWholeBatchesAndPositionsEqualJournalReplay()
    {
        var path = _files.NextPath();
        SqliteInventoryStore.Open(path).Dispose();
        var random = new Random(20260302);

        for (var round = 0; round < Rounds; round++)
        {
            var writers = new[] { StartWriter(path, $"w{round}a"), StartWriter(path, $"w{round}b") };
            await Task.WhenAll(writers.Select(WaitUntilReadyAsync));
            await Task.Delay(random.Next(150, 600));
            foreach (var writer in writers)
            {
                writer.Kill(entireProcessTree: true);
                await writer.WaitForExitAsync();
                Assert.Equal(137, writer.ExitCode);
                writer.Dispose();
            }
        }

        using var store = SqliteInventoryStore.Open(path);
        var journal = await store.ReadJournalAsync(0, int.MaxValue);
        Assert.True(journal.Count >= Rounds * 4, $"the writers wrote only {journal.Count} entries");
        await AssertWholeBatchesAsync(store, journal);
        await AssertPositionsEqualReplayAsync(store, journal);
    }

    public void Dispose() => _files.Dispose();

    private static async Task AssertWholeBatchesAsync(SqliteInventoryStore store, IReadOnlyList<JournalEntry> journal)
    {
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        foreach (var batch in journal.GroupBy(e => e.IdempotencyKey))
        {
            var expected = batch.Key.Contains("-reserve-", StringComparison.Ordinal) ? 3 : 1;
            Assert.Equal(expected, batch.Count());
            var outcome = await store.FindOutcomeAsync(batch.Key);
            Assert.NotNull(outcome);
            Assert.Equal(batch.ToList(), outcome.Entries.ToList());
        }
    }

    private static async Task AssertPositionsEqualReplayAsync(
        SqliteInventoryStore store, IReadOnlyList<JournalEntry> journal)
    {
        var replayed = journal.GroupBy(e => e.Key)
            .Select(g => (g.Key, g.Aggregate(StockPosition.Empty, (p, e) => p.Apply(e.Change))))
            .OrderBy(p => p.Key)
            .ToList();
        var stored = await store.ReadAllPositionsAsync(Instant.MinValue);

        Assert.Equal(replayed, stored.Select(p => (p.Key, p.Stored)).ToList());
        var holds = await store.FindExpiredHoldsAsync(Instant.MaxValue, int.MaxValue);
        Assert.Equal(stored.Sum(p => p.Stored.Reserved), holds.Sum(h => h.Quantity));
    }

    private static Process StartWriter(string path, string writerId)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Inventory.Storage.Sqlite.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(writerId);

        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }

    private static async Task WaitUntilReadyAsync(Process writer)
    {
        var line = await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("ready", line);
    }
}
