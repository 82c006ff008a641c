namespace Inventory.Core.Bundles;

/// <summary>The state a returned component comes back in, which decides where it is restocked.</summary>
public enum ComponentCondition
{
    /// <summary>Fit to sell again: restocked as available.</summary>
    Sellable = 1,

    /// <summary>Damaged: restocked on hand as damaged, not sellable.</summary>
    Damaged = 2,

    /// <summary>Not yet inspected: restocked on hand in quality control, not sellable.</summary>
    NeedsInspection = 3,
}
