using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Inventory.Cli.Replay;

namespace Inventory.Cli.CommandLine;

/// <summary>The <c>inventory replay</c> command: its options, and outcomes mapped to output and exit codes.</summary>
internal static class ReplayCommand
{
    /// <summary>The exit code for unreadable input: a missing file or a malformed row.</summary>
    public const int InputError = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The Online Retail CSV file, plain or gzipped." };
        var opening = new Option<long?>("--opening")
        {
            Description = "Opening units per SKU: 'auto' (the least that refuses no sale line) or a whole number.",
            HelpName = "auto|N",
            CustomParser = ParseOpening,
        };
        var format = new Option<string>("--format")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var skipBadRows = new Option<bool>("--skip-bad-rows")
        {
            Description = "Count and skip malformed rows instead of stopping at the first.",
        };

        var journal = new Option<string?>("--journal")
        {
            Description = "Also write the ledger's journal entries to this file as JSON Lines (docs/journal.md).",
            HelpName = "file",
        };

        var store = new Option<string?>("--store")
        {
            Description = "Where the ledger keeps its state: 'memory' (the default) or 'sqlite:<path>' to keep it "
                + "in a SQLite file across runs.",
            HelpName = "memory|sqlite:<path>",
            CustomParser = ParseStore,
        };

        var command = new Command("replay", "Replays a year of real orders through the reservation ledger.")
        {
            file, opening, format, skipBadRows, journal, store,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file),
            new ReplayOptions
            {
                Opening = parse.GetValue(opening),
                SkipBadRows = parse.GetValue(skipBadRows),
                JournalPath = parse.GetValue(journal),
                SqlitePath = parse.GetValue(store),
                Progress = parse.InvocationConfiguration.Error,
            },
            parse.GetValue(format) == "json",
            parse.InvocationConfiguration,
            cancellationToken));

        return command;
    }

    private static async Task<int> RunAsync(
        string path, ReplayOptions options, bool json, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        ReplayReport report;
        try
        {
            report = await ReplayRunner.RunAsync(path, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            await io.Error.WriteLineAsync($"inventory replay: {ex.Message}").ConfigureAwait(false);
            return InputError;
        }

        if (json)
        {
            JsonReportWriter.Write(report, io.Output);
        }
        else
        {
            TextReportWriter.Write(report, io.Output);
        }

        return 0;
    }

    private static bool IsInputError(Exception ex) =>
        ex is MalformedRowException or ReplayLimitException or IOException or UnauthorizedAccessException
            or Microsoft.Data.Sqlite.SqliteException or Inventory.Core.InventoryException
            or InvalidDataException;

    private static string? ParseStore(ArgumentResult result)
    {
        const string Sqlite = "sqlite:";
        var text = result.Tokens.Count == 0 ? "memory" : result.Tokens[0].Value;
        if (string.Equals(text, "memory", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.StartsWith(Sqlite, StringComparison.OrdinalIgnoreCase) && text.Length > Sqlite.Length)
        {
            return text[Sqlite.Length..];
        }

        result.AddError($"--store takes 'memory' or 'sqlite:<path>' (was '{text}').");

        return null;
    }

    private static long? ParseOpening(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
        {
            return units;
        }

        result.AddError($"--opening takes 'auto' or a whole number of units, 0 or more (was '{text}').");

        return null;
    }
}
