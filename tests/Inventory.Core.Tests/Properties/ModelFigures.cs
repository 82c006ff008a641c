namespace Inventory.Core.Tests.Properties;

/// <summary>
/// The reference model's counted buckets of one position, in 128-bit integers so that the model itself can
/// never overflow; reserved is not stored here but summed from the holds.
/// </summary>
internal sealed class ModelFigures
{
    public Int128 OnHand { get; set; }

    public Int128 Committed { get; set; }

    public Int128 Damaged { get; set; }

    public Int128 QualityControl { get; set; }

    public Int128 SafetyStock { get; set; }

    public ModelFigures Clone() => (ModelFigures)MemberwiseClone();
}
