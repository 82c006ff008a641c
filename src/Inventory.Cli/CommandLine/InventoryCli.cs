using System.CommandLine;

namespace Inventory.Cli.CommandLine;

/// <summary>The <c>inventory</c> command line: its commands and an entry point tests can call in-process.</summary>
internal static class InventoryCli
{
    public static RootCommand CreateRoot() =>
        new("inventory: tools around the Inventory.Core reservation ledger.")
        {
            ReplayCommand.Create(),
            BundlesCommand.Create(),
            AdjustmentsCommand.Create(),
            MapCommand.Create(),
            ApplyCommand.Create(),
            ReconcileCommand.Create(),
        };

    /// <summary>Parses and runs a command line, writing to the given output and error writers.</summary>
    /// <returns>The exit code: 0 on success, 1 on a usage error, 2 on unreadable input.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = CreateRoot().Parse(args);

        // On a usage error the help text goes with the error, so a script reading standard output gets nothing.
        var configuration = parse.Errors.Count > 0
            ? new InvocationConfiguration { Output = error, Error = error }
            : new InvocationConfiguration { Output = output, Error = error };

        return parse.InvokeAsync(configuration);
    }
}
