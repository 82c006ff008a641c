using Inventory.Cli.Reconcile;

namespace Inventory.Cli.Tests.Reconcile;

public class ReadAheadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(50_001)]
    public void Of_AnySize_YieldsTheSameItemsInOrder(int count)
    {
        var items = ReadAhead.Of(Enumerable.Range(0, count)).ToList();

        Assert.Equal(Enumerable.Range(0, count), items);
    }

    [Fact]
    public void Of_SourceFailsMidway_YieldsEveryEarlierItemThenTheSameException()
    {
        var seen = new List<int>();

        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(10_000)))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("row 10000 is bad", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 10_000), seen);
    }

    [Fact]
    public void Of_ConsumerStopsEarly_SourceIsClosedAndNothingHangs()
    {
        var source = new Tracked(1_000_000);

        var first = ReadAhead.Of(source.Items()).Take(5).ToList();

        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.True(source.Closed);
        Assert.True(source.Produced < 1_000_000);
    }

    private static IEnumerable<int> Failing(int goodItems)
    {
        for (var i = 0; i < goodItems; i++)
        {
            yield return i;
        }

        throw new InvalidDataException($"row {goodItems} is bad");
    }

    private sealed class Tracked(int count)
    {
        public bool Closed { get; private set; }

        public int Produced { get; private set; }

        public IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    Produced++;
                    yield return i;
                }
            }
            finally
            {
                Closed = true;
            }
        }
    }
}
