namespace Inventory.Core.Returns;

/// <summary>Why a return stops expecting units.</summary>
public enum ReturnClosure
{
    /// <summary>The return was cancelled or declined.</summary>
    Cancelled = 1,

    /// <summary>The return expired (its label ran out) before the units arrived.</summary>
    Expired = 2,

    /// <summary>The return was closed (completed) while some units had not arrived; they are no longer expected.</summary>
    Closed = 3,
}
