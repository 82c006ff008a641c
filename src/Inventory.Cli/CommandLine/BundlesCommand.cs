using System.CommandLine;
using Inventory.Cli.Bundles;
using Inventory.Cli.Replay;
using Inventory.Core.Bundles;
using Inventory.Core.Stock;
using NodaTime;
using NodaTime.Text;

namespace Inventory.Cli.CommandLine;

/// <summary>The <c>inventory bundles</c> commands: availability of kits from a bill of materials and stock.</summary>
internal static class BundlesCommand
{
    public static Command Create() => new("bundles", "Bundle and kit math over a bill of materials.")
    {
        CreateAvailability(),
        CreateReturn(),
    };

    private static Command CreateReturn()
    {
        var bom = new Option<string>("--bom")
        {
            Description = "The bill of materials, used when the sale records no composition "
                + "(same forms as availability).",
            Required = true,
        };
        var sale = new Option<string>("--sale")
        {
            Description = "The sold line as JSON: lineId, bundle, quantity, soldAt, pricePaid (minor units), currency, "
                + "and optionally composition, alreadyReturned, weights.",
            Required = true,
        };
        var returned = new Option<string>("--returned")
        {
            Description = "The components coming back, as a JSON array of {sku, quantity, condition}.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("return", "Runs the partial-return calculator on one sold bundle line.")
        {
            bom, sale, returned, format,
        };
        command.SetAction(parse => RunReturn(
            parse.GetRequiredValue(bom),
            parse.GetRequiredValue(sale),
            parse.GetRequiredValue(returned),
            parse.GetValue(format) == "json",
            parse.InvocationConfiguration));

        return command;
    }

    private static int RunReturn(
        string bomPath, string salePath, string returnedPath, bool json, InvocationConfiguration io)
    {
        try
        {
            var catalog = Catalog(bomPath);
            var request = ReturnFiles.ReadSale(salePath, catalog);
            var result = request.Calculate(ReturnFiles.ReadReturned(returnedPath));
            if (json)
            {
                ReturnReport.WriteJson(result, io.Output);
            }
            else
            {
                ReturnReport.WriteText(result, io.Output);
            }

            return 0;
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            io.Error.WriteLine($"inventory bundles return: {ex.Message}");

            return ReplayCommand.InputError;
        }
    }

    /// <summary>Reads a bill of materials into a catalogue; a definition it refuses names the file.</summary>
    /// <exception cref="InvalidDataException">Thrown when the catalogue refuses a definition.</exception>
    private static BundleCatalog Catalog(string bomPath)
    {
        var catalog = new BundleCatalog();
        try
        {
            catalog.Register(BomFiles.Versions(BomFiles.ReadBom(bomPath)));
        }
        catch (BundleDefinitionException ex)
        {
            throw new InvalidDataException($"{bomPath}: {ex.Message}", ex);
        }

        return catalog;
    }

    private static bool IsInputError(Exception ex) =>
        ex is MalformedRowException or BundleDefinitionException or BundleReturnException or JsonInputException
            or IOException or UnauthorizedAccessException or ArgumentException or UnparsableValueException
            or InvalidDataException;

    private static Command CreateAvailability()
    {
        var bom = new Option<string>("--bom")
        {
            Description = "The bill of materials: CSV parent,child,quantity[,valid_from,valid_to] "
                + "or BillOfMaterials.tsv.",
            Required = true,
        };
        var stock = new Option<string>("--stock")
        {
            Description = "The stock: CSV sku,location,available or ProductInventory.tsv "
                + "(summed per product and location).",
            Required = true,
        };
        var at = new Option<string?>("--at")
        {
            Description = "The day whose definitions apply (yyyy-MM-dd); today by default.",
        };
        var location = new Option<string?>("--location") { Description = "Report this location only." };
        var format = new Option<string>("--format")
        {
            Description = "The report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("availability", "Whole top-level bundles available per location and pooled.")
        {
            bom, stock, at, location, format,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(bom),
            parse.GetRequiredValue(stock),
            parse.GetValue(at),
            parse.GetValue(location),
            parse.GetValue(format) == "json",
            parse.InvocationConfiguration));

        return command;
    }

    private static int Run(
        string bomPath, string stockPath, string? atText, string? locationText, bool json, InvocationConfiguration io)
    {
        try
        {
            var at = Day(atText);
            LocationId? location = locationText is null ? null : new LocationId(locationText);
            var catalog = Catalog(bomPath);
            var report = AvailabilityReport.Build(catalog, BomFiles.ReadStock(stockPath), at, location);
            if (json)
            {
                report.WriteJson(io.Output);
            }
            else
            {
                report.WriteText(io.Output);
            }

            return 0;
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            io.Error.WriteLine($"inventory bundles availability: {ex.Message}");

            return ReplayCommand.InputError;
        }
    }

    private static Instant Day(string? text) => text is null
        ? SystemClock.Instance.GetCurrentInstant()
        : BomFiles.StartOf(LocalDatePattern.Iso.Parse(text).GetValueOrThrow());
}
