using Inventory.Core.Stock;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The hero SKUs chosen by units sold when the caller asks for as many as there are SKUs: all of them, best first.
/// (Keeping the best so far in order once cost a search and a shift per SKU, about ten seconds here; the run's
/// length, not an assertion, shows such a cost.)
/// </summary>
public class HeroSelectionScaleTests
{
    [Fact]
    public void Classify_HeroTopAsLargeAsTheSkusSoldInFallingOrder_ChoosesThemAll()
    {
        const int Skus = 60_000;
        var options = Options();
        options.HeroTopCount = Skus;
        VarianceEvent[] log =
        [
            .. Enumerable.Range(0, Skus).Select(i => Order(
                $"c{i}", VarianceSystem.Channel, $"o{i}", new Sku($"S{i:D6}"), Skus + 1 - i, 60)),
        ];
        var classifier = new VarianceClassifier(options);

        var report = classifier.Classify([ChannelRow(A, 5)], [WarehouseRow(A, 5)], () => log);

        Assert.Equal(Skus, report.HeroSkus.Count);
        Assert.Equal(("S000000", "S059999"), (report.HeroSkus[0].Value, report.HeroSkus[^1].Value));
    }
}
