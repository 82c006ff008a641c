namespace Inventory.Core.Variance;

/// <summary>
/// The changes both systems made for one business fact (an order line, a return line, a damage report, an
/// adjustment, a bundle sale) at one SKU and location, kept side by side so they can be matched.
/// </summary>
/// <param name="kind">The kind of fact.</param>
/// <param name="reference">The fact's reference as a report names it (a bundle line by order id and parent).</param>
internal sealed class EffectGroup(EffectKind kind, string reference)
{
    public EffectKind Kind { get; } = kind;

    public string Reference { get; } = reference;

    public List<Effect> Channel { get; } = [];

    public List<Effect> Warehouse { get; } = [];

    public bool MissingReason { get; set; }

    public List<Effect> Side(VarianceSystem system) => system == VarianceSystem.Channel ? Channel : Warehouse;
}
