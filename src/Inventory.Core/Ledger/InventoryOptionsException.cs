namespace Inventory.Core.Ledger;

/// <summary>Thrown when <see cref="InventoryOptions"/> are invalid; the message lists every problem.</summary>
public sealed class InventoryOptionsException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public InventoryOptionsException(IReadOnlyList<string> problems)
        : base("Invalid inventory options: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
