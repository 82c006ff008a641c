using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;
using NodaTime;

namespace Inventory.Cli.Tests.Reconcile;

public class WarehouseCsvReaderTests
{
    [Fact]
    public void Read_DefaultColumns_ComputesSellableAndLatestAsOf()
    {
        using var file = new TempText(
            "sku,location,on_hand,allocated,damaged,quality_control,as_of\n" +
            "A,Main,20,3,2,1,2026-03-02T06:00:00Z\n" +
            "B,Main,5,0,0,0,2026-03-02T05:00:00Z\n");

        var (rows, latest) = WarehouseCsvReader.Read(file.Path, WarehouseColumns.Parse([]));

        Assert.Equal(new[] { 14L, 5L }, rows.Select(r => r.Sellable));
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 6, 0), latest);
    }

    [Theory]
    [InlineData("", "sku", "the file is empty; expected a header line first")]
    [InlineData("sku,site,on_hand\nA,Main,1\n", "location", "--warehouse-column maps a field to another column")]
    public void Read_MissingHeaderOrColumn_SaysHowToFixIt(string text, string column, string advice)
    {
        using var file = new TempText(text);

        var error = Assert.Throws<MalformedRowException>(
            () => WarehouseCsvReader.Read(file.Path, WarehouseColumns.Parse([])));

        Assert.Equal((1, column), (error.Line, error.Column));
        Assert.Contains(advice, error.Message);
    }

    [Fact]
    public void Read_MappedColumns_ReadsThemAndTreatsMissingCountsAsZero()
    {
        using var file = new TempText("Item Code,Site,Qty On Hand\nA,Main,9\n");
        var columns = WarehouseColumns.Parse(["sku=Item Code", "location=Site", "on_hand=Qty On Hand"]);

        var (rows, latest) = WarehouseCsvReader.Read(file.Path, columns);

        var row = Assert.Single(rows);
        Assert.Equal(("A", "Main", 9L), (row.Sku.Value, row.Location.Value, row.Sellable));
        Assert.Null(latest);
    }

    [Theory]
    [InlineData("A,Main,x,0", "on_hand", "x")]
    [InlineData(",Main,1,0", "sku", "")]
    [InlineData("A,Main,1,1.5", "allocated", "1.5")]
    public void Read_BadCell_NamesLineColumnAndValue(string line, string column, string value)
    {
        using var file = new TempText("sku,location,on_hand,allocated\nB,Main,1,0\n" + line + "\n");

        var error = Assert.Throws<MalformedRowException>(
            () => WarehouseCsvReader.Read(file.Path, WarehouseColumns.Parse([])));

        Assert.Equal((3, column, value), (error.Line, error.Column, error.Value));
    }

    [Fact]
    public void Parse_UnknownField_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => WarehouseColumns.Parse(["stock=Qty"]));

        Assert.Contains("'stock=Qty'", error.Message);
    }
}
