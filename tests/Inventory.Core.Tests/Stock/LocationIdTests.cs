using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Stock;

public sealed class LocationIdTests
{
    [Fact]
    public void Constructor_Empty_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocationId(string.Empty));

        Assert.Contains("location must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" W1")]
    [InlineData("W1\n")]
    [InlineData(" ")]
    public void Constructor_LeadingOrTrailingWhiteSpace_ThrowsNamingTheValue(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new LocationId(value));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.False(LocationId.TryCreate(value, out _));
    }

    [Fact]
    public void Constructor_OneOverTheLimit_ThrowsNamingLengthAndLimit()
    {
        var value = new string('W', LocationId.MaxLength + 1);

        var error = Assert.Throws<ArgumentException>(() => new LocationId(value));

        Assert.Contains("129 characters long; at most 128", error.Message, StringComparison.Ordinal);
        Assert.True(LocationId.TryCreate(value[..LocationId.MaxLength], out var atLimit));
        Assert.Equal(LocationId.MaxLength, atLimit.Value.Length);
    }

    [Fact]
    public async Task Equals_DifferentCase_KeepsSeparatePositions()
    {
        var harness = new Support.LedgerHarness();
        await harness.Receive("A", "w1", 2);
        await harness.Receive("A", "W1", 5);

        Assert.NotEqual(new LocationId("w1"), new LocationId("W1"));
        Assert.Equal(2, (await harness.Position("A", "w1")).OnHand);
        Assert.Equal(5, (await harness.Position("A", "W1")).OnHand);
        Assert.Equal(7, await harness.Available("A"));
    }

    [Fact]
    public void CompareTo_MixedCase_SortsByOrdinalCodeUnits()
    {
        var sorted = new[] { "w2", "W2", "W10" }.Select(v => new LocationId(v)).Order().Select(l => l.Value);

        Assert.Equal(["W10", "W2", "w2"], sorted);
    }
}
