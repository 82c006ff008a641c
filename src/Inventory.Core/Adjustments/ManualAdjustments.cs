using Inventory.Core.Ledger;
using Inventory.Core.Stock;

namespace Inventory.Core.Adjustments;

/// <summary>
/// The road a manual adjustment takes: judged by its reason code's policy, then, only when allowed (within limits or
/// approved), sent to the ledger as an <see cref="AdjustStock"/> or <see cref="SetCount"/> command and logged.
/// </summary>
/// <remarks>Safe to share between threads when the ledger is; the log serialises its own appends.</remarks>
public sealed class ManualAdjustments
{
    private readonly InventoryLedger _ledger;
    private readonly AdjustmentPolicy _policy;
    private readonly AdjustmentLog? _log;

    /// <summary>Initializes the road.</summary>
    /// <param name="ledger">The ledger every change goes through.</param>
    /// <param name="policy">The reason-code policy.</param>
    /// <param name="log">The log applied changes are appended to; null for none.</param>
    /// <exception cref="ArgumentNullException">
    /// Thrown when <paramref name="ledger"/> or <paramref name="policy"/> is null.
    /// </exception>
    public ManualAdjustments(InventoryLedger ledger, AdjustmentPolicy policy, AdjustmentLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(policy);
        _ledger = ledger;
        _policy = policy;
        _log = log;
    }

    /// <summary>Judges a request and, when it is allowed, applies it through the ledger and logs it.</summary>
    /// <param name="idempotencyKey">The key of the ledger command the request becomes.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read or the write.</param>
    /// <returns>The decision, and the ledger's result when the request reached it.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidCommandException">Thrown when the key is blank or the command is malformed.</exception>
    /// <exception cref="IdempotencyKeyConflictException">
    /// Thrown when the key was used for a different command.
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">
    /// Thrown when every write attempt met a concurrent change.
    /// </exception>
    /// <remarks>
    /// Limitation: a count of a bucket other than available becomes a change worked out from the position read
    /// here; a change landing between that read and the write is not seen, because the ledger has no count command
    /// for single buckets. An available count becomes <see cref="SetCount"/> and has no such gap.
    /// </remarks>
    public async ValueTask<AdjustmentOutcome> SubmitAsync(
        string idempotencyKey, AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = await _ledger.GetPositionAsync(request.Sku, request.Location, cancellationToken)
            .ConfigureAwait(false);
        var decision = _policy.Evaluate(request, before);
        if (!decision.IsAllowed)
        {
            return new AdjustmentOutcome(decision, null, null);
        }

        if (decision.Change == 0 && !IsAvailableCount(request))
        {
            // A count that matches the bucket moves nothing: the ledger has nothing to write, the log keeps the count.
            return new AdjustmentOutcome(decision, null, _log?.Append(request));
        }

        var result = await _ledger.ExecuteAsync(ToCommand(idempotencyKey, request, decision.Change), cancellationToken)
            .ConfigureAwait(false);
        var entry = result.IsApplied && !result.IsReplay ? _log?.Append(request) : null;

        return new AdjustmentOutcome(decision, result, entry);
    }

    private static bool IsAvailableCount(AdjustmentRequest request) =>
        request.Mode == AdjustmentMode.Count && request.Bucket == StockBucket.Available;

    private static LedgerCommand ToCommand(string key, AdjustmentRequest request, long change)
    {
        if (IsAvailableCount(request))
        {
            return new SetCount(key, request.Sku, request.Location, request.Quantity, request.Operator)
            {
                At = request.At,
            };
        }

        var (sku, location) = (request.Sku, request.Location);

        return new AdjustStock(key, sku, location, change, request.Bucket, request.ReasonCode, request.Operator)
        {
            At = request.At,
        };
    }
}
