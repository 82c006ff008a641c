using Inventory.Core.Adjustments;
using NodaTime;

namespace Inventory.Core.Tests.Adjustments;

public sealed class AdjustmentLogRestoreTests
{
    [Fact]
    public void Restore_IntactEntries_ContinuesTheChainAsIfNeverStopped()
    {
        var whole = Log(5);
        var stored = Log(3).Entries;

        var restored = AdjustmentLog.Restore(stored, stored[^1].Hash);
        restored.Append(Request(4));
        restored.Append(Request(5));

        Assert.Equal(whole.Entries, restored.Entries);
        Assert.Equal(whole.HeadHash, restored.HeadHash);
    }

    [Fact]
    public void Restore_NoEntries_StartsFromGenesis()
    {
        var restored = AdjustmentLog.Restore([]);

        Assert.Equal(AdjustmentLog.GenesisHash, restored.HeadHash);
        Assert.Equal(1L, restored.Append(Request(1)).Sequence);
    }

    [Fact]
    public void Restore_EditedEntry_ThrowsNamingTheEntry()
    {
        var stored = Log(4).Entries.ToList();
        stored[1] = stored[1] with { Request = stored[1].Request with { Quantity = 40 } };

        var error = Assert.Throws<AdjustmentLogException>(() => AdjustmentLog.Restore(stored));

        Assert.Equal(1, error.FirstBrokenIndex);
        Assert.Contains("entry 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_InstantEditedBelowATick_ThrowsNamingTheEntry()
    {
        var stored = Log(3).Entries.ToList();
        var at = stored[2].Request.At;
        stored[2] = stored[2] with { Request = stored[2].Request with { At = at + Duration.FromNanoseconds(1) } };

        var error = Assert.Throws<AdjustmentLogException>(() => AdjustmentLog.Restore(stored));

        Assert.Equal(2, error.FirstBrokenIndex);
        Assert.Contains("edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_EntryWithoutRequest_ThrowsNamingTheEntry()
    {
        var stored = Log(3).Entries.ToList();
        stored[1] = stored[1] with { Request = null! };

        var error = Assert.Throws<AdjustmentLogException>(() => AdjustmentLog.Restore(stored));

        Assert.Equal(1, error.FirstBrokenIndex);
        Assert.Contains("no request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_EntriesCutFromTheEnd_ThrowsAgainstTheKeptHead()
    {
        var full = Log(4);
        var cut = full.Entries.Take(3).ToList();

        var error = Assert.Throws<AdjustmentLogException>(() => AdjustmentLog.Restore(cut, full.HeadHash));

        Assert.Equal(3, error.FirstBrokenIndex);
        Assert.Contains(full.HeadHash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_NullEntry_ThrowsNamingItsIndex()
    {
        var stored = Log(3).Entries.ToList();
        stored[2] = null!;

        var error = Assert.Throws<ArgumentException>(() => AdjustmentLog.Restore(stored));

        Assert.Contains("Entry 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_ChangeToTheSourceListAfterwards_DoesNotReachTheLog()
    {
        var stored = Log(2).Entries.ToList();
        var restored = AdjustmentLog.Restore(stored);

        stored.Clear();

        Assert.Equal(2, restored.Entries.Count);
    }

    private static AdjustmentLog Log(int length)
    {
        var log = new AdjustmentLog();
        for (var i = 1; i <= length; i++)
        {
            log.Append(Request(i));
        }

        return log;
    }

    private static AdjustmentRequest Request(int i) =>
        Requests.Change(-i, sku: $"SKU-{i % 2}") with { At = Requests.At.Plus(Duration.FromMinutes(i)) };
}
