namespace Inventory.Integrations;

/// <summary>
/// Thrown when a webhook body cannot be mapped: malformed JSON, a missing or mistyped field, a negative quantity,
/// an unknown topic. Nothing is mapped, so nothing is applied.
/// </summary>
/// <remarks>Immutable once thrown.</remarks>
public sealed class PayloadException : Inventory.Core.InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="path">The JSON path of the offending field (<c>$</c> for the whole body).</param>
    /// <param name="problem">What is wrong there.</param>
    public PayloadException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>Gets the JSON path of the offending field, such as <c>$.refund_line_items[0].quantity</c>.</summary>
    public string Path { get; }
}
