using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>
/// What one read of the log learns about one business fact before the deciding sync write of its pair is known:
/// per system, the sum of its changes and the first and last instants among them. Once the write is known, this
/// tells whether the fact still moves the difference, or that only its events can tell (see <see cref="Moves"/>).
/// </summary>
/// <remarks>
/// Instants are kept as nanoseconds from the Unix epoch; an instant beyond that range, or a sum beyond 64 bits,
/// leaves the answer to the events themselves, so no input is refused here that the exact sums would accept.
/// </remarks>
internal struct FactSides
{
    private static readonly Instant _earliest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);
    private static readonly Instant _latest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    private Side _channel;
    private Side _warehouse;

    /// <summary>Adds one change of <paramref name="system"/>.</summary>
    public void Add(VarianceSystem system, long delta, Instant at)
    {
        if (system == VarianceSystem.Channel)
        {
            _channel.Add(delta, at);
        }
        else
        {
            _warehouse.Add(delta, at);
        }
    }

    /// <summary>
    /// Whether the fact may move the difference once <paramref name="write"/> decides which changes each count still
    /// holds: true when the counted channel sum differs from the counted warehouse sum, and true as well when a side
    /// has changes on both sides of its cut-off (or is out of range), which only its events can settle.
    /// </summary>
    /// <param name="write">The pair's last sync write, or null when none landed.</param>
    public readonly bool Moves(SyncWrite? write)
    {
        if (write is null)
        {
            return _channel.All() is not { } c || _warehouse.All() is not { } w || c != w;
        }

        // A cut-off beyond what 64-bit nanoseconds hold cannot be compared here: the events settle it.
        if (Nanoseconds(PositionTally.CutOff(write, VarianceSystem.Channel)) is not { } channelCut
            || Nanoseconds(PositionTally.CutOff(write, VarianceSystem.Warehouse)) is not { } warehouseCut)
        {
            return true;
        }

        return _channel.After(channelCut) is not { } channel || _warehouse.After(warehouseCut) is not { } warehouse
            || channel != warehouse;
    }

    /// <summary>Nanoseconds from the Unix epoch, or null beyond what 64 bits hold.</summary>
    private static long? Nanoseconds(Instant at) =>
        at > _earliest && at < _latest ? (at - NodaConstants.UnixEpoch).ToInt64Nanoseconds() : null;

    /// <summary>One system's changes to the fact.</summary>
    private struct Side
    {
        private long _sum;
        private long _first;
        private long _last;
        private bool _any;
        private bool _unknown;

        public void Add(long delta, Instant at)
        {
            if (Nanoseconds(at) is not { } nanoseconds || _unknown)
            {
                _unknown = true;
                return;
            }

            var sum = (Int128)_sum + delta;
            if (sum < long.MinValue || sum > long.MaxValue)
            {
                _unknown = true;
                return;
            }

            _sum = (long)sum;
            (_first, _last) = _any ? (Math.Min(_first, nanoseconds), Math.Max(_last, nanoseconds))
                : (nanoseconds, nanoseconds);
            _any = true;
        }

        /// <summary>The sum of all the changes, or null when the side is out of range.</summary>
        public readonly long? All() => _unknown ? null : _sum;

        /// <summary>
        /// The sum of the changes later than <paramref name="cut"/>, or null when some changes are later and some
        /// are not, or when the side is out of range.
        /// </summary>
        public readonly long? After(long cut)
        {
            if (_unknown)
            {
                return null;
            }

            if (!_any || _first > cut)
            {
                return _sum;
            }

            return _last <= cut ? 0 : null;
        }
    }
}
