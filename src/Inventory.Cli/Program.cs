using System.Text;
using Inventory.Cli.CommandLine;

namespace Inventory.Cli;

internal static class Program
{
    /// <summary>
    /// Runs a command with the standard output buffered: the console's own writer flushes on every write, which
    /// made writing a large report cost as much as computing it. The buffer is flushed before the process ends.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        try
        {
            return await InventoryCli.RunAsync(args, output, Console.Error).ConfigureAwait(false);
        }
        finally
        {
            await output.FlushAsync().ConfigureAwait(false);
        }
    }
}
