using NodaTime;

namespace Inventory.Cli.Replay;

/// <summary>One step of the replay, in the order it is applied.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Line">The file line of the row that created the step.</param>
/// <param name="At">The invoice date; the replay clock is set to it before the step.</param>
/// <param name="Index">The cart index for a cart, otherwise the SKU index.</param>
/// <param name="Quantity">Units returned (positive), or the signed adjustment; 0 for a cart.</param>
/// <param name="Reason">The adjustment's reason, or null when it has none.</param>
internal readonly record struct ReplayOperation(
    OperationKind Kind, int Line, Instant At, int Index, long Quantity, string? Reason = null);
