using Inventory.Core.Stock;

namespace Inventory.Core.Tests.Stock;

public sealed class SkuTests
{
    [Fact]
    public void Constructor_Empty_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sku(string.Empty));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("SKU must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNull()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new Sku(null!));

        Assert.Equal("value", error.ParamName);
    }

    [Theory]
    [InlineData(" A-1")]
    [InlineData("A-1 ")]
    [InlineData("\tA-1")]
    [InlineData("   ")]
    public void Constructor_LeadingOrTrailingWhiteSpace_ThrowsNamingTheValue(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new Sku(value));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("white space", error.Message, StringComparison.Ordinal);
        Assert.False(Sku.TryCreate(value, out var sku));
        Assert.Equal(default, sku);
    }

    [Fact]
    public void Constructor_InnerWhiteSpace_IsAccepted()
    {
        var sku = new Sku("BLUE MUG");

        Assert.Equal("BLUE MUG", sku.Value);
    }

    [Fact]
    public void Constructor_OneOverTheLimit_ThrowsNamingLengthAndLimit()
    {
        var value = new string('X', Sku.MaxLength + 1);

        var error = Assert.Throws<ArgumentException>(() => new Sku(value));

        Assert.Contains("256 characters long; at most 255", error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('X', 40) + "...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AtTheLimit_IsAccepted()
    {
        var value = new string('X', Sku.MaxLength);

        Assert.Equal(value, new Sku(value).Value);
        Assert.True(Sku.TryCreate(value, out _));
    }

    [Fact]
    public void Equals_DifferentCase_IsADifferentSku()
    {
        Assert.NotEqual(new Sku("mug-a"), new Sku("MUG-A"));
        Assert.Equal(new Sku("MUG-A"), new Sku("MUG-A"));
        Assert.Equal(new Sku("MUG-A").GetHashCode(), new Sku("MUG-A").GetHashCode());
    }

    [Fact]
    public void Equals_CanonicallyEquivalentUnicode_IsADifferentSku()
    {
        var composed = new Sku("caf\u00e9");
        var decomposed = new Sku("cafe\u0301");

        Assert.NotEqual(composed, decomposed);
    }

    [Fact]
    public void CompareTo_MixedCase_SortsByOrdinalCodeUnits()
    {
        var skus = new[] { "b", "B", "a", "A", "_" }.Select(v => new Sku(v)).ToList();

        var sorted = skus.Order().Select(s => s.Value);

        Assert.Equal(["A", "B", "_", "a", "b"], sorted);
    }

    [Fact]
    public void Value_Default_IsEmptyString()
    {
        Assert.Equal(string.Empty, default(Sku).Value);
    }
}
