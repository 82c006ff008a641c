using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Inventory.Core.Bundles;
using Inventory.Core.Orders;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

/// <summary>Invariants of bundle math over random three-level catalogs.</summary>
public sealed class BundlePropertyTests
{
    [Property(MaxTest = 300)]
    public Property Availability_Meets_BruteForceCount() => Prop.ForAll(BundleTree.Arbitrary, tree =>
    {
        var catalog = tree.Catalog();
        var stock = new ComponentStock();
        foreach (var (sku, units) in tree.Stock)
        {
            stock.Set(sku, W1, units);
        }

        var index = new BundleAvailabilityIndex(catalog, Now, s => tree.Stock.GetValueOrDefault(s));
        foreach (var bundle in tree.Bundles)
        {
            var expected = tree.BruteForceAvailability(bundle);
            Assert.Equal(expected, BundleMath.AtLocation(catalog, bundle, Now, stock, W1).Quantity);
            Assert.Equal(expected, index.Availability(bundle));
        }
    });

    [Property(MaxTest = 300)]
    public Property NestedExplosion_Meets_FlattenedExplosion() => Prop.ForAll(
        BundleTree.Arbitrary, Arb.From(Gen.Choose(1, 50)), (tree, count) =>
        {
            var nested = tree.Catalog();
            var flattened = new BundleCatalog();
            flattened.Register(tree.Definitions.Select(d => d with { Components = [.. tree.Flatten(d.Parent, 1)] }));

            foreach (var bundle in tree.Bundles)
            {
                Assert.Equal(flattened.Explode(bundle, count, Now), nested.Explode(bundle, count, Now));
            }
        });

    [Property(MaxTest = 200)]
    public Property IncrementalUpdate_Meets_Rebuild() => Prop.ForAll(
        BundleTree.Arbitrary,
        Arb.From(Gen.Choose(1, 8).SelectMany(
            n => Gen.ArrayOf(Gen.Zip(Gen.Elements(BundleTree.Leaves), Gen.Choose(-5, 60)), n))),
        (tree, updates) =>
        {
            var stock = tree.Stock.ToDictionary();
            var index = new BundleAvailabilityIndex(tree.Catalog(), Now, s => stock.GetValueOrDefault(s));
            var before = tree.Bundles.ToDictionary(b => b, index.Availability);
            var changes = new List<AvailabilityChange>();

            index.Update([.. updates.Select(u => new StockLevel(u.Item1, u.Item2))], changes);

            foreach (var (sku, units) in updates)
            {
                stock[sku] = Math.Max(0, units);
            }

            var rebuilt = new BundleAvailabilityIndex(tree.Catalog(), Now, s => stock.GetValueOrDefault(s));
            foreach (var bundle in tree.Bundles)
            {
                Assert.Equal(rebuilt.Availability(bundle), index.Availability(bundle));
                Assert.Equal(rebuilt.Limiting(bundle), index.Limiting(bundle));
                var change = changes.Where(c => c.Sku == bundle).ToList();
                Assert.Equal(before[bundle] == rebuilt.Availability(bundle) ? 0 : 1, change.Count);
            }
        });

    [Property(MaxTest = 60)]
    public Property SellThenReturnAll_Meets_StockRestored() => Prop.ForAll(
        BundleTree.Arbitrary, Arb.From(Gen.Choose(1, 4)), Arb.From(Gen.Choose(0, 100_000)), (tree, count, price) =>
        {
            var harness = new LedgerHarness();
            var catalog = tree.Catalog();
            var bundle = tree.Definitions[^1].Parent;
            var needed = catalog.Explode(bundle, count, Now);
            foreach (var component in needed)
            {
                harness.Receive(component.Sku.Value, "W1", component.Quantity + 3).GetAwaiter().GetResult();
            }

            var reservation = BundleCart.Reserve(
                catalog, "r", "cart", [new BundleCartLine("l1", bundle, count, W1)], Now);
            harness.Apply(reservation.Command).GetAwaiter().GetResult();
            harness.Apply(new CommitCart("c", "cart", "order")).GetAwaiter().GetResult();
            harness.Apply(new FulfilOrder("f", "order")).GetAwaiter().GetResult();
            var sale = reservation.Sales[0];

            var result = BundleReturnCalculator.Calculate(
                sale, price, "EUR", [], [.. sale.Components.Select(c => new ReturnedComponent(c.Sku, c.Quantity))]);
            foreach (var command in result.RestockCommands("ret", W1))
            {
                harness.Apply(command).GetAwaiter().GetResult();
            }

            Assert.Equal(count, result.WholeBundlesReturned);
            Assert.Equal(price, result.RefundTotal);
            foreach (var component in needed)
            {
                var position = harness.Position(component.Sku.Value, "W1").GetAwaiter().GetResult();
                Assert.Equal(Expect.Position(onHand: component.Quantity + 3), position);
            }
        });

    [Property(MaxTest = 500)]
    public Property RefundParts_Meets_SumToTotalAndNeverNegative() => Prop.ForAll(
        Arb.From(RefundCases()), refund =>
        {
            var (sale, price, weights, steps) = refund;
            var returned = new List<ReturnedComponent>();
            decimal refunded = 0;
            foreach (var step in steps)
            {
                var result = BundleReturnCalculator.Calculate(sale, price, "EUR", returned, step, weights);
                Assert.All(result.Components, c => Assert.True(c.Refund >= 0, $"{c.Sku} refund {c.Refund}"));
                Assert.Equal(result.Components.Sum(c => c.Refund), result.RefundTotal);
                refunded += result.RefundTotal;
                returned.AddRange(step);
            }

            Assert.Equal(price, refunded);
            var parts = RefundSplit.Split(price, [.. weights.Select(w => (w.Key, w.Value))]);
            Assert.Equal(price, parts.Values.Sum());
            Assert.All(parts.Values, p => Assert.True(p >= 0 && p == decimal.Truncate(p)));
        });

    private static Gen<(BundleSale, decimal, Dictionary<Sku, decimal>, List<ReturnedComponent[]>)> RefundCases() =>
        from size in Gen.Choose(1, 4)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 5), size)
        from weights in Gen.ArrayOf(Gen.Choose(0, 999), size)
        from count in Gen.Choose(1, 5)
        from price in Gen.Choose(0, 1_000_000)
        from cents in Gen.Elements(0m, 0.01m, 0.5m)
        from seed in Gen.Choose(0, int.MaxValue)
        let perBundle = quantities.Select((q, i) => C($"X{i}", q)).ToArray()
        let sale = new BundleSale("l", S("K"), count, Now, new BundleDefinition(S("K"), perBundle), perBundle)
        let priced = perBundle.Select((c, i) => (c.Sku, weights[i] * (1m + cents)))
            .ToDictionary(p => p.Sku, p => p.Item2 == 0 && p.Sku == perBundle[0].Sku ? 1m : p.Item2)
        select (sale, (decimal)price, priced, Steps(sale, new Random(seed)));

    private static List<ReturnedComponent[]> Steps(BundleSale sale, Random random)
    {
        var units = sale.Components.SelectMany(c => Enumerable.Repeat(c.Sku, (int)c.Quantity)).ToList();
        var steps = new List<ReturnedComponent[]>();
        while (units.Count > 0)
        {
            var take = random.Next(1, units.Count + 1);
            var step = units.Take(take).GroupBy(s => s).Select(g => new ReturnedComponent(g.Key, g.Count())).ToArray();
            units.RemoveRange(0, take);
            steps.Add(step);
        }

        return steps;
    }
}
