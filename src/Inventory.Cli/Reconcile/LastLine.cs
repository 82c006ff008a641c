namespace Inventory.Cli.Reconcile;

/// <summary>
/// Remembers the line of the row a reader handed on last, so that a problem the classifier finds in that row (a
/// pair listed twice) can be reported with its file and line.
/// </summary>
/// <remarks>Used on the one thread that consumes the rows.</remarks>
internal sealed class LastLine
{
    /// <summary>Gets the line of the row handed on last; 0 before the first.</summary>
    public int Line { get; private set; }

    /// <summary>Notes the row's line and hands the row on.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="row">The row.</param>
    /// <param name="line">The line it starts on.</param>
    /// <returns>The row.</returns>
    public T Note<T>(T row, int line)
    {
        Line = line;

        return row;
    }
}
