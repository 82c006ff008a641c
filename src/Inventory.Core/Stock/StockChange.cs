namespace Inventory.Core.Stock;

/// <summary>A signed change to each state of a <see cref="StockPosition"/>.</summary>
/// <param name="OnHand">Change to units on hand.</param>
/// <param name="Committed">Change to committed units.</param>
/// <param name="Reserved">Change to reserved units.</param>
/// <param name="Damaged">Change to damaged units.</param>
/// <param name="QualityControl">Change to units in quality control.</param>
/// <param name="SafetyStock">Change to safety stock.</param>
/// <param name="Incoming">Change to incoming units.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct StockChange(
    long OnHand = 0,
    long Committed = 0,
    long Reserved = 0,
    long Damaged = 0,
    long QualityControl = 0,
    long SafetyStock = 0,
    long Incoming = 0)
{
    /// <summary>Gets the change in available units that this change implies.</summary>
    public long Available => checked(OnHand - Committed - Reserved - Damaged - QualityControl - SafetyStock);

    /// <summary>Gets whether the change moves nothing.</summary>
    public bool IsZero => this == default;

    /// <summary>Returns the opposite change.</summary>
    /// <returns>A change that undoes this one.</returns>
    public StockChange Negate() => new(
        checked(-OnHand), checked(-Committed), checked(-Reserved), checked(-Damaged),
        checked(-QualityControl), checked(-SafetyStock), checked(-Incoming));

    /// <summary>Returns the sum of two changes.</summary>
    /// <param name="left">The first change.</param>
    /// <param name="right">The second change.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">Thrown when a state would overflow 64 bits.</exception>
    public static StockChange operator +(StockChange left, StockChange right) => new(
        checked(left.OnHand + right.OnHand),
        checked(left.Committed + right.Committed),
        checked(left.Reserved + right.Reserved),
        checked(left.Damaged + right.Damaged),
        checked(left.QualityControl + right.QualityControl),
        checked(left.SafetyStock + right.SafetyStock),
        checked(left.Incoming + right.Incoming));
}
