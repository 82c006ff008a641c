using Inventory.Cli.CommandLine;

namespace Inventory.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => InventoryCli.RunAsync(args, Console.Out, Console.Error);
}
