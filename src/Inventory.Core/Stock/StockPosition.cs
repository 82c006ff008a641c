namespace Inventory.Core.Stock;

/// <summary>
/// The stock of one SKU at one location, split by state.
/// </summary>
/// <param name="OnHand">Units physically at the location, whatever their state.</param>
/// <param name="Committed">Units ordered and not yet shipped.</param>
/// <param name="Reserved">Units held for carts or drafts.</param>
/// <param name="Damaged">Units on hand that are damaged and not sellable.</param>
/// <param name="QualityControl">Units on hand awaiting inspection.</param>
/// <param name="SafetyStock">Units on hand kept back as a buffer.</param>
/// <param name="Incoming">Units on their way (purchase orders, returns in transit); not part of on hand.</param>
/// <remarks>
/// <para>
/// The identity <c>OnHand = Available + Committed + Reserved + Damaged + QualityControl + SafetyStock</c>
/// defines <see cref="Available"/>. Available is negative only when an event from outside the
/// reservation path (an order from another channel, a physical count) took more than was free;
/// the ledger records every such case as an oversell.
/// </para>
/// <para>All arithmetic is checked: an overflow throws <see cref="OverflowException"/>, it never wraps.</para>
/// <para>This type is an immutable value type and is safe to share between threads.</para>
/// </remarks>
public readonly record struct StockPosition(
    long OnHand,
    long Committed,
    long Reserved,
    long Damaged,
    long QualityControl,
    long SafetyStock,
    long Incoming)
{
    /// <summary>Gets an empty position.</summary>
    public static StockPosition Empty => default;

    /// <summary>Gets the units free to sell: on hand less every other on-hand state.</summary>
    /// <exception cref="OverflowException">Thrown when the figures are too large to subtract.</exception>
    public long Available => checked(OnHand - Committed - Reserved - Damaged - QualityControl - SafetyStock);

    /// <summary>Gets the units on hand that cannot be sold (damaged, quality control, safety stock).</summary>
    public long Unavailable => checked(Damaged + QualityControl + SafetyStock);

    /// <summary>Returns this position with <paramref name="change"/> added to every state.</summary>
    /// <param name="change">The signed change per state.</param>
    /// <returns>The changed position.</returns>
    /// <exception cref="OverflowException">Thrown when a state would overflow 64 bits.</exception>
    public StockPosition Apply(in StockChange change) => new(
        checked(OnHand + change.OnHand),
        checked(Committed + change.Committed),
        checked(Reserved + change.Reserved),
        checked(Damaged + change.Damaged),
        checked(QualityControl + change.QualityControl),
        checked(SafetyStock + change.SafetyStock),
        checked(Incoming + change.Incoming));

    /// <summary>Gets whether every state other than available is zero or more.</summary>
    public bool HasNoNegativeState =>
        OnHand >= 0 && Committed >= 0 && Reserved >= 0 && Damaged >= 0
        && QualityControl >= 0 && SafetyStock >= 0 && Incoming >= 0;

    /// <summary>Returns the figures as text, available first.</summary>
    /// <returns>The position as text.</returns>
    public override string ToString() =>
        $"available {Available}, on hand {OnHand}, committed {Committed}, reserved {Reserved}, "
        + $"damaged {Damaged}, quality control {QualityControl}, safety stock {SafetyStock}, incoming {Incoming}";
}
