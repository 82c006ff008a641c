namespace Inventory.Cli.Replay;

/// <summary>Why a row is not replayed.</summary>
internal enum SkipReason
{
    /// <summary>Not skipped.</summary>
    None,

    /// <summary>The invoice number starts neither with a digit nor with C (e.g. A for bad-debt adjustments).</summary>
    InvoiceNotSaleOrReturn,

    /// <summary>The stock code is a fee, postage, discount or other non-product code.</summary>
    NonProductCode,

    /// <summary>The stock code is a gift voucher (starts with gift_ in any case).</summary>
    GiftVoucher,

    /// <summary>A C invoice line whose quantity is zero or positive: nothing comes back.</summary>
    ReturnWithoutNegativeQuantity,

    /// <summary>A line with quantity zero.</summary>
    ZeroQuantity,

    /// <summary>A negative quantity on a numeric invoice that carries a price or a customer.</summary>
    NegativeQuantityNotAdjustment,
}
