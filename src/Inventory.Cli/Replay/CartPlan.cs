using NodaTime;

namespace Inventory.Cli.Replay;

/// <summary>The sale lines of one invoice, placed as one cart at the invoice's first sale line.</summary>
internal sealed class CartPlan(string invoiceNo, Instant at)
{
    public string InvoiceNo { get; } = invoiceNo;

    /// <summary>Gets the invoice date of the first sale line, when the cart is placed.</summary>
    public Instant At { get; } = at;

    public List<CartLinePlan> Lines { get; } = [];
}
