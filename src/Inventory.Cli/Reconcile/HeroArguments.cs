using System.CommandLine;
using Inventory.Core.Stock;
using Inventory.Core.Variance;

namespace Inventory.Cli.Reconcile;

/// <summary>The hero SKU options of <c>inventory reconcile</c>: <c>--hero</c> and <c>--hero-top</c>.</summary>
internal sealed class HeroArguments
{
    private readonly Option<string[]> _heroes = new("--hero")
    {
        Description = "A hero SKU (repeatable); when given, --hero-top is not used.",
    };

    private readonly Option<int> _top = new("--hero-top")
    {
        Description = "How many best sellers (units sold in the channel) count as heroes when no --hero is given.",
        DefaultValueFactory = _ => 10,
    };

    /// <summary>Requires each hero SKU given to appear in at least one of the snapshots.</summary>
    /// <param name="options">The options with the hero SKUs applied.</param>
    /// <param name="snapshotSkus">Reads the SKUs of both snapshots; called only when a hero SKU was given.</param>
    /// <exception cref="ArgumentException">Thrown naming every hero SKU found in neither snapshot.</exception>
    public static void RequireKnown(VarianceOptions options, Func<IEnumerable<Sku>> snapshotSkus)
    {
        if (options.HeroSkus.Count == 0)
        {
            return;
        }

        var unknown = new SortedSet<Sku>(options.HeroSkus);
        unknown.ExceptWith(snapshotSkus());
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"--hero: {string.Join(", ", unknown)} is in neither the channel nor the warehouse snapshot.");
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_heroes);
        command.Options.Add(_top);
    }

    /// <summary>Sets the hero SKUs and the top count on the options.</summary>
    /// <exception cref="ArgumentException">Thrown when a hero SKU is blank or too long.</exception>
    public void Apply(ParseResult parse, VarianceOptions options)
    {
        options.HeroTopCount = parse.GetValue(_top);
        foreach (var text in parse.GetValue(_heroes) ?? [])
        {
            options.HeroSkus.Add(Sku.TryCreate(text.Trim(), out var sku)
                ? sku
                : throw new ArgumentException($"--hero: '{text}' is not a SKU (1 to 255 characters)."));
        }
    }
}
