using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Cli.Bundles;

/// <summary>One bill-of-materials line: a child and its quantity per parent over a span of whole days.</summary>
/// <param name="Parent">The parent SKU.</param>
/// <param name="Child">The child SKU.</param>
/// <param name="Quantity">Units of the child per parent.</param>
/// <param name="From">The first day the line applies; null for "since always".</param>
/// <param name="To">The last day the line applies (inclusive); null for "until further notice".</param>
internal sealed record BomRow(Sku Parent, Sku Child, long Quantity, LocalDate? From, LocalDate? To);
