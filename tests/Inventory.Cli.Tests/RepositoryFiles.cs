namespace Inventory.Cli.Tests;

/// <summary>Finds files shipped in the repository, from wherever the tests run.</summary>
internal static class RepositoryFiles
{
    public static string FirstMonth => Find("docs/data/online_retail_2010-12.csv");

    public static string AdventureWorksBom => Find("docs/data/adventureworks/BillOfMaterials.tsv");

    public static string AdventureWorksStock => Find("docs/data/adventureworks/ProductInventory.tsv");

    public static string VarianceSample(string name) => Find("docs/data/variance/" + name);

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' was not found above {AppContext.BaseDirectory}.");
    }
}
