using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Adjustments;

namespace Inventory.Core.Tests.Adjustments;

public sealed class AdjustmentLogTests
{
    [Fact]
    public void Verify_UntouchedChain_IsIntactAndLinked()
    {
        var entries = Chain(5);

        Assert.Equal(ChainVerification.Intact, AdjustmentLog.Verify(entries));
        Assert.Equal(AdjustmentLog.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[3].Hash, entries[4].PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", entries[4].Hash);
    }

    [Fact]
    public void Verify_EditedEntry_BreaksAtThatEntry()
    {
        var entries = Chain(5).ToList();
        entries[2] = entries[2] with { Request = entries[2].Request with { Quantity = 99 } };

        var result = AdjustmentLog.Verify(entries);

        Assert.Equal((false, (int?)2), (result.IsIntact, result.FirstBrokenIndex));
        Assert.Contains("the entry was edited", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EditedEntryWithItsHashRecomputed_BreaksAtTheNextEntry()
    {
        var entries = Chain(5).ToList();
        var edited = entries[1].Request with { Operator = "mallory" };
        var rehashed = AdjustmentLog.ComputeHash(2, edited, entries[1].PreviousHash);
        entries[1] = entries[1] with { Request = edited, Hash = rehashed };

        var result = AdjustmentLog.Verify(entries);

        Assert.Equal(2, result.FirstBrokenIndex);
        Assert.Contains("links to", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RemovedEntry_BreaksWhereItWas()
    {
        var entries = Chain(5).ToList();
        entries.RemoveAt(3);

        Assert.Equal(3, AdjustmentLog.Verify(entries).FirstBrokenIndex);
    }

    [Fact]
    public void Verify_ReorderedEntries_BreaksAtTheFirstMovedEntry()
    {
        var entries = Chain(5).ToList();
        (entries[1], entries[3]) = (entries[3], entries[1]);

        Assert.Equal(1, AdjustmentLog.Verify(entries).FirstBrokenIndex);
    }

    [Fact]
    public void Verify_EntriesCutFromTheEnd_FoundOnlyAgainstTheKeptHead()
    {
        var log = new AdjustmentLog();
        foreach (var entry in Chain(4))
        {
            log.Append(entry.Request);
        }

        var head = log.HeadHash;
        var cut = log.Entries.Take(3).ToList();

        Assert.True(AdjustmentLog.Verify(cut).IsIntact);
        Assert.Equal(3, AdjustmentLog.Verify(cut, head).FirstBrokenIndex);
        Assert.True(AdjustmentLog.Verify(log.Entries, head).IsIntact);
    }

    [Fact]
    public void ComputeHash_FieldsMovedBetweenNoteAndReference_DifferentHash()
    {
        var request = Requests.Change(1);

        var noted = AdjustmentLog.ComputeHash(1, request with { Note = "a|b" }, AdjustmentLog.GenesisHash);
        var split = AdjustmentLog.ComputeHash(
            1, request with { Note = "a", Reference = "b" }, AdjustmentLog.GenesisHash);

        Assert.NotEqual(noted, split);
    }

    /// <summary>Any single change to any field of any entry is found at exactly that entry.</summary>
    [Property(MaxTest = 200)]
    public Property EditAnywhere_Meets_FirstBrokenIndex() =>
        Prop.ForAll(
            Gen.Choose(1, 12).SelectMany(n => Gen.Choose(0, n - 1).Select(i => (n, i))).ToArbitrary(),
            Gen.Choose(0, 5).ToArbitrary(),
            ((int Length, int Index) at, int field) =>
            {
                var entries = Chain(at.Length).ToList();
                entries[at.Index] = entries[at.Index] with { Request = Edit(entries[at.Index].Request, field) };

                return AdjustmentLog.Verify(entries).FirstBrokenIndex == at.Index;
            });

    /// <summary>Swapping any two distinct entries breaks the chain at the first of them.</summary>
    [Property(MaxTest = 200)]
    public Property SwapAnyTwo_Meets_FirstBrokenIndex() =>
        Prop.ForAll(
            Gen.Choose(2, 12).SelectMany(n => Gen.Two(Gen.Choose(0, n - 1)).Where(p => p.Item1 != p.Item2)
                .Select(p => (n, p.Item1, p.Item2))).ToArbitrary(),
            ((int Length, int First, int Second) swap) =>
            {
                var entries = Chain(swap.Length).ToList();
                (entries[swap.First], entries[swap.Second]) = (entries[swap.Second], entries[swap.First]);

                return AdjustmentLog.Verify(entries).FirstBrokenIndex == Math.Min(swap.First, swap.Second);
            });

    private static AdjustmentRequest Edit(AdjustmentRequest request, int field) => field switch
    {
        0 => request with { Quantity = request.Quantity + 1 },
        1 => request with { ReasonCode = "other" },
        2 => request with { Operator = "mallory" },
        3 => request with { At = request.At.PlusTicks(1) },
        4 => request with { Note = "edited" },
        _ => request with { Approver = "carol" },
    };

    private static IReadOnlyList<AdjustmentLogEntry> Chain(int length)
    {
        var log = new AdjustmentLog();
        for (var i = 1; i <= length; i++)
        {
            var at = Requests.At.Plus(NodaTime.Duration.FromSeconds(i));
            log.Append(Requests.Change(-i, sku: $"SKU-{i % 3}") with { At = at });
        }

        return log.Entries;
    }
}
