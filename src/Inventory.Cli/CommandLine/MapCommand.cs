using System.CommandLine;
using System.Text.Json;
using Inventory.Core.Stock;
using Inventory.Integrations;

namespace Inventory.Cli.CommandLine;

/// <summary>The <c>inventory map</c> command: prints the ledger commands a webhook body maps to.</summary>
internal static class MapCommand
{
    /// <summary>The exit code for a payload that cannot be mapped (unreadable, invalid, unknown items).</summary>
    public const int PayloadError = 2;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "Who sent it: shopify, loop or aftership." };
        var topic = new Argument<string>("topic") { Description = "The webhook topic, such as refunds/create." };
        var file = new Argument<string>("payload") { Description = "The JSON body, as received." };
        var format = new Option<string>("--format")
        {
            Description = "The output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var orderLocation = new Option<string>("--order-location")
        {
            Description = "The location storefront orders are committed at.",
            DefaultValueFactory = _ => "default",
        };
        var returnLocation = new Option<string>("--return-location")
        {
            Description = "The location returns come back to.",
            DefaultValueFactory = _ => "returns",
        };
        var items = new Option<string[]>("--item")
        {
            Description = "Maps a variant or inventory item id to a SKU, as ID=SKU; repeat as needed.",
            HelpName = "ID=SKU",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("map", "Prints the ledger commands a webhook body maps to; applies nothing.")
        {
            source, topic, file, format, orderLocation, returnLocation, items,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new MapRequest(
                parse.GetRequiredValue(source), parse.GetRequiredValue(topic), parse.GetRequiredValue(file),
                parse.GetValue(format) == "json", parse.GetRequiredValue(orderLocation),
                parse.GetRequiredValue(returnLocation), parse.GetValue(items) ?? []),
            parse.InvocationConfiguration,
            cancellationToken));

        return command;
    }

    private static async Task<int> RunAsync(
        MapRequest request, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        MappingResult result;
        try
        {
            var body = await File.ReadAllBytesAsync(request.Path, cancellationToken).ConfigureAwait(false);
            result = new WebhookMapper(Options(request)).Map(request.Source, request.Topic, body);
        }
        catch (Exception ex)
            when (ex is PayloadException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await io.Error.WriteLineAsync($"inventory map: {request.Path}: {ex.Message}").ConfigureAwait(false);
            return PayloadError;
        }

        if (!result.IsMapped)
        {
            foreach (var unknown in result.Unresolved)
            {
                await io.Error.WriteLineAsync($"inventory map: {request.Path}: {unknown}").ConfigureAwait(false);
            }

            return PayloadError;
        }

        await io.Output.WriteAsync(request.Json ? Json(request, result) : Text(result)).ConfigureAwait(false);

        return 0;
    }

    private static MappingOptions Options(MapRequest request)
    {
        var resolver = new InMemorySkuResolver();
        foreach (var pair in request.Items)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !Sku.TryCreate(pair[(at + 1)..], out var sku))
            {
                throw new ArgumentException($"--item '{pair}' must read ID=SKU.");
            }

            resolver.AddVariant(pair[..at], sku).AddInventoryItem(pair[..at], sku);
        }

        return new MappingOptions
        {
            OrderLocation = new LocationId(request.OrderLocation),
            ReturnLocation = new LocationId(request.ReturnLocation),
            Resolver = resolver,
        };
    }

    private static string Text(MappingResult result) =>
        result.Commands.Count == 0
            ? "No stock changes.\n"
            : string.Concat(result.Commands.Select(c => LedgerCommandJson.Describe(c) + "\n"));

    private static string Json(MapRequest request, MappingResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("source", request.Source);
            writer.WriteString("topic", request.Topic);
            writer.WriteStartArray("commands");
            foreach (var command in result.Commands)
            {
                LedgerCommandJson.Write(writer, command);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed record MapRequest(
        string Source, string Topic, string Path, bool Json, string OrderLocation, string ReturnLocation,
        IReadOnlyList<string> Items);
}
