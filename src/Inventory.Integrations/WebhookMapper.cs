using Inventory.Integrations.AfterShip;
using Inventory.Integrations.Loop;
using Inventory.Integrations.Shopify;

namespace Inventory.Integrations;

/// <summary>Picks the mapper for a source by name: <c>shopify</c>, <c>loop</c> or <c>aftership</c>.</summary>
/// <remarks>Safe for concurrent use when the options are not changed.</remarks>
public sealed class WebhookMapper
{
    private readonly ShopifyMapper _shopify;
    private readonly LoopMapper _loop;
    private readonly AfterShipMapper _afterShip;

    /// <summary>Initializes the mappers of every source with one set of options.</summary>
    /// <param name="options">Locations, grade meanings and the SKU resolver.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    public WebhookMapper(MappingOptions options)
    {
        _shopify = new ShopifyMapper(options);
        _loop = new LoopMapper(options);
        _afterShip = new AfterShipMapper(options);
    }

    /// <summary>Gets the source names understood.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["shopify", "loop", "aftership"];

    /// <summary>Maps one webhook body of a source.</summary>
    /// <param name="source">The source name, case-insensitive.</param>
    /// <param name="topic">The topic or event name.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The commands, or the items the resolver did not know.</returns>
    /// <exception cref="PayloadException">Thrown for an unknown source or topic, or an invalid body.</exception>
    public MappingResult Map(string source, string topic, ReadOnlyMemory<byte> body) =>
        source.ToUpperInvariant() switch
        {
            "SHOPIFY" => _shopify.Map(topic, body),
            "LOOP" => _loop.Map(topic, body),
            "AFTERSHIP" => _afterShip.Map(topic, body),
            _ => throw new PayloadException("$", $"unknown source '{source}'; expected shopify, loop or aftership"),
        };
}
