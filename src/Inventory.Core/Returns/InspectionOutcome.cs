namespace Inventory.Core.Returns;

/// <summary>What an inspection found for units in quality control.</summary>
public enum InspectionOutcome
{
    /// <summary>Fit to sell: the units become available.</summary>
    Resellable = 1,

    /// <summary>Damaged: the units move into damaged.</summary>
    Damaged = 2,
}
