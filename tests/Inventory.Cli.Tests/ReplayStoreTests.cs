using Inventory.Core.Storage;
using Inventory.Storage.Sqlite;

namespace Inventory.Cli.Tests;

/// <summary>The <c>--store</c> option: the ledger's state kept in a SQLite file across runs.</summary>
public sealed class ReplayStoreTests
{
    private static readonly string[] SampleRows =
    [
        Rows.Sale("100", "85123A", 6, "HEART", 1),
        Rows.Sale("100", "71053", 2, "LANTERN", 1),
        Rows.Return("C101", "85123A", -1, 2),
        Rows.Adjustment("102", "71053", -1, "wet damaged", 3),
    ];

    [Fact]
    public async Task Replay_TwiceIntoOneSqliteFile_AppliesEveryCommandOnce()
    {
        using var csv = TempCsv.Of(SampleRows);
        var file = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.db");

        try
        {
            var first = await CliRun.ReplayJsonAsync(csv.Path, "--store", "sqlite:" + file);
            var entriesAfterFirst = await JournalLengthAsync(file);
            var second = await CliRun.ReplayJsonAsync(csv.Path, "--store", "sqlite:" + file);

            Assert.Equal(first.GetProperty("closingUnits").GetInt64(), second.GetProperty("closingUnits").GetInt64());
            Assert.Equal(entriesAfterFirst, await JournalLengthAsync(file));
            Assert.True(entriesAfterFirst >= 6, $"journal holds {entriesAfterFirst} entries");
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Theory]
    [InlineData("postgres:x")]
    [InlineData("sqlite:")]
    public async Task Replay_UnknownStore_IsAUsageError(string store)
    {
        using var csv = TempCsv.Of(SampleRows);

        var run = await CliRun.RunAsync("replay", csv.Path, "--store", store);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("--store takes 'memory' or 'sqlite:<path>'", run.Error, StringComparison.Ordinal);
    }

    private static async Task<int> JournalLengthAsync(string file)
    {
        using var store = SqliteInventoryStore.Open(file);
        var entries = await store.ReadJournalAsync(0, 100_000);

        return entries.Count;
    }
}
