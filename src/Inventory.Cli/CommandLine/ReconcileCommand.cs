using System.CommandLine;
using Inventory.Cli.Reconcile;
using Inventory.Cli.Replay;
using Inventory.Core;
using Inventory.Core.Variance;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.CommandLine;

/// <summary>
/// The <c>inventory reconcile</c> command: compares a channel export with a warehouse export and explains each
/// difference. Exit codes: 0 no alert, 1 an alert fired, 2 unreadable input.
/// </summary>
internal static class ReconcileCommand
{
    public const int Alert = 1;

    public static Command Create()
    {
        var channel = new Option<string>("--channel")
        {
            Description = "The Shopify inventory export CSV.",
            Required = true,
        };
        var warehouse = new Option<string>("--warehouse")
        {
            Description = "The warehouse snapshot CSV.",
            Required = true,
        };
        var events = new Option<string?>("--events") { Description = "The event log, JSON Lines (docs/variance.md)." };
        var format = new Option<string>("--format")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The snapshot instant (ISO-8601 UTC); default: the latest as_of of the warehouse file.",
        };
        var units = new Option<long>("--tolerance-units")
        {
            Description = "Units of difference still counted as agreement.",
            DefaultValueFactory = _ => 0,
        };
        var percent = new Option<int>("--tolerance-percent")
        {
            Description = "Percent of the larger count still agreement.",
            DefaultValueFactory = _ => 0,
        };
        var lag = new Option<int>("--sync-lag-minutes")
        {
            Description = "Normal sync lag.",
            DefaultValueFactory = _ => 15,
        };
        var zone = new Option<string>("--zone")
        {
            Description = "Business time zone (tz id).",
            DefaultValueFactory = _ => "UTC",
        };
        var mapping = new Option<string[]>("--warehouse-column")
        {
            Description = "Maps a warehouse field to the file's column name: field=Column (repeatable).",
        };

        var thresholds = new Option<string[]>("--threshold")
        {
            Description = "Sets an indicator's threshold: figure=value (repeatable; docs/variance.md).",
        };

        var trends = new TrendArguments();
        var heroes = new HeroArguments();
        var previous = new PreviousSnapshotArguments();

        var command = new Command("reconcile", "Explains why the channel's and the warehouse's counts differ.")
        {
            channel, warehouse, events, format, asOf, units, percent, lag, zone, mapping, thresholds,
        };
        trends.AddTo(command);
        heroes.AddTo(command);
        previous.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var io = parse.InvocationConfiguration;
            try
            {
                var warehousePath = RequireFile(parse.GetRequiredValue(warehouse), "--warehouse");
                var channelPath = RequireFile(parse.GetRequiredValue(channel), "--channel");
                var eventPath = parse.GetValue(events);
                if (eventPath is not null)
                {
                    RequireFile(eventPath, "--events");
                }

                var columns = WarehouseColumns.Parse(parse.GetValue(mapping) ?? []);
                var latest = await CheckSnapshotsAsync(channelPath, warehousePath, columns)
                    .ConfigureAwait(false);
                var options = new VarianceOptions
                {
                    AsOf = ResolveAsOf(parse.GetValue(asOf), latest),
                    ToleranceUnits = NotNegative(parse.GetValue(units), "--tolerance-units"),
                    TolerancePercent = (int)NotNegative(parse.GetValue(percent), "--tolerance-percent"),
                    NormalSyncLag = Duration.FromMinutes(NotNegative(parse.GetValue(lag), "--sync-lag-minutes")),
                    BusinessZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(parse.GetRequiredValue(zone))
                        ?? throw new ArgumentException($"--zone: unknown time zone '{parse.GetValue(zone)}'."),
                };
                ThresholdArguments.Apply(parse.GetValue(thresholds) ?? [], options.Thresholds);
                heroes.Apply(parse, options);
                HeroArguments.RequireKnown(options, () => ShopifyInventoryReader.Rows(channelPath)
                    .Select(r => r.Sku)
                    .Concat(WarehouseCsvReader.Rows(warehousePath, columns).Select(pair => pair.Row.Sku)));
                previous.Apply(parse, options, columns);
                var classifier = new VarianceClassifier(options);
                var (channelLine, warehouseLine) = (new LastLine(), new LastLine());
                var channelRows = ReadAhead.Of(ShopifyInventoryReader.RowsWithLines(channelPath))
                    .Select(read => channelLine.Note(read.Row, read.Line));
                var rows = ReadAhead.Of(WarehouseCsvReader.Rows(warehousePath, columns))
                    .Select(read => warehouseLine.Note(read.Row, read.Line));
                VarianceReport report;
                try
                {
                    report = eventPath is null
                        ? classifier.Classify(channelRows, rows, [])
                        : classifier.Classify(channelRows, rows, new JsonLinesEventLog(eventPath));
                }
                catch (VarianceInputException ex) when (ex.Snapshot is { } snapshot)
                {
                    var (file, line, column) = snapshot == "channel"
                        ? (channelPath, channelLine.Line, "SKU")
                        : (warehousePath, warehouseLine.Line, columns["sku"]);
                    throw new MalformedRowException(file, line, column, ex.Position?.ToString() ?? string.Empty,
                        ex.Message);
                }

                report = trends.Apply(parse, report, options.BusinessZone);

                return await WriteAsync(report, parse.GetValue(format) == "json", io).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MalformedRowException or IOException or UnauthorizedAccessException
                or ArgumentException or InventoryException or OverflowException)
            {
                await io.Error.WriteLineAsync($"inventory reconcile: {ex.Message}").ConfigureAwait(false);
                return ReplayCommand.InputError;
            }
        });

        return command;
    }

    /// <summary>
    /// Checks that both snapshots are UTF-8 and reads the warehouse's latest <c>as_of</c>, the three reads side by
    /// side; a failure is reported in that order whichever read finished first.
    /// </summary>
    private static async Task<Instant?> CheckSnapshotsAsync(
        string channelPath, string warehousePath, WarehouseColumns columns)
    {
        Task[] texts =
        [
            Task.Run(() => Utf8File.RequireValid(channelPath)), Task.Run(() => Utf8File.RequireValid(warehousePath)),
        ];
        var latest = Task.Run(() => WarehouseCsvReader.LatestAsOf(warehousePath, columns));

        // Waits for all three without throwing, so that none is left running unobserved.
        await Task.WhenAny(Task.WhenAll([.. texts, latest])).ConfigureAwait(false);
        foreach (var text in texts)
        {
            await text.ConfigureAwait(false);
        }

        return await latest.ConfigureAwait(false);
    }

    private static async Task<int> WriteAsync(VarianceReport report, bool json, InvocationConfiguration io)
    {
        if (json && io.Output is StreamWriter { Encoding.CodePage: 65001 } direct
            && direct.Encoding.Preamble.IsEmpty)
        {
            // UTF-8 bytes straight to the writer's stream, rather than decoded to text and encoded again; a writer
            // that would open with a byte order mark is left to write its own text.
            await direct.FlushAsync().ConfigureAwait(false);
            ReconcileReportWriter.WriteJson(report, direct.BaseStream);
            await direct.WriteLineAsync().ConfigureAwait(false);
        }
        else if (json)
        {
            using (var stream = new TextWriterStream(io.Output))
            {
                ReconcileReportWriter.WriteJson(report, stream);
            }

            await io.Output.WriteLineAsync().ConfigureAwait(false);
        }
        else
        {
            ReconcileReportWriter.WriteText(report, io.Output);
        }

        return ReconcileReportWriter.HasAlert(report) ? Alert : 0;
    }

    private static Instant ResolveAsOf(string? text, Instant? latest)
    {
        if (text is null)
        {
            return latest ?? throw new ArgumentException(
                "--as-of: give the snapshot instant, or an as_of column in the warehouse file.");
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new ArgumentException(
                $"--as-of: '{text}' is not an ISO-8601 UTC instant such as 2026-03-02T06:00:00Z.");
    }

    /// <summary>The path of an input file, refused naming its option when no file is there.</summary>
    private static string RequireFile(string path, string option) => File.Exists(path)
        ? path
        : throw new ArgumentException($"{option}: there is no file '{path}'.");

    /// <summary>An option's number, refused naming the option when it is negative.</summary>
    private static long NotNegative(long value, string option) => value >= 0
        ? value
        : throw new ArgumentException($"{option}: expected 0 or more, not {value}.");
}
