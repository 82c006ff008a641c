namespace Inventory.Cli.Replay;

/// <summary>
/// The replay rules that put every row in exactly one category. They are checked in this order: invoice prefix,
/// non-product stock codes, returns (C invoices), zero quantity, adjustments (price 0, no customer), sale lines
/// (positive quantity); whatever is left is skipped.
/// </summary>
internal static class RowRules
{
    /// <summary>Gets the stock codes of fees, postage and discounts rather than products (ordinal).</summary>
    public static IReadOnlyList<string> NonProductCodes { get; } =
        ["POST", "DOT", "M", "m", "D", "S", "B", "C2", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS"];

    private const string GiftVoucherPrefix = "gift_";

    public static RowCategory Classify(in RetailRow row, out SkipReason reason)
    {
        reason = SkipReasonOf(row);

        return reason switch
        {
            SkipReason.None when IsReturnInvoice(row.InvoiceNo) => RowCategory.Return,
            SkipReason.None when IsAdjustment(row) => RowCategory.Adjustment,
            SkipReason.None => RowCategory.Sale,
            _ => RowCategory.Skipped,
        };
    }

    /// <summary>Gets the index in <see cref="NonProductCodes"/> of the code a stock code matches, or -1.</summary>
    public static int NonProductCodeIndex(ReadOnlySpan<char> stockCode)
    {
        for (var i = 0; i < NonProductCodes.Count; i++)
        {
            if (stockCode.SequenceEqual(NonProductCodes[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static SkipReason SkipReasonOf(in RetailRow row)
    {
        if (row.InvoiceNo.IsEmpty || !(char.IsAsciiDigit(row.InvoiceNo[0]) || IsReturnInvoice(row.InvoiceNo)))
        {
            return SkipReason.InvoiceNotSaleOrReturn;
        }

        if (NonProductCodeIndex(row.StockCode) >= 0)
        {
            return SkipReason.NonProductCode;
        }

        if (row.StockCode.StartsWith(GiftVoucherPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return SkipReason.GiftVoucher;
        }

        return QuantityReason(row);
    }

    private static SkipReason QuantityReason(in RetailRow row) => row.Quantity switch
    {
        >= 0 when IsReturnInvoice(row.InvoiceNo) => SkipReason.ReturnWithoutNegativeQuantity,
        0 => SkipReason.ZeroQuantity,
        < 0 when !IsReturnInvoice(row.InvoiceNo) && !IsAdjustment(row) => SkipReason.NegativeQuantityNotAdjustment,
        _ => SkipReason.None,
    };

    private static bool IsReturnInvoice(ReadOnlySpan<char> invoiceNo) => invoiceNo.Length > 0 && invoiceNo[0] == 'C';

    private static bool IsAdjustment(in RetailRow row) => row.UnitPrice == 0 && row.CustomerId.IsWhiteSpace();
}
