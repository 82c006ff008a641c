namespace Inventory.Core.Variance;

/// <summary>The step of a return line an event reports.</summary>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public enum ReturnStage
{
    /// <summary>The customer started the return; no stock moves.</summary>
    Initiated = 0,

    /// <summary>The goods arrived; they are not sellable yet.</summary>
    Received = 1,

    /// <summary>The goods went back to available stock.</summary>
    Restocked = 2,
}
