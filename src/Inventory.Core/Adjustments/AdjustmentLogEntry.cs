namespace Inventory.Core.Adjustments;

/// <summary>One entry of the adjustment log, chained to the entry before it by a SHA-256 hash.</summary>
/// <param name="Sequence">The entry's place in the log, from 1.</param>
/// <param name="Request">The adjustment that was applied.</param>
/// <param name="PreviousHash">The hash of the entry before (64 zeros for the first entry).</param>
/// <param name="Hash">
/// SHA-256, as lower-case hex, of the previous hash, the sequence and every field of the request; see
/// <see cref="AdjustmentLog.ComputeHash"/>.
/// </param>
/// <remarks>This type is immutable and safe to share between threads.</remarks>
public sealed record AdjustmentLogEntry(long Sequence, AdjustmentRequest Request, string PreviousHash, string Hash);
