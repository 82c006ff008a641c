using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Inventory.Core.Adjustments;

/// <summary>
/// An append-only, tamper-evident log of applied adjustments: each entry carries the SHA-256 of its own content and
/// of the entry before it, so an edited, removed or reordered entry breaks the chain.
/// </summary>
/// <remarks>
/// Appends are serialised; reads return a snapshot. Safe to share between threads. The chain proves order and
/// content relative to its head: keep <see cref="HeadHash"/> somewhere else (a report, another system) to also
/// catch entries cut from the end, which <see cref="Verify"/> checks when given that head.
/// </remarks>
public sealed class AdjustmentLog
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private readonly List<AdjustmentLogEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>Gets a snapshot of the entries, oldest first.</summary>
    public IReadOnlyList<AdjustmentLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Gets the hash of the last entry; <see cref="GenesisHash"/> when the log is empty.</summary>
    public string HeadHash
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count == 0 ? GenesisHash : _entries[^1].Hash;
            }
        }
    }

    /// <summary>
    /// Rebuilds a log from entries kept elsewhere (a database, a file), checking the whole chain first; later
    /// appends continue the chain.
    /// </summary>
    /// <param name="entries">The stored entries, oldest first.</param>
    /// <param name="expectedHeadHash">The last entry's hash kept elsewhere; null to skip the check of the end.</param>
    /// <returns>A log holding exactly <paramref name="entries"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when one of the entries is null.</exception>
    /// <exception cref="AdjustmentLogException">
    /// Thrown when the chain is broken (an entry edited, removed, reordered, cut from the end, or stored without
    /// its request); nothing is restored.
    /// </exception>
    public static AdjustmentLog Restore(IEnumerable<AdjustmentLogEntry> entries, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var stored = entries.ToList();
        if (stored.IndexOf(null!) is var hole and >= 0)
        {
            throw new ArgumentException($"Entry {hole} of the stored adjustment log is null.", nameof(entries));
        }

        var verification = Verify(stored, expectedHeadHash);
        if (!verification.IsIntact)
        {
            throw new AdjustmentLogException(verification);
        }

        var log = new AdjustmentLog();
        log._entries.AddRange(stored);

        return log;
    }

    /// <summary>Appends an applied adjustment.</summary>
    /// <param name="request">The adjustment.</param>
    /// <returns>The new entry.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is null.</exception>
    public AdjustmentLogEntry Append(AdjustmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var previous = _entries.Count == 0 ? GenesisHash : _entries[^1].Hash;
            var sequence = _entries.Count + 1L;
            var entry = new AdjustmentLogEntry(sequence, request, previous, ComputeHash(sequence, request, previous));
            _entries.Add(entry);

            return entry;
        }
    }

    /// <summary>Checks a chain of entries and reports the first entry where it breaks.</summary>
    /// <param name="entries">The entries, oldest first.</param>
    /// <param name="expectedHeadHash">The last entry's hash kept elsewhere; null to skip the check of the end.</param>
    /// <returns>Intact, or the first broken entry and what is wrong there.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is null.</exception>
    public static ChainVerification Verify(IReadOnlyList<AdjustmentLogEntry> entries, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var problem = Check(entries[i], i, previous);
            if (problem is not null)
            {
                return ChainVerification.Broken(i, problem);
            }

            previous = entries[i].Hash;
        }

        return expectedHeadHash is null || string.Equals(previous, expectedHeadHash, StringComparison.Ordinal)
            ? ChainVerification.Intact
            : ChainVerification.Broken(
                entries.Count,
                $"The chain ends at hash {previous} after {entries.Count} entries, not at the expected head "
                + $"{expectedHeadHash}: entries are missing from the end.");
    }

    /// <summary>
    /// Computes an entry's hash: SHA-256 over the previous hash, the sequence and each request field, the instant
    /// as whole nanoseconds since the Unix epoch.
    /// </summary>
    /// <param name="sequence">The entry's sequence.</param>
    /// <param name="request">The adjustment.</param>
    /// <param name="previousHash">The hash of the entry before.</param>
    /// <returns>The hash as 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException">
    /// Thrown when <paramref name="request"/> or <paramref name="previousHash"/> is null.
    /// </exception>
    /// <remarks>
    /// Each field is written as its length, a colon and its text (a null field as a dash), so no two different
    /// requests write the same bytes.
    /// </remarks>
    public static string ComputeHash(long sequence, AdjustmentRequest request, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(previousHash);
        var text = new StringBuilder();
        foreach (var field in Fields(sequence, request, previousHash))
        {
            text.Append(field is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{field.Length}:{field}"));
            text.Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Check(AdjustmentLogEntry entry, int index, string previous)
    {
        if (entry.Sequence != index + 1L)
        {
            return $"Entry {index} carries sequence {entry.Sequence}, expected {index + 1}: "
                + "an entry was removed or moved.";
        }

        if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
        {
            return $"Entry {index} (sequence {entry.Sequence}) links to {entry.PreviousHash}, but the entry before "
                + $"hashes to {previous}: an entry before it was changed, removed or moved.";
        }

        if (entry.Request is null)
        {
            return $"Entry {index} (sequence {entry.Sequence}) has no request: the entry was damaged.";
        }

        var actual = ComputeHash(entry.Sequence, entry.Request, entry.PreviousHash);

        return string.Equals(entry.Hash, actual, StringComparison.Ordinal)
            ? null
            : $"Entry {index} (sequence {entry.Sequence}) carries hash {entry.Hash}, but its content hashes to "
                + $"{actual}: the entry was edited.";
    }

    private static IEnumerable<string?> Fields(long sequence, AdjustmentRequest request, string previousHash)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return previousHash;
        yield return sequence.ToString(invariant);
        yield return request.Sku.Value;
        yield return request.Location.Value;
        yield return request.Quantity.ToString(invariant);
        yield return ((int)request.Mode).ToString(invariant);
        yield return ((int)request.Bucket).ToString(invariant);
        yield return request.ReasonCode;
        yield return request.Operator;
        yield return (request.At - NodaConstants.UnixEpoch).ToBigIntegerNanoseconds().ToString(invariant);
        yield return request.Note;
        yield return request.Reference;
        yield return request.Approver;
    }
}
