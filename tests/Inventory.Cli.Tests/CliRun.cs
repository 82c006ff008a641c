using System.Text.Json;
using Inventory.Cli.CommandLine;

namespace Inventory.Cli.Tests;

/// <summary>The outcome of one in-process run of the <c>inventory</c> command line.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await InventoryCli.RunAsync(args, output, error);

        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Requires the run to have failed on unreadable input: exit code 2, nothing on standard output, and
    /// <paramref name="expected"/> in the message on standard error.
    /// </summary>
    public void RequireInputError(string expected)
    {
        Assert.Equal(2, ExitCode);
        Assert.Equal(string.Empty, Output);
        Assert.Contains(expected, Error, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>replay FILE --format json</c> plus extra arguments and requires success.</summary>
    public static async Task<JsonElement> ReplayJsonAsync(string path, params string[] extra)
    {
        var run = await RunAsync(["replay", path, "--format", "json", .. extra]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");

        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
