using System.CommandLine;
using System.CommandLine.Parsing;
using Inventory.Cli.Audit;
using Inventory.Cli.Replay;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.CommandLine;

/// <summary>The <c>inventory adjustments</c> commands: <c>audit</c> prints daily flags and the weekly review.</summary>
internal static class AdjustmentsCommand
{
    private const string RetailZone = "Europe/London";
    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "A plain adjustments CSV (sku,location,quantity,reason,operator,instant,note) or an Online "
                + "Retail file, plain or gzipped.",
        };
        var zone = new Option<DateTimeZone?>("--zone")
        {
            Description = "The business time zone (IANA id); Europe/London for Online Retail files, UTC otherwise.",
            HelpName = "tz",
            CustomParser = ParseZone,
        };
        var from = DateOption(
            "--from", "The first business day to report (yyyy-MM-dd); the first adjustment's by default.");
        var to = DateOption("--to", "The last business day to report (yyyy-MM-dd); the last adjustment's by default.");
        var format = new Option<string>("--format")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var audit = new Command("audit", "Flags unusual adjustment patterns per day and reviews them per week.")
        {
            file, zone, from, to, format,
        };
        audit.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetRequiredValue(file),
            parse.GetValue(zone),
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(format) == "json",
            parse.InvocationConfiguration)));

        return new Command("adjustments", "Audits manual stock adjustments.") { audit };
    }

    private static int Run(
        string path, DateTimeZone? zone, LocalDate? from, LocalDate? to, bool json, InvocationConfiguration io)
    {
        if (from is { } f && to is { } t && t < f)
        {
            io.Error.WriteLine(
                $"inventory adjustments audit: --to ({t:yyyy-MM-dd}) is before --from ({f:yyyy-MM-dd}).");
            return InventoryCli.UsageError;
        }

        AuditResult result;
        try
        {
            var retail = AuditInput.IsRetailFile(path);
            var businessZone = zone ?? (retail ? DateTimeZoneProviders.Tzdb[RetailZone] : DateTimeZone.Utc);
            var adjustments = AuditInput.Read(path, retail, businessZone);
            result = AuditResult.Build(Path.GetFileName(path), adjustments, businessZone, from, to);
        }
        catch (Exception ex) when (ex is MalformedRowException or IOException or UnauthorizedAccessException
            or InvalidDataException)
        {
            io.Error.WriteLine($"inventory adjustments audit: {ex.Message}");
            return ReplayCommand.InputError;
        }
        catch (OverflowException)
        {
            // Limitation: the reports fail as a whole here, so no single line is named.
            io.Error.WriteLine($"inventory adjustments audit: {Path.GetFileName(path)}: the adjustments of one day or "
                + "week sum past the 64-bit range.");
            return ReplayCommand.InputError;
        }

        if (json)
        {
            AuditJsonWriter.Write(result, io.Output);
        }
        else
        {
            AuditTextWriter.Write(result, io.Output);
        }

        return 0;
    }

    private static Option<LocalDate?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "date",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                result.AddError($"{name} takes a date as yyyy-MM-dd (was '{text}').");
                return null;
            }

            if (parsed.Value.Year is < PlainAdjustmentReader.FirstYear or > PlainAdjustmentReader.LastYear)
            {
                result.AddError($"{name} takes a date in the years {PlainAdjustmentReader.FirstYear} to "
                    + $"{PlainAdjustmentReader.LastYear}, as the adjustments read (was '{text}').");
                return null;
            }

            return parsed.Value;
        },
    };

    private static DateTimeZone? ParseZone(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
        if (zone is null)
        {
            result.AddError($"--zone takes an IANA time zone id such as Europe/London (was '{text}').");
        }

        return zone;
    }
}
