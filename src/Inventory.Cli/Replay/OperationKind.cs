namespace Inventory.Cli.Replay;

/// <summary>What a planned operation does to the ledger.</summary>
internal enum OperationKind
{
    /// <summary>Reserve, commit and fulfil one invoice's cart.</summary>
    Cart,

    /// <summary>Receive returned units as resellable stock.</summary>
    Return,

    /// <summary>Add or remove units by a manual adjustment.</summary>
    Adjustment,
}
