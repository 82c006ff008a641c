using Inventory.Core.Adjustments;

namespace Inventory.Core.Tests.Adjustments;

public sealed class ReasonMapperTests
{
    [Theory]
    [InlineData("wet damaged", "damaged")]
    [InlineData("Smashed", "damaged")]
    [InlineData("unsaleable, destroyed.", "damaged")]
    [InlineData("check", "cycle_count_available")]
    [InlineData("found", "cycle_count_available")]
    [InlineData("missing", "shrinkage")]
    [InlineData("incorrect stock entry.", "correction")]
    [InlineData("sold as set on dotcom", "correction")]
    [InlineData("Safety Stock", "safety_stock")]
    [InlineData("shrinkage", "shrinkage")]
    public void Map_KnownWording_GivesItsCode(string text, string code)
    {
        Assert.Equal(code, ReasonMapper.Default.Map(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?")]
    [InlineData(" ??? ")]
    [InlineData("had been put aside")]
    [InlineData(" White Hanging Heart T-Light Holder ")]
    public void Map_NoReasonText_GivesNoReason(string? text)
    {
        Assert.Null(ReasonMapper.Default.Map(text, "WHITE HANGING HEART T-LIGHT HOLDER"));
    }

    [Fact]
    public void Map_ConfiguredPatterns_FirstMatchWins()
    {
        var mapper = new ReasonMapper([new("sync", "sync_fix"), new("sync|race", "other")]);

        Assert.Equal(
            ("sync_fix", "other", (string?)null), (mapper.Map("Shopify sync"), mapper.Map("race"), mapper.Map("x")));
    }

    [Fact]
    public void Constructor_BadPatterns_ReportsEveryProblemTogether()
    {
        var error = Assert.Throws<AdjustmentPolicyException>(
            () => new ReasonMapper([new("(", "x"), new(" ", "y"), new("ok", "")]));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith(
            "Reason pattern 0 ('(') is not a valid expression", error.Problems[0], StringComparison.Ordinal);
    }
}
