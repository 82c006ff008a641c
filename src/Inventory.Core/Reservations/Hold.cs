using Inventory.Core.Stock;
using NodaTime;

namespace Inventory.Core.Reservations;

/// <summary>Units of one cart line held at one location until an expiry instant.</summary>
/// <param name="CartId">The cart that holds the units.</param>
/// <param name="LineId">The cart line.</param>
/// <param name="Key">The SKU and location of the held units.</param>
/// <param name="Quantity">The units held; always positive.</param>
/// <param name="ExpiresAt">The instant from which the hold no longer counts.</param>
/// <remarks>
/// A line split across locations has one hold per location. A hold stops counting at
/// <paramref name="ExpiresAt"/> even before a sweep removes it. Immutable; safe to share between threads.
/// </remarks>
public sealed record Hold(string CartId, string LineId, PositionKey Key, long Quantity, Instant ExpiresAt)
{
    /// <summary>Gets whether the hold has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The instant to test.</param>
    /// <returns>True when <paramref name="now"/> is at or after the expiry.</returns>
    public bool IsExpiredAt(Instant now) => now >= ExpiresAt;
}
