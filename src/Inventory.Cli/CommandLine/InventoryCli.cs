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

    /// <summary>The exit code of a command line that does not parse, the same for every command.</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs a command line, writing to the given output and error writers.</summary>
    /// <returns>
    /// The exit code: 0 on success, 2 on a usage error or unreadable input; <c>reconcile</c> exits 1 when an
    /// alert fired, so a usage error must never share that code.
    /// </returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error })
                .ConfigureAwait(false);
        }

        // The help text goes with the error, so a script reading standard output gets nothing.
        await parse.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }).ConfigureAwait(false);

        return UsageError;
    }
}
