using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Variance.Reference;
using Inventory.Core.Variance;
using static Inventory.Core.Tests.Variance.VarianceWorld;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// The hero SKUs chosen by units sold: the classifier keeps only the best so far in one pass, the reference model
/// sorts every SKU. With many SKUs, tied totals and any count, both must choose the same SKUs.
/// </summary>
public class HeroSelectionPropertyTests
{
    private static readonly Sku[] _skus = [.. Enumerable.Range(0, 9).Select(i => new Sku($"S{(i * 7) % 9}"))];

    [Property(MaxTest = 300)]
    public Property HeroesByUnitsSold_MeetTheReferenceModel() =>
        Prop.ForAll(
            Arb.From(Sales()),
            Arb.From(Gen.Frequency((5, Gen.Choose(0, 11)), (1, Gen.Constant(70)))),
            (sales, count) =>
            {
                var options = Options();
                options.HeroTopCount = count;
                VarianceEvent[] events =
                [
                    .. sales.Select((sale, i) => Order(
                        $"e{i}", sale.Warehouse ? VarianceSystem.Warehouse : VarianceSystem.Channel, $"o{i}",
                        _skus[sale.Sku], sale.Units, 100 + i)),
                ];
                ChannelSnapshotRow[] channel = [ChannelRow(_skus[0], 5)];
                WarehouseSnapshotRow[] warehouse = [WarehouseRow(_skus[0], 5)];

                var chosen = new VarianceClassifier(options).Classify(channel, warehouse, () => events).HeroSkus;
                var expected = new ReferenceClassifier(options).Classify(channel, warehouse, events).HeroSkus;

                Assert.Equal(expected, chosen);
                Assert.Equal(Math.Min(count, sales.Where(s => !s.Warehouse).Select(s => s.Sku).Distinct().Count()),
                    chosen.Count);
            });

    private static Gen<(int Sku, long Units, bool Warehouse)[]> Sales() =>
        Gen.ArrayOf(
            from sku in Gen.Choose(0, _skus.Length - 1)
            from units in Gen.Elements(1L, 1L, 2L, 3L, 5L)
            from warehouse in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (sku, units, warehouse));
}
