using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>One applied adjustment as the daily report and the weekly review read it.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Signed units: positive added, negative removed.</param>
/// <param name="ReasonCode">The reason code; null when the adjustment had no reason.</param>
/// <param name="Operator">Who made it; null when unknown.</param>
/// <param name="At">When it was made.</param>
/// <remarks>This type is an immutable value type and is safe to share between threads.</remarks>
public readonly record struct AuditedAdjustment(
    string Sku, long Quantity, string? ReasonCode, string? Operator, Instant At)
{
    /// <summary>Gets whether the reason is missing or is the catch-all <see cref="ReasonCodes.Other"/>.</summary>
    public bool IsUnexplained => ReasonCode is null || ReasonCode == ReasonCodes.Other;

    /// <summary>Reads an applied request for audit.</summary>
    /// <param name="request">The request.</param>
    /// <param name="change">The signed change it made (see <see cref="AdjustmentDecision.Change"/>).</param>
    /// <returns>The audited adjustment.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is null.</exception>
    public static AuditedAdjustment From(AdjustmentRequest request, long change)
    {
        ArgumentNullException.ThrowIfNull(request);

        return new(request.Sku.Value, change, request.ReasonCode, request.Operator, request.At);
    }
}
