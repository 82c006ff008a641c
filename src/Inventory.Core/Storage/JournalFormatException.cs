namespace Inventory.Core.Storage;

/// <summary>Thrown when a journal file line is not a valid entry.</summary>
/// <remarks>The message names the file, line, column and field.</remarks>
public sealed class JournalFormatException : InventoryException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="source">The file name.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="column">The 1-based column, 1 when the whole line is concerned.</param>
    /// <param name="field">The field path, e.g. "change.onHand".</param>
    /// <param name="problem">What is wrong.</param>
    public JournalFormatException(string source, int line, int column, string field, string problem)
        : base($"{source}:{line}:{column}: field '{field}': {problem}.")
    {
        Source = source;
        Line = line;
        Column = column;
        Field = field;
    }

    /// <summary>Gets the file name.</summary>
    public new string Source { get; }

    /// <summary>Gets the 1-based line number.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; }

    /// <summary>Gets the field path.</summary>
    public string Field { get; }
}
