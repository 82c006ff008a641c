using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;

namespace Inventory.Cli.Tests.Reconcile;

public class ShopifyInventoryReaderTests
{
    private const string OldHeader =
        "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU," +
        "HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand";

    private const string NewHeader =
        "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU," +
        "HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable)," +
        "Committed (not editable),Available (not editable),On hand (current),On hand (new)";

    [Fact]
    public void Read_OlderLayout_KeysRowsBySkuOrHandleAndOptions()
    {
        using var file = new TempText(
            OldHeader + "\n" +
            "tee,Tee,Size,M,,,,,TEE-M,,,Main,0,0,1,-2,-1\n" +
            "tee,Tee,Size,L,Colour,Red,,,,,,Main,0,0,0,7,7\n");

        var rows = ShopifyInventoryReader.Read(file.Path);

        Assert.Equal(
            new[] { ("TEE-M", "Main", -2L), ("handle:tee/L/Red", "Main", 7L) },
            rows.Select(r => (r.Sku.Value, r.Location.Value, r.Available)));
    }

    [Fact]
    public void Read_NewerLayout_SkipsNotStockedAndJoinsSkuLineBreaks()
    {
        using var file = new TempText(
            NewHeader + "\n" +
            "mug,Mug,Title,Default Title,,,,,\"MUG-\nWHT\",,,Main,B-4,0,0,0,12,12,12\n" +
            "mug,Mug,Title,Default Title,,,,,MUG-BLK,,,Pop-up,,not stocked,not stocked,not stocked," +
            "not stocked,not stocked,not stocked\n");

        var row = Assert.Single(ShopifyInventoryReader.Read(file.Path));

        Assert.Equal(("MUG- WHT", "Main", 12L), (row.Sku.Value, row.Location.Value, row.Available));
    }

    [Fact]
    public void Read_WideLayout_ReadsOneRowPerLocationColumn()
    {
        using var file = new TempText(
            "Handle,Title,SKU,Main,Pop-up\n" +
            "cap,Cap,CAP-1,5,not stocked\n" +
            "hat,Hat,HAT-1,-1,3\n");

        var rows = ShopifyInventoryReader.Read(file.Path);

        Assert.Equal(
            new[] { ("CAP-1", "Main", 5L), ("HAT-1", "Main", -1L), ("HAT-1", "Pop-up", 3L) },
            rows.Select(r => (r.Sku.Value, r.Location.Value, r.Available)));
    }

    [Fact]
    public void Read_NonNumericAvailable_NamesFileLineColumnAndValue()
    {
        using var file = new TempText(
            OldHeader + "\n" +
            "tee,Tee,Size,M,,,,,TEE-M,,,Main,0,0,1,2,3\n" +
            "tee,Tee,Size,L,,,,,TEE-L,,,Main,0,0,1,lots,3\n");

        var error = Assert.Throws<MalformedRowException>(() => ShopifyInventoryReader.Read(file.Path));

        Assert.Equal((3, "Available", "lots"), (error.Line, error.Column, error.Value));
        Assert.Contains(file.Path, error.Message);
    }

    [Fact]
    public void Read_HeaderWithoutHandle_ThrowsOnLineOne()
    {
        using var file = new TempText("SKU,Location,Available\nA,Main,1\n");

        var error = Assert.Throws<MalformedRowException>(() => ShopifyInventoryReader.Read(file.Path));

        Assert.Equal((1, "Handle"), (error.Line, error.Column));
        Assert.Contains("expected a Shopify inventory export", error.Message);
    }
}
