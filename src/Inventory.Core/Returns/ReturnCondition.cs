namespace Inventory.Core.Returns;

/// <summary>The condition in which returned units arrive, which decides the state they take on hand.</summary>
public enum ReturnCondition
{
    /// <summary>Fit to sell again: the units become available.</summary>
    Resellable = 1,

    /// <summary>To be inspected: the units go on hand into quality control.</summary>
    NeedsInspection = 2,

    /// <summary>Broken: the units go on hand into damaged, to be written off.</summary>
    Damaged = 3,

    /// <summary>Not taken back into stock (kept by the customer, disposed of): recorded, on hand unchanged.</summary>
    NotRestocked = 4,
}
