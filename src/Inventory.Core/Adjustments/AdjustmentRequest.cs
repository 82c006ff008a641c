using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>A manual change of stock that a person asks for, before its reason-code policy has judged it.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="Quantity">A signed change, or an absolute count, as <paramref name="Mode"/> says.</param>
/// <param name="Mode">Whether <paramref name="Quantity"/> is a change or a count.</param>
/// <param name="Bucket">The on-hand state that moves together with on hand.</param>
/// <param name="ReasonCode">The reason code from the catalogue; null or blank is refused.</param>
/// <param name="Operator">Who makes the change; null or blank is refused.</param>
/// <param name="At">When the change was made.</param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record AdjustmentRequest(
    Sku Sku,
    LocationId Location,
    long Quantity,
    AdjustmentMode Mode,
    StockBucket Bucket,
    string? ReasonCode,
    string? Operator,
    Instant At)
{
    /// <summary>Gets free text explaining the change; null when none was given.</summary>
    public string? Note { get; init; }

    /// <summary>Gets the document behind the change (a count sheet, a return id); null when none.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the second person who approved the change; null when nobody did.</summary>
    public string? Approver { get; init; }
}
