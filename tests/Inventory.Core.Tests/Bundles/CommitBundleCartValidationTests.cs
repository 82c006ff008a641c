using Inventory.Core.Bundles;
using Inventory.Core.Ledger;
using Inventory.Core.Stock;
using Inventory.Core.Tests.Support;
using NodaTime;
using static Inventory.Core.Tests.Bundles.Kits;

namespace Inventory.Core.Tests.Bundles;

/// <summary>
/// A bundle sale the domain forbids is refused as invalid input, naming the bundle line, the SKU and the value,
/// and nothing is committed, journalled or recorded on the order.
/// </summary>
public sealed class CommitBundleCartValidationTests
{
    private static readonly Instant At = LedgerHarness.Start;

    public static TheoryData<string, string> Forbidden => new()
    {
        { "definition contains its bundle", "definition version contains GIFT itself" },
        { "per-bundle composition contains its bundle", "per-bundle composition contains GIFT itself" },
        { "definition without components", "definition version has no components" },
        {
            "definition quantity zero",
            "its definition quantity of MUG must be a positive whole number of units (was 0)"
        },
        {
            "definition quantity negative",
            "its definition quantity of MUG must be a positive whole number of units (was -2)"
        },
        { "validFrom after validTo", "span [2027-01-01T00:00:00Z, 2020-01-01T00:00:00Z) is empty" },
        { "validFrom equal to validTo", "span [2026-03-02T09:00:00Z, 2026-03-02T09:00:00Z) is empty" },
        {
            "sold before validFrom",
            "sold at 2026-03-02T09:00:00Z, outside its definition version's span [2026-03-02T09:00:00.000000001Z, +inf)"
        },
        {
            "sold at validTo",
            "sold at 2026-03-02T09:00:00Z, outside its definition version's span [-inf, 2026-03-02T09:00:00Z)"
        },
        { "duplicate per-bundle component", "lists MUG more than once in its per-bundle composition" },
        {
            "per-bundle quantity not the definition's",
            "per-bundle composition (2 x MUG) is not its definition's leaf composition (1 x MUG)"
        },
        {
            "per-bundle component the definition lacks",
            "per-bundle composition (1 x CARD, 1 x MUG) is not its definition's leaf composition (1 x MUG)"
        },
        {
            "nested: fewer of a listed leaf than listed",
            "holds 1 x MUG per bundle, fewer than the 2 its definition lists"
        },
        {
            "nested: fewer leaf units than lines",
            "holds 2 leaf units per bundle, fewer than the 4 units its definition's lines call for"
        },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task CommitBundleCart_SaleTheDomainForbids_ThrowsNamingLineSkuAndValueAndChangesNothing(
        string kind, string expected)
    {
        var harness = await Held(Sale(kind));
        var before = await harness.Journal();
        var mug = await harness.Position("MUG", "W1");

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new CommitBundleCart("commit", "cart", "1001", [Sale(kind)])));

        Assert.StartsWith("CommitBundleCart 'commit': bundle line '1' (GIFT)", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.Ledger.GetBundleLinesAsync("1001"));
        Assert.Equal(before, await harness.Journal());
        Assert.Equal(mug, await harness.Position("MUG", "W1"));
        Assert.Equal(0, mug.Committed);
    }

    [Fact]
    public async Task CommitBundleCart_DuplicatePerBundleComponent_JournalsNoSecondBundleSold()
    {
        var harness = await Held(Sale("valid"));
        var duplicate = Sale("duplicate per-bundle component");
        await Assert.ThrowsAsync<InvalidCommandException>(
            () => harness.Run(new CommitBundleCart("commit", "cart", "1001", [duplicate])));

        var result = await harness.Apply(new CommitBundleCart("commit", "cart", "1001", [Sale("valid")]));

        Assert.Equal(1, result.Entries.Count(e => e.Kind == EntryKind.BundleSold));
        Assert.Equal([C("MUG", 1)], Assert.Single(await harness.Ledger.GetBundleLinesAsync("1001")).PerBundle);
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("nested: tin of teas")]
    [InlineData("nested: listed leaf also inside the nested bundle")]
    [InlineData("sold at validFrom")]
    public async Task CommitBundleCart_SaleTheDomainAllows_IsRecorded(string kind)
    {
        var harness = await Held(Sale(kind));

        var result = await harness.Run(new CommitBundleCart("commit", "cart", "1001", [Sale(kind)]));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(Sale(kind).PerBundle, Assert.Single(await harness.Ledger.GetBundleLinesAsync("1001")).PerBundle);
    }

    private static BundleSale Sale(string kind)
    {
        var valid = new BundleSale("1", S("GIFT"), 1, At, Kit("GIFT", C("MUG", 1)), [C("MUG", 1)]);
        var later = At + Duration.FromNanoseconds(1);

        return kind switch
        {
            "valid" => valid,
            "definition contains its bundle" => valid with { Definition = Kit("GIFT", C("MUG", 1), C("GIFT", 1)) },
            "per-bundle composition contains its bundle" => valid with
            {
                Definition = Kit("GIFT", C("MUG", 1), C("BOX", 1)), PerBundle = [C("GIFT", 1), C("MUG", 1)],
            },
            "definition without components" => valid with { Definition = Kit("GIFT") },
            "definition quantity zero" => valid with { Definition = Kit("GIFT", C("MUG", 0)) },
            "definition quantity negative" => valid with { Definition = Kit("GIFT", C("MUG", -2)) },
            "validFrom after validTo" => valid with
            {
                Definition = valid.Definition with
                {
                    ValidFrom = Instant.FromUtc(2027, 1, 1, 0, 0), ValidTo = Instant.FromUtc(2020, 1, 1, 0, 0),
                },
            },
            "validFrom equal to validTo" => valid with
            {
                Definition = valid.Definition with { ValidFrom = At, ValidTo = At },
            },
            "sold before validFrom" => valid with { Definition = valid.Definition with { ValidFrom = later } },
            "sold at validFrom" => valid with { Definition = valid.Definition with { ValidFrom = At } },
            "sold at validTo" => valid with { Definition = valid.Definition with { ValidTo = At } },
            "duplicate per-bundle component" => valid with { PerBundle = [C("MUG", 1), C("MUG", 1)] },
            "per-bundle quantity not the definition's" => valid with { PerBundle = [C("MUG", 2)] },
            "per-bundle component the definition lacks" => valid with { PerBundle = [C("CARD", 1), C("MUG", 1)] },
            // TIN is not in the leaf composition, so it is a nested bundle the ledger cannot open.
            "nested: tin of teas" => valid with
            {
                Definition = Kit("GIFT", C("MUG", 1), C("TIN", 1)), PerBundle = [C("MUG", 1), C("TEA", 3)],
            },
            "nested: listed leaf also inside the nested bundle" => valid with
            {
                Definition = Kit("GIFT", C("MUG", 1), C("SET", 2)), PerBundle = [C("MUG", 3)],
            },
            "nested: fewer of a listed leaf than listed" => valid with
            {
                Definition = Kit("GIFT", C("MUG", 2), C("TIN", 1)), PerBundle = [C("MUG", 1), C("TEA", 3)],
            },
            "nested: fewer leaf units than lines" => valid with
            {
                Definition = Kit("GIFT", C("MUG", 1), C("TIN", 3)), PerBundle = [C("MUG", 1), C("TEA", 1)],
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown case"),
        };
    }

    /// <summary>Holds, in cart "cart", ten units in stock of each component the sale names and its units.</summary>
    private static async Task<LedgerHarness> Held(BundleSale sale)
    {
        var harness = new LedgerHarness();
        var lines = new List<Inventory.Core.Reservations.CartLine>();
        foreach (var sku in sale.PerBundle.Select(c => c.Sku.Value).Distinct(StringComparer.Ordinal))
        {
            var units = sale.PerBundle.First(c => c.Sku.Value == sku).Quantity;
            await harness.Receive(sku, "W1", 10);
            lines.Add(LedgerHarness.Line($"1/{sku}", sku, units, "W1"));
        }

        await harness.Apply(new Inventory.Core.Reservations.ReserveCart("hold", "cart", lines));

        return harness;
    }
}
