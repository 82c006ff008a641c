namespace Inventory.Core.Tests.Properties;

/// <summary>
/// Everything the reference model knows: counted buckets per known position, the holds of each cart in the
/// order they were last written, and the lines of each order.
/// </summary>
internal sealed class ModelState
{
    public Dictionary<(int Sku, int Location), ModelFigures> Positions { get; } = [];

    public Dictionary<int, List<ModelHold>> Carts { get; } = [];

    public Dictionary<int, List<ModelOrderLine>> Orders { get; } = [];

    public ModelState Clone()
    {
        var copy = new ModelState();
        foreach (var (key, figures) in Positions)
        {
            copy.Positions[key] = figures.Clone();
        }

        foreach (var (cart, holds) in Carts)
        {
            copy.Carts[cart] = [.. holds];
        }

        foreach (var (order, lines) in Orders)
        {
            copy.Orders[order] = [.. lines];
        }

        return copy;
    }

    public List<ModelHold> Holds(int cart) => Carts.TryGetValue(cart, out var holds) ? holds : [];

    public List<ModelOrderLine> Lines(int order) => Orders.TryGetValue(order, out var lines) ? lines : [];

    public IEnumerable<ModelHold> AllHolds => Carts.Values.SelectMany(h => h);

    /// <summary>Gets the figures of a position, making it known (it is written by the command).</summary>
    public ModelFigures Touch(int sku, int location)
    {
        if (!Positions.TryGetValue((sku, location), out var figures))
        {
            figures = new ModelFigures();
            Positions[(sku, location)] = figures;
        }

        return figures;
    }

    public ModelFigures Peek(int sku, int location) =>
        Positions.TryGetValue((sku, location), out var figures) ? figures : new ModelFigures();

    public Int128 LiveReserved(int sku, int location, long now) => AllHolds
        .Where(h => h.Sku == sku && h.Location == location && !h.IsExpiredAt(now))
        .Aggregate(Int128.Zero, (sum, h) => sum + h.Quantity);

    public Int128 StoredReserved(int sku, int location) => AllHolds
        .Where(h => h.Sku == sku && h.Location == location)
        .Aggregate(Int128.Zero, (sum, h) => sum + h.Quantity);

    public Int128 Available(int sku, int location, long now)
    {
        var f = Peek(sku, location);

        return f.OnHand - f.Committed - LiveReserved(sku, location, now) - f.Damaged - f.QualityControl
            - f.SafetyStock;
    }

    /// <summary>
    /// Throws <see cref="OverflowException"/> when any figure of the position, the reserved units still stored
    /// for it (expired holds included until swept) or its available quantity falls outside 64 bits; available is
    /// checked both live and as stored, expired holds included, since the ledger keeps the stored figure readable
    /// until a sweep.
    /// </summary>
    public void RequireFits(int sku, int location, long now)
    {
        var f = Peek(sku, location);
        var storedAvailable = f.OnHand - f.Committed - StoredReserved(sku, location) - f.Damaged - f.QualityControl
            - f.SafetyStock;
        Int128[] figures =
        [
            f.OnHand, f.Committed, f.Damaged, f.QualityControl, f.SafetyStock,
            StoredReserved(sku, location), Available(sku, location, now), storedAvailable,
        ];
        if (figures.Any(value => value < long.MinValue || value > long.MaxValue))
        {
            throw new OverflowException($"A figure of SKU {sku} at location {location} left the 64-bit range.");
        }
    }
}
