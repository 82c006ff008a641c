namespace Inventory.Cli.Bundles;

/// <summary>Thrown when a JSON input file cannot be used: it names the file, the field's path and the
/// value.</summary>
internal sealed class JsonInputException(string file, string path, string value, string problem)
    : Exception($"{file}: {path}: {problem} (value '{(value.Length <= 60 ? value : value[..60] + "...")}').");
