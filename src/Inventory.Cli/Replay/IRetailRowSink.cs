namespace Inventory.Cli.Replay;

/// <summary>Receives the rows of an Online Retail file in file order.</summary>
internal interface IRetailRowSink
{
    /// <summary>Takes one well-formed row; its spans are valid only during the call.</summary>
    /// <exception cref="MalformedRowException">
    /// Thrown, before anything is kept, when the row cannot be taken.
    /// </exception>
    void Accept(in RetailRow row);
}
