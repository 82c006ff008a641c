using Inventory.Core.Ledger;

namespace Inventory.Core.Adjustments;

/// <summary>
/// What became of a submitted adjustment: the policy's decision and, when it was allowed, the ledger's result.
/// </summary>
/// <param name="Decision">The policy's decision.</param>
/// <param name="Result">The ledger's result; null when the policy did not allow the request.</param>
/// <param name="LogEntry">
/// The adjustment log entry written for an applied change; null otherwise or without a log.
/// </param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record AdjustmentOutcome(AdjustmentDecision Decision, LedgerResult? Result, AdjustmentLogEntry? LogEntry)
{
    /// <summary>Gets whether the change reached the ledger and was applied.</summary>
    public bool IsApplied => Result is { IsApplied: true };
}
