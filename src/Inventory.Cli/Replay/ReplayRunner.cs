using System.Globalization;
using Inventory.Core.Ledger;
using Inventory.Core.Orders;
using Inventory.Core.Reservations;
using Inventory.Core.Stock;
using Inventory.Core.Storage;
using Inventory.Storage.Sqlite;

namespace Inventory.Cli.Replay;

/// <summary>
/// Replays a plan through the real ledger and in-memory store at one location: seeds each SKU's opening stock, then
/// applies every operation in plan order with the clock at the row's invoice date, and reads the closing stock
/// back from the store.
/// </summary>
internal sealed class ReplayRunner
{
    private const string Source = "replay";
    private const int ProgressEvery = 100_000;

    private static readonly LocationId Location = new("store");

    private readonly ReplayPlan _plan;
    private readonly ReplayOptions _options;
    private readonly ReplayClock _clock = new();
    private readonly InventoryLedger _ledger;
    private readonly IInventoryStore _store;
    private long _openingUnits;
    private long _unitsFulfilled;
    private long _rejectedLines;
    private long _rejectedOrders;
    private long _unitsReturned;
    private long _adjustmentUnitsIn;
    private long _adjustmentUnitsOut;
    private long _rejectedAdjustments;
    private long _oversells;
    private long _nextProgress = ProgressEvery;

    private ReplayRunner(ReplayPlan plan, ReplayOptions options)
    {
        _plan = plan;
        _options = options;
        _store = options.SqlitePath is { } path ? SqliteInventoryStore.Open(path) : new InMemoryInventoryStore();
        var settings = new InventoryOptions();
        settings.Locations.Add(Location);
        _ledger = new InventoryLedger(_store, _clock, settings);
    }

    /// <summary>Reads the file into a plan and replays it.</summary>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist.</exception>
    /// <exception cref="MalformedRowException">Thrown when a row is malformed and bad rows are not skipped, or when
    /// applying a row would take a figure past the 64-bit range.</exception>
    /// <exception cref="ReplayLimitException">Thrown when the opening or closing units summed over SKUs would pass
    /// the 64-bit range.</exception>
    public static async Task<ReplayReport> RunAsync(
        string path, ReplayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = ReplayPlanner.Plan(path, options.SkipBadRows, options.Progress);

        return await RunAsync(plan, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replays a plan through a new ledger and store.</summary>
    public static async Task<ReplayReport> RunAsync(
        ReplayPlan plan, ReplayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Opening < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Opening, "The opening must not be negative.");
        }

        var runner = new ReplayRunner(plan, options);
        using var closeStore = runner._store as IDisposable;
        await runner.SeedAsync(cancellationToken).ConfigureAwait(false);
        await runner.ApplyAllAsync(cancellationToken).ConfigureAwait(false);
        if (options.JournalPath is { } journalPath)
        {
            await runner.WriteJournalAsync(journalPath, cancellationToken).ConfigureAwait(false);
        }

        return await runner.ReportAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteJournalAsync(string path, CancellationToken cancellationToken)
    {
        const int Page = 65_536;
        await using var file = File.Create(path);
        await using var buffered = new BufferedStream(file, 1 << 16);
        long after = 0;
        while (true)
        {
            var entries = await _store.ReadJournalAsync(after, Page, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                return;
            }

            JournalJsonLines.Write(buffered, entries);
            after = entries[^1].Sequence;
        }
    }

    private async ValueTask SeedAsync(CancellationToken cancellationToken)
    {
        if (_plan.Operations.Count > 0)
        {
            _clock.Now = _plan.Operations[0].At;
        }

        foreach (var sku in _plan.Skus)
        {
            var opening = _plan.OpeningOf(sku, _options.Opening);
            if (opening > 0)
            {
                var command = new ReceiveStock(
                    $"opening:{sku.Sku}", sku.Sku, Location, opening, Reference: "opening stock");
                var result = Required(await ExecuteAsync(command, cancellationToken).ConfigureAwait(false));
                _openingUnits = SumOverSkus(_openingUnits, Units(result, EntryKind.Received), "opening");
            }
        }
    }

    private async ValueTask ApplyAllAsync(CancellationToken cancellationToken)
    {
        foreach (var operation in _plan.Operations)
        {
            _clock.Now = operation.At;
            try
            {
                await ApplyAsync(operation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OverflowException or InvalidCommandException)
            {
                throw new MalformedRowException(
                    _plan.File,
                    operation.Line,
                    RetailCsvReader.Quantity,
                    operation.Quantity.ToString(CultureInfo.InvariantCulture),
                    "applying this row would take a stock figure or a replay total past the 64-bit range");
            }

            ReportProgress(operation.Line);
        }
    }

    private ValueTask ApplyAsync(ReplayOperation operation, CancellationToken cancellationToken) =>
        operation.Kind switch
        {
            OperationKind.Cart => ApplyCartAsync(_plan.Carts[operation.Index], cancellationToken),
            OperationKind.Return => ApplyReturnAsync(operation, cancellationToken),
            _ => ApplyAdjustmentAsync(operation, cancellationToken),
        };

    /// <summary>Adds to a sum over SKUs; past the 64-bit range, throws naming the option or file behind it.</summary>
    private long SumOverSkus(long total, long more, string what)
    {
        if (more <= long.MaxValue - total)
        {
            return total + more;
        }

        var cause = _options.Opening is { } opening && what == "opening"
            ? $"--opening {opening.ToString(CultureInfo.InvariantCulture)}"
            : _plan.File;
        throw new ReplayLimitException(
            $"{cause}: the {what} units summed over the {_plan.Skus.Count:N0} SKUs would pass the 64-bit range; "
            + "no report can hold them.");
    }

    /// <summary>
    /// Reserves the invoice's lines as one cart, commits it and fulfils the order. When stock is short the refused
    /// lines are dropped and the rest reserved again, as a shopper removes what is out of stock.
    /// </summary>
    private async ValueTask ApplyCartAsync(CartPlan cart, CancellationToken cancellationToken)
    {
        var cartId = "cart:" + cart.InvoiceNo;
        var lines = cart.Lines.Select(ToCartLine).ToList();
        for (var attempt = 1; lines.Count > 0; attempt++)
        {
            var reserve = new ReserveCart($"reserve:{cart.InvoiceNo}:{attempt}", cartId, lines);
            var result = await ExecuteAsync(reserve, cancellationToken).ConfigureAwait(false);
            if (result.IsApplied)
            {
                break;
            }

            _rejectedLines += DropRefused(lines, result);
        }

        if (lines.Count == 0)
        {
            _rejectedOrders++;
            return;
        }

        var commit = new CommitCart($"commit:{cart.InvoiceNo}", cartId, cart.InvoiceNo);
        Required(await ExecuteAsync(commit, cancellationToken).ConfigureAwait(false));
        var fulfil = new FulfilOrder($"fulfil:{cart.InvoiceNo}", cart.InvoiceNo);
        var shipped = Required(await ExecuteAsync(fulfil, cancellationToken).ConfigureAwait(false));
        _unitsFulfilled = checked(_unitsFulfilled + Units(shipped, EntryKind.Fulfilled));
    }

    private async ValueTask ApplyReturnAsync(ReplayOperation operation, CancellationToken cancellationToken)
    {
        var sku = _plan.Skus[operation.Index].Sku;
        var command = new ReceiveStock(
            $"return:{operation.Line}", sku, Location, operation.Quantity, ReceiptKind.Return,
            $"line {operation.Line}");
        var result = Required(await ExecuteAsync(command, cancellationToken).ConfigureAwait(false));
        _unitsReturned = checked(_unitsReturned + Units(result, EntryKind.Returned));
    }

    private async ValueTask ApplyAdjustmentAsync(ReplayOperation operation, CancellationToken cancellationToken)
    {
        var sku = _plan.Skus[operation.Index].Sku;
        var command = new AdjustStock(
            $"adjust:{operation.Line}", sku, Location, operation.Quantity, StockBucket.Available, operation.Reason);
        var result = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.Status == LedgerStatus.InsufficientStock)
        {
            _rejectedAdjustments++;
            return;
        }

        var units = Units(Required(result), EntryKind.Adjusted);
        if (operation.Quantity > 0)
        {
            _adjustmentUnitsIn = checked(_adjustmentUnitsIn + units);
        }
        else
        {
            _adjustmentUnitsOut = checked(_adjustmentUnitsOut + units);
        }
    }

    private async ValueTask<LedgerResult> ExecuteAsync(LedgerCommand command, CancellationToken cancellationToken)
    {
        var result = await _ledger.ExecuteAsync(command with { At = _clock.Now, Source = Source }, cancellationToken)
            .ConfigureAwait(false);
        _oversells += result.Oversells.Count();

        return result;
    }

    private async ValueTask<ReplayReport> ReportAsync(CancellationToken cancellationToken)
    {
        var positions = await _ledger.Store.ReadAllPositionsAsync(_clock.Now, cancellationToken).ConfigureAwait(false);
        var counts = _plan.Counts;

        return new ReplayReport
        {
            File = _plan.File,
            Opening = _options.Opening?.ToString(CultureInfo.InvariantCulture) ?? "auto",
            Rows = counts.Rows,
            BadRows = counts.BadRows,
            SkippedLines = counts.SkippedLines,
            SkippedByReason = counts.SkippedByReason(),
            SkippedByStockCode = counts.SkippedByStockCode(),
            SaleLines = counts.SaleLines,
            Orders = _plan.Carts.Count,
            RejectedOrders = _rejectedOrders,
            UnitsOrdered = counts.UnitsOrdered,
            UnitsFulfilled = _unitsFulfilled,
            RejectedLines = _rejectedLines,
            ReturnLines = counts.ReturnLines,
            UnitsReturned = _unitsReturned,
            AdjustmentLines = counts.AdjustmentLines,
            AdjustmentUnitsIn = _adjustmentUnitsIn,
            AdjustmentUnitsOut = _adjustmentUnitsOut,
            AdjustmentsWithoutReason = counts.AdjustmentsWithoutReason,
            RejectedAdjustments = _rejectedAdjustments,
            Oversells = _oversells,
            Skus = _plan.Skus.Count,
            OpeningUnits = _openingUnits,
            ClosingUnits = positions.Aggregate(0L, (total, p) => SumOverSkus(total, p.Stored.OnHand, "closing")),
        };
    }

    private void ReportProgress(int line)
    {
        if (_options.Progress is not null && line >= _nextProgress)
        {
            _options.Progress.WriteLine($"replay: applied rows through line {line:N0}");
            _nextProgress = (line / ProgressEvery + 1) * (long)ProgressEvery;
        }
    }

    private CartLine ToCartLine(CartLinePlan line) =>
        new(line.Line.ToString(CultureInfo.InvariantCulture), _plan.Skus[line.SkuIndex].Sku, line.Quantity, Location);

    private static int DropRefused(List<CartLine> lines, LedgerResult result)
    {
        var refused = result.Status == LedgerStatus.InsufficientStock
            ? result.Shortfalls.Select(s => s.LineId).ToHashSet(StringComparer.Ordinal)
            : [];
        var dropped = lines.RemoveAll(l => refused.Contains(l.LineId));

        return dropped > 0
            ? dropped
            : throw new InvalidOperationException($"The ledger refused '{result.IdempotencyKey}': {result.Message}");
    }

    /// <summary>
    /// Requires an applied result. A repeated key is expected only in a store kept across runs, where the
    /// previous run's commands are already recorded; in a fresh store it would mean two rows share a key.
    /// </summary>
    private LedgerResult Required(LedgerResult result) =>
        result.IsApplied && (!result.IsReplay || _options.SqlitePath is not null)
            ? result
            : throw new InvalidOperationException($"The ledger refused '{result.IdempotencyKey}': {result.Message}");

    private static long Units(LedgerResult result, EntryKind kind) =>
        result.Entries.Where(e => e.Kind == kind).Sum(e => e.Quantity);
}
