using Inventory.Core.Stock;

namespace Inventory.Core.Ledger;

/// <summary>Why one line was refused: what it asked for and what there was.</summary>
/// <param name="LineId">The cart or order line, if the command has lines.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location checked; null when several locations were pooled.</param>
/// <param name="Requested">Units asked for.</param>
/// <param name="Available">Units there were (available, open or held, as the status says), never below zero.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record StockShortfall(string? LineId, Sku Sku, LocationId? Location, long Requested, long Available)
{
    /// <summary>Describes the shortfall in a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var where = Location is { } location ? $" at {location}" : " across the channel's locations";
        var line = LineId is null ? string.Empty : $"line '{LineId}': ";

        return $"{line}SKU {Sku}{where}: requested {Requested}, available {Available}";
    }
}
