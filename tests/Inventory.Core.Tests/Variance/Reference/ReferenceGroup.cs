using Inventory.Core.Variance;
namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>
/// The changes both systems made for one business fact (an order line, a return line, a damage report, an
/// adjustment, a bundle sale) at one SKU and location, kept side by side so they can be matched.
/// </summary>
internal sealed class ReferenceGroup(EffectKind kind)
{
    public EffectKind Kind { get; } = kind;

    public List<ReferenceEffect> Channel { get; } = [];

    public List<ReferenceEffect> Warehouse { get; } = [];

    public bool MissingReason { get; set; }

    public List<ReferenceEffect> Side(VarianceSystem system) => system == VarianceSystem.Channel ? Channel : Warehouse;
}
