using FsCheck;
using FsCheck.Fluent;

namespace Inventory.Core.Tests.Properties;

/// <summary>FsCheck generators of ledger scenarios: a few SKUs, three locations, several carts and orders.</summary>
internal static class LedgerGenerators
{
    private const int Carts = 4;
    private const int Orders = 4;
    private const int LineIds = 4;

    public static Gen<LedgerConfig> Config { get; } =
        from configured in Gen.Elements(true, false)
        from highest in Gen.Elements(true, false)
        from whole in Gen.Elements(true, false)
        select new LedgerConfig(configured, highest, whole);

    /// <summary>Mostly small quantities, some larger than any stock, a few that are invalid or at the limit.</summary>
    public static Gen<long> Quantity { get; } = Gen.Frequency(
        (16, Gen.Choose(1, 5).Select(q => (long)q)),
        (4, Gen.Choose(6, 40).Select(q => (long)q)),
        (1, Gen.Choose(1_000, 1_000_000).Select(q => (long)q)),
        (1, Gen.Constant(long.MaxValue)),
        (1, Gen.Choose(-2, 0).Select(q => (long)q)));

    public static Gen<long> SmallQuantity { get; } = Gen.Choose(1, 12).Select(q => (long)q);

    public static Gen<long> ReceiptQuantity { get; } = Gen.Frequency(
        (10, Gen.Choose(1, 40).Select(q => (long)q)),
        (1, Gen.Choose(-1, 0).Select(q => (long)q)));

    /// <summary>A few repeated or borrowed idempotency keys; most steps use a key of their own.</summary>
    public static Gen<int> Target { get; } = Gen.Frequency(
        (18, Gen.Constant(-1)),
        (1, Gen.Choose(0, 99)));

    public static Gen<Step> Step { get; } = Gen.Frequency(
        (12, Receive()),
        (14, Reserve()),
        (8, Change()),
        (6, Move()),
        (4, Release()),
        (4, Extend()),
        (6, Commit()),
        (9, Fulfil()),
        (5, Cancel()),
        (4, External()),
        (3, Count()),
        (5, Adjust()),
        (8, Advance()),
        (2, Gen.Constant(new Step(StepKind.Sweep))),
        (5, Gen.Choose(0, 99).Select(t => new Step(StepKind.Repeat, Target: t))));

    /// <summary>
    /// An order's life in consecutive steps: a cart is reserved and committed, then part of a line may ship
    /// and the rest may be cancelled. Random steps alone rarely line these up.
    /// </summary>
    public static Gen<Step[]> Lifecycle { get; } =
        from reserve in Reserve()
        from order in OrderIndex()
        from shipped in Gen.Choose(1, 3)
        from ships in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from cancels in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from cancelAll in Gen.Elements(true, false)
        let line = reserve.LineList[0].Line
        let commit = new Step(StepKind.Commit, Cart: reserve.Cart, Order: order)
        let ship = new Step(StepKind.Fulfil, Order: order, Lines: [new StepLine(line, 0, -1, shipped)])
        let cancel = new Step(
            StepKind.Cancel, Order: order, Flag: cancelAll, Lines: cancelAll ? null : [new StepLine(line, 0, -1, 0)])
        select new[] { reserve, commit }
            .Concat(ships ? [ship] : [])
            .Concat(cancels ? [cancel] : [])
            .ToArray();

    /// <summary>
    /// A cart's activity in consecutive steps: a reservation, then changes, moves, extensions, releases and
    /// waits on that same cart and line, and sometimes a sweep.
    /// </summary>
    public static Gen<Step[]> CartStory { get; } =
        from reserve in Reserve()
        from count in Gen.Choose(1, 4)
        from follow in Gen.ArrayOf(CartFollowUp(reserve.Cart, reserve.LineList[0].Line), count)
        select new[] { reserve }.Concat(follow).ToArray();

    /// <summary>
    /// Scenarios whose length grows with FsCheck's size, up to about 65 steps plus order lifecycles; most open
    /// with a few receipts so that carts find stock to hold.
    /// </summary>
    public static Arbitrary<Scenario> Scenarios(Gen<Step>? steps = null)
    {
        var chunk = steps is null
            ? Gen.Frequency((12, Step.Select(s => new[] { s })), (1, Lifecycle), (1, CartStory))
            : steps.Select(s => new[] { s });

        return Arb.From(
            Gen.Sized(size =>
                from config in Config
                from stocking in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(2, 5)))
                from opening in Gen.ArrayOf(Receive(), stocking)
                from count in Gen.Choose(1, 2 + (size * 3 / 5))
                from chunks in Gen.ArrayOf(chunk, count)
                select new Scenario(config, [.. opening, .. chunks.SelectMany(c => c)])),
            s => s.Shrink());
    }

    /// <summary>Quantities at and around the edges of the 64-bit range, with a few ordinary ones.</summary>
    public static Gen<long> Extreme { get; } = Gen.Frequency(
        (4, Gen.Elements(long.MaxValue, long.MaxValue - 1, (long.MaxValue / 2) + 1, long.MaxValue / 2, 1L << 62)),
        (2, Gen.Choose(0, 1000).Select(q => long.MaxValue - q)),
        (2, Gen.Choose(1, 5).Select(q => (long)q)),
        (1, Gen.Elements(-long.MaxValue, long.MinValue, -(1L << 62), -1L)));

    /// <summary>Any step, its quantities (and those of its lines) replaced by <see cref="Extreme"/> ones.</summary>
    public static Gen<Step> ExtremeStep { get; } =
        from step in Step
        from quantity in Extreme
        from lineQuantities in Gen.ArrayOf(Extreme, 4)
        select step.Kind == StepKind.Advance
            ? step
            : step with
            {
                Quantity = quantity,
                Lines = step.Lines?.Select((line, i) => line with { Quantity = lineQuantities[i] }).ToList(),
            };

    private static Gen<int> Index(int count) => Gen.Choose(0, count - 1);

    /// <summary>Carts 0 and 1 are busy, so that later steps often find what earlier steps reserved.</summary>
    private static Gen<int> CartIndex() => Gen.Frequency((4, Index(2)), (1, Index(Carts)));

    /// <summary>Orders 0 and 1 are busy, so that fulfilments and cancellations often find an order.</summary>
    private static Gen<int> OrderIndex() => Gen.Frequency((4, Index(2)), (1, Index(Orders)));

    /// <summary>Mostly the line ids that carts use first; now and then one no cart has.</summary>
    private static Gen<int> HeldLine() => Gen.Frequency((6, Index(3)), (1, Index(LineIds + 2)));

    private static Gen<Step> Receive() =>
        from sku in Index(LedgerWorld.SkuCount)
        from location in Index(LedgerWorld.LocationCount)
        from quantity in ReceiptQuantity
        from isReturn in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from target in Target
        select new Step(StepKind.Receive, sku, location, Quantity: quantity, Flag: isReturn, Target: target);

    private static Gen<StepLine> CartLine(int line) =>
        from sku in Index(LedgerWorld.SkuCount)
        from location in Gen.Frequency((4, Gen.Constant(-1)), (1, Index(LedgerWorld.LocationCount)))
        from quantity in Quantity
        select new StepLine(line, sku, location, quantity);

    /// <summary>Carts of 1-4 lines with consecutive line ids, now and then a duplicated id (invalid).</summary>
    private static Gen<Step> Reserve() =>
        from cart in CartIndex()
        from first in Gen.Frequency((3, Gen.Constant(0)), (2, Index(LineIds)))
        from count in Gen.Frequency((5, Gen.Constant(1)), (4, Gen.Choose(2, 4)))
        from duplicate in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
        from lines in Gen.CollectToArray(
            Enumerable.Range(0, count).Select(i => duplicate && i > 0 ? first : first + i), CartLine)
        from target in Target
        select new Step(StepKind.Reserve, Cart: cart, Target: target, Lines: lines);

    private static Gen<Step> CartFollowUp(int cart, int line) =>
        from kind in Gen.Frequency(
            (3, Gen.Constant(StepKind.Change)),
            (3, Gen.Constant(StepKind.Move)),
            (2, Gen.Constant(StepKind.Extend)),
            (1, Gen.Constant(StepKind.Release)),
            (1, Gen.Constant(StepKind.Commit)),
            (1, Gen.Constant(StepKind.Sweep)),
            (4, Gen.Constant(StepKind.Advance)))
        from quantity in kind == StepKind.Advance ? Gen.Choose(5, 25).Select(m => (long)m) : Quantity
        from location in Index(LedgerWorld.LocationCount)
        from order in OrderIndex()
        select new Step(kind, Location: location, Cart: cart, Order: order, Line: line, Quantity: quantity);

    private static Gen<Step> Change() =>
        from cart in CartIndex()
        from line in HeldLine()
        from quantity in Quantity
        from target in Target
        select new Step(StepKind.Change, Cart: cart, Line: line, Quantity: quantity, Target: target);

    private static Gen<Step> Move() =>
        from cart in CartIndex()
        from line in HeldLine()
        from location in Index(LedgerWorld.LocationCount)
        from target in Target
        select new Step(StepKind.Move, Location: location, Cart: cart, Line: line, Target: target);

    private static Gen<Step> Release() =>
        from cart in CartIndex()
        from line in HeldLine()
        from whole in Gen.Elements(true, false)
        from target in Target
        select new Step(StepKind.Release, Cart: cart, Line: line, Flag: whole, Target: target);

    private static Gen<Step> Extend() =>
        from cart in CartIndex()
        from target in Target
        select new Step(StepKind.Extend, Cart: cart, Target: target);

    private static Gen<Step> Commit() =>
        from cart in CartIndex()
        from order in OrderIndex()
        from target in Target
        select new Step(StepKind.Commit, Cart: cart, Order: order, Target: target);

    private static Gen<StepLine> Shipment() =>
        from line in HeldLine()
        from location in Gen.Frequency((3, Gen.Constant(-1)), (1, Index(LedgerWorld.LocationCount)))
        from quantity in Gen.Frequency((6, Gen.Choose(1, 3).Select(q => (long)q)), (2, Quantity))
        select new StepLine(line, 0, location, quantity);

    private static Gen<StepLine[]> Shipments() =>
        Gen.Frequency((5, Gen.Constant(1)), (2, Gen.Choose(2, 3))).SelectMany(n => Gen.ArrayOf(Shipment(), n));

    private static Gen<Step> Fulfil() =>
        from order in OrderIndex()
        from all in Gen.Elements(true, false)
        from lines in Shipments()
        from target in Target
        select new Step(StepKind.Fulfil, Order: order, Flag: all, Target: target, Lines: all ? null : lines);

    private static Gen<Step> Cancel() =>
        from order in OrderIndex()
        from all in Gen.Elements(true, false)
        from lines in Shipments()
        from target in Target
        select new Step(StepKind.Cancel, Order: order, Flag: all, Target: target, Lines: all ? null : lines);

    private static Gen<Step> External() =>
        from order in OrderIndex()
        from count in Gen.Choose(1, 3)
        from lines in Gen.CollectToArray(
            Enumerable.Range(0, count),
            i => from sku in Index(LedgerWorld.SkuCount)
                 from location in Index(LedgerWorld.LocationCount)
                 from quantity in SmallQuantity
                 select new StepLine(i, sku, location, quantity))
        from target in Target
        select new Step(StepKind.External, Order: order, Target: target, Lines: lines);

    private static Gen<Step> Count() =>
        from sku in Index(LedgerWorld.SkuCount)
        from location in Index(LedgerWorld.LocationCount)
        from counted in Gen.Frequency((12, Gen.Choose(0, 40)), (1, Gen.Constant(-1)))
        from target in Target
        select new Step(StepKind.SetCount, sku, location, Quantity: counted, Target: target);

    private static Gen<Step> Adjust() =>
        from sku in Index(LedgerWorld.SkuCount)
        from location in Index(LedgerWorld.LocationCount)
        from quantity in Gen.Frequency(
            (10, Gen.Choose(-15, 15).Select(q => (long)q)), (1, Gen.Constant(-long.MaxValue)))
        from bucket in Gen.Choose(1, 4)
        from target in Target
        select new Step(StepKind.Adjust, sku, location, Quantity: quantity, Bucket: bucket, Target: target);

    private static Gen<Step> Advance() =>
        Gen.Frequency(
                (2, Gen.Choose(1, 10)),
                (2, Gen.Choose(15, 30)),
                (1, Gen.Constant(0)))
            .Select(minutes => new Step(StepKind.Advance, Quantity: minutes));
}
