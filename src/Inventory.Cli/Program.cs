using System.Text;
using Inventory.Cli.CommandLine;

namespace Inventory.Cli;

internal static class Program
{
    /// <summary>
    /// Runs a command with the standard output buffered: the console's own writer flushes on every write, which
    /// made writing a large report cost as much as computing it. Disposing the writer flushes it, whatever the
    /// command's outcome.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);

        return await InventoryCli.RunAsync(args, output, Console.Error).ConfigureAwait(false);
    }
}
