namespace Inventory.Core.Variance;

/// <summary>The family of a count change, which decides how an unmatched change is read.</summary>
internal enum EffectKind
{
    Order,
    Bundle,
    Return,
    Damage,
    Adjustment,
}
