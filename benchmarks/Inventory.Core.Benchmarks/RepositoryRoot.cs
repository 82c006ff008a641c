namespace Inventory.Core.Benchmarks;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Inventory.Core.sln";

    /// <summary>Gets the full path of a file given relative to the folder that holds the solution file.</summary>
    /// <exception cref="DirectoryNotFoundException">Thrown when no parent folder holds the solution file.</exception>
    /// <exception cref="FileNotFoundException">Thrown when the file does not exist under that folder.</exception>
    public static string File(string relativePath)
    {
        var path = Path.Combine(Find(), relativePath);

        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The benchmark input '{path}' does not exist.", path);
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' holds {Marker}; run the benchmarks from the repository.");
    }
}
