using Inventory.Core.Stock;

namespace Inventory.Cli.Replay;

/// <summary>
/// Turns the rows of an Online Retail file into a <see cref="ReplayPlan"/>: classifies each row, groups sale lines
/// into one cart per invoice, resolves adjustment reasons once all product names are known, and computes each
/// SKU's auto opening by simulating the operations in the order they will be applied.
/// </summary>
internal sealed class ReplayPlanner : IRetailRowSink
{
    private readonly List<SkuPlan> _skus = [];
    private readonly Dictionary<string, int> _skuIndex = new(StringComparer.Ordinal);
    private readonly List<CartPlan> _carts = [];
    private readonly Dictionary<string, int> _cartIndex = new(StringComparer.Ordinal);
    private readonly List<ReplayOperation> _operations = [];
    private readonly List<string> _adjustmentDescriptions = [];
    private readonly PlanCounts _counts = new();
    private readonly string _displayName;

    private ReplayPlanner(string displayName)
    {
        _displayName = displayName;
    }

    /// <summary>Reads a file into a plan.</summary>
    /// <param name="path">The plain or gzipped CSV file.</param>
    /// <param name="skipBadRows">Count and skip malformed rows instead of stopping.</param>
    /// <param name="progress">Where to report progress every 100,000 rows; null for none.</param>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist.</exception>
    /// <exception cref="MalformedRowException">Thrown when a row is malformed and bad rows are not skipped, or when
    /// a total or a SKU's running balance would pass the 64-bit range.</exception>
    /// <exception cref="InvalidDataException">Thrown when a gzip file is damaged or cut short.</exception>
    public static ReplayPlan Plan(string path, bool skipBadRows, TextWriter? progress)
    {
        using var input = InputFile.Open(path);

        return Plan(input, path, skipBadRows, progress);
    }

    /// <summary>Reads a stream into a plan; <paramref name="displayName"/> names it in messages.</summary>
    public static ReplayPlan Plan(Stream input, string displayName, bool skipBadRows, TextWriter? progress)
    {
        var planner = new ReplayPlanner(displayName);
        var reader = new RetailCsvReader(displayName, skipBadRows, progress);
        reader.Read(input, planner);
        planner._counts.Rows = reader.Rows;
        planner._counts.BadRows = reader.BadRows;

        return planner.Finish(displayName);
    }

    /// <inheritdoc />
    public void Accept(in RetailRow row)
    {
        switch (RowRules.Classify(row, out var reason))
        {
            case RowCategory.Sale:
                AddSale(row);
                break;
            case RowCategory.Return:
                AddReturn(row);
                break;
            case RowCategory.Adjustment:
                AddAdjustment(row);
                break;
            default:
                _counts.CountSkipped(reason, row.StockCode);
                break;
        }
    }

    private void AddSale(in RetailRow row)
    {
        var unitsOrdered = Total(_counts.UnitsOrdered, row.Quantity, row, "the units ordered over the file");
        var skuIndex = SkuIndex(row.StockCode);
        _skus[skuIndex].CountDescription(row.Description);
        CartOf(row).Lines.Add(new CartLinePlan(row.Line, skuIndex, row.Quantity));
        _counts.SaleLines++;
        _counts.UnitsOrdered = unitsOrdered;
    }

    private void AddReturn(in RetailRow row)
    {
        var quantity = row.Quantity == long.MinValue
            ? throw TooLarge(row.Line, row.Quantity, "the returned quantity")
            : -row.Quantity;
        var unitsReturned = Total(_counts.UnitsReturned, quantity, row, "the units returned over the file");
        _operations.Add(new ReplayOperation(
            OperationKind.Return, row.Line, row.InvoiceDate, SkuIndex(row.StockCode), quantity));
        _counts.ReturnLines++;
        _counts.UnitsReturned = unitsReturned;
    }

    private void AddAdjustment(in RetailRow row)
    {
        // The reason is settled in Finish: it depends on the SKU's product name, known only after the last row.
        _adjustmentDescriptions.Add(row.Description.ToString());
        _operations.Add(new ReplayOperation(
            OperationKind.Adjustment, row.Line, row.InvoiceDate, SkuIndex(row.StockCode), row.Quantity));
        _counts.AdjustmentLines++;
    }

    /// <summary>Gets the invoice's cart, placing a new one in the operation order at its first sale line.</summary>
    private CartPlan CartOf(in RetailRow row)
    {
        if (_carts.Count > 0 && row.InvoiceNo.SequenceEqual(_carts[^1].InvoiceNo))
        {
            return _carts[^1];
        }

        var lookup = _cartIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(row.InvoiceNo, out var index))
        {
            return _carts[index];
        }

        var cart = new CartPlan(row.InvoiceNo.ToString(), row.InvoiceDate);
        _cartIndex.Add(cart.InvoiceNo, _carts.Count);
        _operations.Add(new ReplayOperation(OperationKind.Cart, row.Line, row.InvoiceDate, _carts.Count, 0));
        _carts.Add(cart);

        return cart;
    }

    private int SkuIndex(ReadOnlySpan<char> stockCode)
    {
        var lookup = _skuIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(stockCode, out var index))
        {
            return index;
        }

        var code = stockCode.ToString();
        _skuIndex.Add(code, _skus.Count);
        _skus.Add(new SkuPlan(new Sku(code)));

        return _skus.Count - 1;
    }

    private ReplayPlan Finish(string displayName)
    {
        ResolveReasons();
        ComputeAutoOpenings();

        return new ReplayPlan(displayName, _skus, _carts, _operations, _counts);
    }

    private void ResolveReasons()
    {
        var next = 0;
        for (var i = 0; i < _operations.Count; i++)
        {
            var operation = _operations[i];
            if (operation.Kind != OperationKind.Adjustment)
            {
                continue;
            }

            var reason = AdjustmentReasons.Resolve(_adjustmentDescriptions[next++], _skus[operation.Index].ProductName);
            _operations[i] = operation with { Reason = reason };
            _counts.AdjustmentsWithoutReason += reason is null ? 1 : 0;
        }
    }

    /// <summary>
    /// Walks the operations in applied order with a running balance per SKU that starts at zero; the deepest the
    /// balance falls after any sale line or adjustment is the opening that SKU needs.
    /// </summary>
    private void ComputeAutoOpenings()
    {
        var balance = new long[_skus.Count];
        var lowest = new long[_skus.Count];
        foreach (var operation in _operations)
        {
            if (operation.Kind != OperationKind.Cart)
            {
                Move(balance, lowest, operation.Index, operation.Quantity, operation.Line, operation.Quantity);
                continue;
            }

            foreach (var line in _carts[operation.Index].Lines)
            {
                Move(balance, lowest, line.SkuIndex, -line.Quantity, line.Line, line.Quantity);
            }
        }

        for (var i = 0; i < _skus.Count; i++)
        {
            _skus[i].AutoOpening = -lowest[i];
        }
    }

    /// <summary>Moves a SKU's running balance; the opening it calls for (the lowest, negated) must fit.</summary>
    private void Move(long[] balance, long[] lowest, int skuIndex, long change, int line, long rowQuantity)
    {
        var moved = unchecked(balance[skuIndex] + change);
        if (((balance[skuIndex] ^ moved) & (change ^ moved)) < 0 || moved == long.MinValue)
        {
            throw TooLarge(line, rowQuantity, $"the running balance of SKU {_skus[skuIndex].Sku}");
        }

        balance[skuIndex] = moved;
        lowest[skuIndex] = Math.Min(lowest[skuIndex], moved);
    }

    private long Total(long total, long more, in RetailRow row, string what)
    {
        var sum = unchecked(total + more);

        return ((total ^ sum) & (more ^ sum)) < 0 ? throw TooLarge(row.Line, row.Quantity, what) : sum;
    }

    private MalformedRowException TooLarge(int line, long quantity, string what) =>
        new(
            _displayName,
            line,
            RetailCsvReader.Quantity,
            quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{what} would pass the 64-bit range");
}
