using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Variance;

namespace Inventory.Core.Tests.Variance;

/// <summary>The paged array against a plain list: same values at every index, however it grew.</summary>
public class PagedArrayTests
{
    [Property(MaxTest = 200)]
    public Property Writes_ReadBackLikeAList_AcrossPageBoundaries() =>
        Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 70_000).Zip(Gen.Choose(int.MinValue, int.MaxValue)))),
            writes =>
            {
                var paged = new PagedArray<long>();
                var reference = new List<long>();
                foreach (var (index, value) in writes)
                {
                    paged.EnsureLength(index + 1);
                    while (reference.Count <= index)
                    {
                        reference.Add(0);
                    }

                    paged[index] = value;
                    reference[index] = value;
                    Assert.True(paged.Length >= reference.Count);
                }

                for (var i = 0; i < reference.Count; i++)
                {
                    Assert.Equal(reference[i], paged[i]);
                }
            });

    [Fact]
    public void EnsureLength_PastOnePage_KeepsEveryValueAndStartsNewOnesAtDefault()
    {
        var paged = new PagedArray<int>();
        paged.EnsureLength(20_000);
        for (var i = 0; i < 20_000; i++)
        {
            paged[i] = i + 1;
        }

        paged.EnsureLength(100_000);

        Assert.True(paged.Length >= 100_000);
        Assert.All(Enumerable.Range(0, 20_000), i => Assert.Equal(i + 1, paged[i]));
        Assert.All(Enumerable.Range(20_000, 80_000), i => Assert.Equal(0, paged[i]));
    }

    [Fact]
    public void Indexer_ReturnsAReference_SoAStructIsChangedInPlace()
    {
        var paged = new PagedArray<(int Count, long Sum)>();
        paged.EnsureLength(40_000);

        paged[39_999].Count++;
        paged[39_999].Sum += 7;

        Assert.Equal((1, 7L), paged[39_999]);
    }
}
