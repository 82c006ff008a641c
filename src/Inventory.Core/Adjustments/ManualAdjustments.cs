using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Storage;

namespace Inventory.Core.Adjustments;

/// <summary>
/// The road a manual adjustment takes: judged by its reason code's policy, then, only when allowed (within limits or
/// approved), sent to the ledger as an <see cref="AdjustStock"/> (a change) or <see cref="SetCount"/> (a count)
/// command and logged.
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
    /// <para>
    /// A key sent again returns the first result and changes nothing: the ledger's recorded change answers it, with
    /// no new log entry, whatever the stock is now.
    /// </para>
    /// <para>
    /// A count of any bucket becomes <see cref="SetCount"/> for that bucket, so the ledger works out the change
    /// inside its guarded write: two counts sent at once both end at the counted value. The policy judges the change
    /// seen in the position read here; the change the ledger applied is in the result's entries, and a count that
    /// matches the bucket is applied as a zero change.
    /// </para>
    /// </remarks>
    public async ValueTask<AdjustmentOutcome> SubmitAsync(
        string idempotencyKey, AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            var earlier = await FindEarlierAsync(idempotencyKey, request, cancellationToken).ConfigureAwait(false);
            if (earlier is not null)
            {
                return earlier;
            }
        }

        var before = await _ledger.GetPositionAsync(request.Sku, request.Location, cancellationToken)
            .ConfigureAwait(false);
        var decision = _policy.Evaluate(request, before);
        if (!decision.IsAllowed)
        {
            return new AdjustmentOutcome(decision, null, null);
        }

        var result = await _ledger.ExecuteAsync(ToCommand(idempotencyKey, request, decision.Change), cancellationToken)
            .ConfigureAwait(false);
        var entry = result.IsApplied && !result.IsReplay ? _log?.Append(request) : null;

        return new AdjustmentOutcome(decision, result, entry);
    }

    /// <summary>
    /// A key the ledger already holds answers with the ledger's first result: the change is read from what was
    /// written, not judged again against today's stock, so a retry never turns into a second decision.
    /// </summary>
    private async ValueTask<AdjustmentOutcome?> FindEarlierAsync(
        string key, AdjustmentRequest request, CancellationToken cancellationToken)
    {
        var recorded = await _ledger.Store.FindOutcomeAsync(key, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return null;
        }

        long change = 0;
        foreach (var entry in recorded.Entries)
        {
            change = checked(change + entry.Change.OnHand);
        }

        var result = await _ledger.ExecuteAsync(ToCommand(key, request, change), cancellationToken)
            .ConfigureAwait(false);

        return new AdjustmentOutcome(AdjustmentDecision.Allowed(change), result, null);
    }

    private static LedgerCommand ToCommand(string key, AdjustmentRequest request, long change)
    {
        var (sku, location) = (request.Sku, request.Location);
        if (request.Mode == AdjustmentMode.Count)
        {
            var counted = request.Quantity;

            return new SetCount(key, sku, location, counted, request.Operator, request.Bucket, request.ReasonCode)
            {
                At = request.At,
            };
        }

        return new AdjustStock(key, sku, location, change, request.Bucket, request.ReasonCode, request.Operator)
        {
            At = request.At,
        };
    }
}
