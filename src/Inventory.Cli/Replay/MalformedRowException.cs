namespace Inventory.Cli.Replay;

/// <summary>Thrown when a row of an input file cannot be read: it names the file, line, column and value.</summary>
internal sealed class MalformedRowException : Exception
{
    public MalformedRowException(string file, int line, string column, string value, string problem)
        : base($"{file}:{line}: column {column}: {problem} (value '{Shorten(value)}').")
    {
        File = file;
        Line = line;
        Column = column;
        Value = value;
    }

    public string File { get; }

    public int Line { get; }

    public string Column { get; }

    public string Value { get; }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "...";
}
