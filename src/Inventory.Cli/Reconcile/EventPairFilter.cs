using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Inventory.Core.Stock;

namespace Inventory.Cli.Reconcile;

/// <summary>
/// Tells from a line's raw UTF-8 bytes, without building its event, that the event belongs to none of a set of
/// SKU and location pairs, so a read that wants only those pairs can pass over it. It answers "skip" only when
/// sure: the line is one object whose <c>type</c>, <c>sku</c> and <c>location</c> each appear once, unescaped,
/// and name a type other than a bundle sale (whose components name other SKUs). Anything else is left to the
/// full parse.
/// </summary>
/// <remarks>Immutable once built; several threads may ask at once.</remarks>
internal sealed class EventPairFilter
{
    private const ulong Prime = 0x9E3779B97F4A7C15;

    /// <summary>
    /// The 64-bit fingerprints of the wanted pairs' UTF-8 bytes, open addressing, 0 for an empty slot. A line whose
    /// fingerprint is found is read in full (a rare collision only costs that read); one whose fingerprint is
    /// absent surely belongs to none of the pairs. One probe touches one cache line, where a set of strings
    /// touches several per line of the log.
    /// </summary>
    private readonly ulong[] _slots;

    /// <summary>A per-filter seed, so that no crafted SKU collides by design.</summary>
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64();

    public EventPairFilter(IEnumerable<PositionKey> pairs)
    {
        var keys = pairs.ToList();
        _slots = new ulong[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)keys.Count * 2))];
        foreach (var pair in keys)
        {
            var slot = Probe(Fingerprint(Encoding.UTF8.GetBytes(pair.Sku.Value), Encoding.UTF8.GetBytes(
                pair.Location.Value)), out var print);
            _slots[slot] = print;
        }
    }

    /// <summary>Whether the line surely holds an event of none of the pairs.</summary>
    public bool Skips(ReadOnlySpan<byte> line) =>
        (PlainFields(line, out var sku, out var location) ?? Fields(line, out sku, out location))
        && !Wanted(sku, location);

    /// <summary>
    /// The fast way for the commonest line, one flat object (braces at both ends, no other brace or bracket) of
    /// printable ASCII without a backslash: no string in it can hold a quote, so a quoted name followed by a colon is a
    /// field's name, and with no object or array in the line it is a top-level one. Each of the three names is then
    /// found by a substring search. True or false as <see cref="Fields"/> answers; null for any other line, which
    /// <see cref="Fields"/> reads.
    /// </summary>
    private static bool? PlainFields(
        ReadOnlySpan<byte> line, out ReadOnlySpan<byte> sku, out ReadOnlySpan<byte> location)
    {
        sku = location = default;
        if (line.Length < 2 || line[0] != (byte)'{' || line[^1] != (byte)'}'
            || line[1..].IndexOfAny((byte)'{', (byte)'[') >= 0
            || line.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 || line.Contains((byte)'\\'))
        {
            return null;
        }

        return PlainValue(line, "\"type\""u8, out var type) && !type.SequenceEqual("bundle_sale"u8)
            && PlainValue(line, "\"sku\""u8, out sku) && PlainValue(line, "\"location\""u8, out location);
    }

    /// <summary>
    /// Finds the string value of the one field named <paramref name="name"/> (quotes included) in a plain flat line:
    /// true with its text; false when the field is missing, repeated or not a string.
    /// </summary>
    private static bool PlainValue(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var found = false;
        for (var from = 0; from < line.Length;)
        {
            var at = line[from..].IndexOf(name);
            if (at < 0)
            {
                break;
            }

            var after = Space(line, from + at + name.Length);
            from += at + name.Length;
            if (after >= line.Length || line[after] != (byte)':')
            {
                continue;
            }

            var start = Space(line, after + 1);
            var end = start < line.Length && line[start] == (byte)'"' ? line[(start + 1)..].IndexOf((byte)'"') : -1;
            if (found || end < 0)
            {
                return false;
            }

            found = true;
            value = line.Slice(start + 1, end);
        }

        return found;
    }

    /// <summary>
    /// Whether the pair's fingerprint is present. Bytes that are not UTF-8 need no care here: the full read refuses
    /// such a line, so a filtered read either comes after it or is followed by it.
    /// </summary>
    private bool Wanted(ReadOnlySpan<byte> sku, ReadOnlySpan<byte> location) =>
        _slots[Probe(Fingerprint(sku, location), out _)] != 0;

    /// <summary>The slot holding <paramref name="fingerprint"/>, or the empty slot where it would go.</summary>
    private int Probe(ulong fingerprint, out ulong print)
    {
        print = fingerprint == 0 ? 1 : fingerprint;
        var mask = _slots.Length - 1;
        var slot = (int)((print >> 32) & (ulong)mask);
        while (_slots[slot] != 0 && _slots[slot] != print)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private ulong Fingerprint(ReadOnlySpan<byte> sku, ReadOnlySpan<byte> location) =>
        Mix(Mix(_seed ^ (ulong)sku.Length, sku) ^ unchecked((ulong)location.Length * Prime), location);

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length >= 8)
        {
            hash = Round(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        ulong tail = 0;
        foreach (var b in bytes)
        {
            tail = (tail << 8) | b;
        }

        return Round(hash, tail ^ ((ulong)bytes.Length << 56));
    }

    private static ulong Round(ulong hash, ulong value)
    {
        // Wrapping multiplication is the point of the mix.
        hash = unchecked((hash ^ value) * Prime);

        return hash ^ (hash >> 31);
    }

    /// <summary>
    /// Finds the unescaped string values of <c>sku</c> and <c>location</c> in a line whose <c>type</c> is known
    /// and not a bundle sale; false when any of the three is missing, repeated, escaped or not a string.
    /// </summary>
    /// <remarks>
    /// A byte scan rather than a JSON reader, several times faster: it walks the top-level fields of one object,
    /// passing over the values of other fields (nested ones included), and gives up on anything it does not
    /// expect, which the full parse then reads. On a well-formed line the fields it finds are the ones a JSON
    /// reader finds; a malformed line it lets pass unread is reported by the full read of the log.
    /// </remarks>
    private static bool Fields(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> sku, out ReadOnlySpan<byte> location)
    {
        sku = location = default;
        var at = Space(line, 0);
        if (at >= line.Length || line[at] != (byte)'{')
        {
            return false;
        }

        var found = new Found();
        at = Space(line, at + 1);
        while (String(line, ref at, out var nameAt, out var nameLength))
        {
            at = Space(line, at);
            if (at >= line.Length || line[at] != (byte)':')
            {
                return false;
            }

            at = Space(line, at + 1);
            var field = Which(line.Slice(nameAt, nameLength));
            if (field == 0 ? !Pass(line, ref at)
                : !String(line, ref at, out var valueAt, out var length) || !found.Take(field, line, valueAt, length))
            {
                return false;
            }

            at = Space(line, at);
            if (at >= line.Length || line[at] is not ((byte)',' or (byte)'}'))
            {
                return false;
            }

            if (line[at] == (byte)'}')
            {
                sku = line.Slice(found.Sku, found.SkuLength);
                location = line.Slice(found.Location, found.LocationLength);
                return Space(line, at + 1) == line.Length && found.Complete;
            }

            at = Space(line, at + 1);
        }

        return false;
    }

    /// <summary>1 for <c>type</c>, 2 for <c>sku</c>, 3 for <c>location</c>, 0 for any other field.</summary>
    private static int Which(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("type"u8) ? 1
        : name.SequenceEqual("sku"u8) ? 2
        : name.SequenceEqual("location"u8) ? 3
        : 0;

    /// <summary>The first position from <paramref name="at"/> that is not JSON white space.</summary>
    /// <remarks>
    /// Inlined for its common case, a byte above the space character, which no JSON white space is; called between
    /// every two tokens of every line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Space(ReadOnlySpan<byte> line, int at) =>
        (uint)at < (uint)line.Length && line[at] > (byte)' ' ? at : SpaceFrom(line, at);

    private static int SpaceFrom(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Reads a string without escapes or control characters at <paramref name="at"/>, moving past it; gives where
    /// its text starts and how long it is.
    /// </summary>
    private static bool String(ReadOnlySpan<byte> line, ref int at, out int start, out int length)
    {
        (start, length) = (0, 0);
        if (at >= line.Length || line[at] != (byte)'"')
        {
            return false;
        }

        // A plain loop: the strings of a log are short, and a vector search costs more to set up than it saves.
        for (var end = at + 1; end < line.Length; end++)
        {
            var b = line[end];
            if (b == (byte)'"')
            {
                (start, length) = (at + 1, end - at - 1);
                at = end + 1;
                return true;
            }

            if (b is < 0x20 or (byte)'\\')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Passes the value of a field the filter does not read, moving past it.</summary>
    private static bool Pass(ReadOnlySpan<byte> line, ref int at) =>
        at < line.Length && line[at] switch
        {
            (byte)'"' => PassString(line, ref at),
            (byte)'{' or (byte)'[' => PassNested(line, ref at),
            _ => Scalar(line, ref at),
        };

    /// <summary>Passes a string at <paramref name="at"/>, escapes included.</summary>
    private static bool PassString(ReadOnlySpan<byte> line, ref int at)
    {
        var i = at + 1;
        while (i < line.Length)
        {
            var next = line[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return false;
            }

            i += next;
            if (line[i] == (byte)'"')
            {
                at = i + 1;
                return true;
            }

            i += 2;
        }

        return false;
    }

    /// <summary>Passes an object or array at <paramref name="at"/>, counting brackets outside strings.</summary>
    private static bool PassNested(ReadOnlySpan<byte> line, ref int at)
    {
        var depth = 0;
        var i = at;
        while (i < line.Length)
        {
            var next = line[i..].IndexOfAny("\"{}[]"u8);
            if (next < 0)
            {
                return false;
            }

            i += next;
            switch (line[i])
            {
                case (byte)'"':
                    if (!PassString(line, ref i))
                    {
                        return false;
                    }

                    continue;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                default:
                    depth--;
                    break;
            }

            i++;
            if (depth == 0)
            {
                at = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Passes a number or literal at <paramref name="at"/>: the bytes up to the next separator or white space,
    /// none of which opens a string, object or array.
    /// </summary>
    private static bool Scalar(ReadOnlySpan<byte> line, ref int at)
    {
        var end = at;
        while (end < line.Length && line[end] is not ((byte)',' or (byte)'}' or (byte)' ' or (byte)'\t'
            or (byte)'\r' or (byte)'\n'))
        {
            if (line[end] is (byte)'"' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)':')
            {
                return false;
            }

            end++;
        }

        if (end == at)
        {
            return false;
        }

        at = end;

        return true;
    }

    /// <summary>Where the three fields the filter reads were found; each may be found once.</summary>
    private struct Found
    {
        public int Sku;
        public int SkuLength;
        public int Location;
        public int LocationLength;
        private bool _typed;
        private bool _skuSeen;
        private bool _locationSeen;

        public readonly bool Complete => _typed && _skuSeen && _locationSeen;

        /// <summary>Notes a known field's value; false when it repeats or names a bundle sale.</summary>
        public bool Take(int field, ReadOnlySpan<byte> line, int start, int length)
        {
            switch (field)
            {
                case 1 when !_typed && !line.Slice(start, length).SequenceEqual("bundle_sale"u8):
                    _typed = true;
                    return true;
                case 2 when !_skuSeen:
                    (_skuSeen, Sku, SkuLength) = (true, start, length);
                    return true;
                case 3 when !_locationSeen:
                    (_locationSeen, Location, LocationLength) = (true, start, length);
                    return true;
                default:
                    return false;
            }
        }
    }
}
