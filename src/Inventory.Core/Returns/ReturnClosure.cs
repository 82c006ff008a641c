namespace Inventory.Core.Returns;

/// <summary>Why a return stops expecting units.</summary>
public enum ReturnClosure
{
    /// <summary>The return was cancelled or declined.</summary>
    Cancelled = 1,

    /// <summary>The return expired (its label ran out) before the units arrived.</summary>
    Expired = 2,

    /// <summary>The return was closed (completed) before every unit arrived; the rest are not expected.</summary>
    Closed = 3,
}
