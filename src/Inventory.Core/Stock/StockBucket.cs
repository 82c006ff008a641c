namespace Inventory.Core.Stock;

/// <summary>An on-hand state that a manual adjustment may change.</summary>
public enum StockBucket
{
    /// <summary>Sellable units: the adjustment changes on hand and so available.</summary>
    Available = 1,

    /// <summary>Damaged units: the adjustment changes on hand and damaged together.</summary>
    Damaged = 2,

    /// <summary>Units awaiting inspection: the adjustment changes on hand and quality control together.</summary>
    QualityControl = 3,

    /// <summary>Buffer units: the adjustment changes on hand and safety stock together.</summary>
    SafetyStock = 4,
}
