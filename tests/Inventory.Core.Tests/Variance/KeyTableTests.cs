using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Variance;

namespace Inventory.Core.Tests.Variance;

public class KeyTableTests
{
    /// <summary>Pieces from a tiny alphabet, so that keys share pieces and concatenations often coincide.</summary>
    private static readonly string[] _pieces = ["", "a", "b", "ab", "ba", "aab", "\u00e9", "a\u0000"];

    [Property(MaxTest = 300)]
    public Property GetOrAdd_Meets_DictionaryNumbering() =>
        Prop.ForAll(Arb.From(Keys()), keys =>
        {
            var table = new KeyTable();
            var reference = new Dictionary<(string, string, string, int), int>();
            foreach (var key in keys)
            {
                var id = table.GetOrAdd(key.Item1, key.Item2, key.Item3, key.Item4);
                var expected = reference.TryGetValue(key, out var known) ? known : reference[key] = reference.Count;
                Assert.Equal(expected, id);
            }

            Assert.Equal(reference.Count, table.Count);
            foreach (var ((first, second, third, tag), id) in reference)
            {
                Assert.Equal(id, table.Find(first, second, third, tag));
                Assert.Equal(first, table.First(id).ToString());
                Assert.Equal(second, table.Second(id).ToString());
                Assert.Equal(tag, table.Tag(id));
            }
        });

    [Property(MaxTest = 200)]
    public Property Find_KeyNeverAdded_MinusOne() =>
        Prop.ForAll(Arb.From(Keys()), Arb.From(Key()), (keys, probe) =>
        {
            var table = new KeyTable();
            foreach (var key in keys)
            {
                table.GetOrAdd(key.Item1, key.Item2, key.Item3, key.Item4);
            }

            var added = keys.Contains(probe);
            Assert.Equal(added, table.Find(probe.Item1, probe.Item2, probe.Item3, probe.Item4) >= 0);
        });

    /// <summary>Enough keys to fill several pages of entries and to rebuild the buckets many times.</summary>
    [Fact]
    public void GetOrAdd_ManyKeys_NumbersDenselyAndFindsEachAgain()
    {
        var table = new KeyTable();
        const int count = 100_000;

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, table.GetOrAdd($"SKU-{i}", "WH", [], i % 3));
        }

        Assert.Equal(count, table.Count);
        Assert.All(Enumerable.Range(0, count), i =>
        {
            Assert.Equal(i, table.Find($"SKU-{i}", "WH", [], i % 3));
            Assert.Equal($"SKU-{i}", table.First(i).ToString());
            Assert.Equal(i % 3, table.Tag(i));
        });
        Assert.Equal(-1, table.Find("SKU-1", "WH", [], 2));
    }

    [Fact]
    public void GetOrAdd_EmptyKeyFirst_NumbersItAndFindsItAgain()
    {
        var table = new KeyTable();

        var empty = table.GetOrAdd("", "", "", 0);
        var next = table.GetOrAdd("a", "", "", 0);

        Assert.Equal((0, 1), (empty, next));
        Assert.Equal(0, table.Find("", "", "", 0));
        Assert.Equal(string.Empty, table.First(empty).ToString());
    }

    [Fact]
    public void GetOrAdd_SameTextSplitDifferently_DistinctKeys()
    {
        var table = new KeyTable();

        int[] ids =
        [
            table.GetOrAdd("abc", "", "", 0), table.GetOrAdd("ab", "c", "", 0), table.GetOrAdd("a", "bc", "", 0),
            table.GetOrAdd("a", "b", "c", 0), table.GetOrAdd("", "", "abc", 0), table.GetOrAdd("abc", "", "", 1),
        ];

        Assert.Equal([0, 1, 2, 3, 4, 5], ids);
        Assert.Equal(6, table.Count);
    }

    [Fact]
    public void GetOrAdd_KeyLongerThanOneTextArray_RoundTripsAndLaterKeysStillFit()
    {
        var table = new KeyTable();
        var small = table.GetOrAdd("first", "", "", 0);
        var huge = new string('x', 3_000_000);

        var id = table.GetOrAdd(huge, "tail", "", 7);
        var after = table.GetOrAdd("after", "", "", 0);

        Assert.Equal(huge, table.First(id).ToString());
        Assert.Equal("tail", table.Second(id).ToString());
        Assert.Equal("first", table.First(small).ToString());
        Assert.Equal("after", table.First(after).ToString());
        Assert.Equal(id, table.Find(huge, "tail", "", 7));
    }

    [Fact]
    public void GetOrAdd_ManyKeys_NumbersDenselyAndFindsEach()
    {
        var table = new KeyTable();
        for (var i = 0; i < 200_000; i++)
        {
            Assert.Equal(i, table.GetOrAdd($"SKU-{i}", "WH-1", "", i % 3));
        }

        Assert.Equal(200_000, table.Count);
        Assert.Equal(123_456, table.Find("SKU-123456", "WH-1", "", 123_456 % 3));
        Assert.Equal(-1, table.Find("SKU-123456", "WH-1", "", (123_456 % 3) + 1));
        Assert.Equal(-1, table.Find("SKU-200000", "WH-1", "", 200_000 % 3));
    }

    private static Gen<(string, string, string, int)> Key() =>
        from first in Gen.Elements(_pieces)
        from second in Gen.Elements(_pieces)
        from third in Gen.Elements(_pieces)
        from tag in Gen.Choose(-1, 2)
        select (first, second, third, tag);

    private static Gen<List<(string, string, string, int)>> Keys() =>
        Gen.ListOf(Key()).Select(keys => keys.ToList());
}
