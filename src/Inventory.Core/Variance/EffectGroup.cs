namespace Inventory.Core.Variance;

/// <summary>
/// The changes both systems made for one business fact (an order line, a return line, a damage report, an
/// adjustment, a bundle sale) at one SKU and location, kept side by side so they can be matched.
/// </summary>
internal sealed class EffectGroup(EffectKind kind)
{
    public EffectKind Kind { get; } = kind;

    public List<Effect> Channel { get; } = [];

    public List<Effect> Warehouse { get; } = [];

    public bool MissingReason { get; set; }

    public List<Effect> Side(VarianceSystem system) => system == VarianceSystem.Channel ? Channel : Warehouse;
}
