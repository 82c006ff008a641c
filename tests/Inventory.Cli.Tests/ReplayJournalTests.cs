using Inventory.Core.Stock;
using Inventory.Core.Storage;

namespace Inventory.Cli.Tests;

/// <summary>The <c>--journal</c> option: the ledger's entries as JSON Lines.</summary>
public sealed class ReplayJournalTests
{
    [Fact]
    public async Task Replay_WithJournal_WritesEntriesWhoseFoldIsTheClosingStock()
    {
        using var csv = TempCsv.Of(
            Rows.Sale("100", "85123A", 6, "HEART", 1),
            Rows.Sale("100", "71053", 2, "LANTERN", 1),
            Rows.Return("C101", "85123A", -1, 2),
            Rows.Adjustment("102", "71053", -1, "wet damaged", 3));
        var journal = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}.jsonl");

        try
        {
            var report = await CliRun.ReplayJsonAsync(csv.Path, "--journal", journal);

            await using var file = File.OpenRead(journal);
            var entries = JournalJsonLines.Read(file, journal).ToList();
            var onHand = entries.Sum(e => e.Change.OnHand);
            Assert.Equal(report.GetProperty("closingUnits").GetInt64(), onHand);
            Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Equal(2, entries.Count(e => e.Kind == EntryKind.Fulfilled));
            Assert.Single(entries, e => e.Kind == EntryKind.Returned && e.Quantity == 1);
            Assert.Single(entries, e => e.Kind == EntryKind.Adjusted && e.Reason == "wet damaged");
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Theory]
    [InlineData("--opening", "-3")]
    [InlineData("--format", "xml")]
    [InlineData("--bogus", "1")]
    public async Task Replay_UsageError_WritesNothingToStandardOutput(string option, string value)
    {
        using var csv = TempCsv.Of(Rows.Sale("100", "85123A", 6, "HEART", 1));

        var run = await CliRun.RunAsync("replay", csv.Path, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(option == "--bogus" ? "--bogus" : value, run.Error, StringComparison.Ordinal);
    }
}
