using NodaTime;

namespace Inventory.Core.Ledger;

/// <summary>A request to change stock, carried out by <see cref="InventoryLedger.ExecuteAsync"/>.</summary>
/// <param name="IdempotencyKey">
/// Names this command for ever: the ledger applies a key once, and returns the first result when it arrives again.
/// </param>
/// <remarks>
/// Commands are immutable and safe to share between threads. A command that the ledger refuses (insufficient
/// stock, an unknown order) leaves no trace, so its key may be sent again later, for example when an event that
/// arrived out of order is retried.
/// </remarks>
public abstract record LedgerCommand(string IdempotencyKey)
{
    /// <summary>Gets when the event happened; the ledger's clock reading when null.</summary>
    public Instant? At { get; init; }

    /// <summary>Gets the system or person the command comes from, recorded on its entries.</summary>
    public string? Source { get; init; }

    /// <summary>Checks the command's own fields.</summary>
    /// <exception cref="InvalidCommandException">Thrown when a field is invalid.</exception>
    internal virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
        {
            throw new InvalidCommandException($"{GetType().Name}: the idempotency key must not be blank.");
        }
    }

    /// <summary>Describes the command's content, to tell a reused key from a repeated command.</summary>
    /// <returns>A stable description.</returns>
    internal abstract string Fingerprint();

    /// <summary>Throws when <paramref name="quantity"/> is not positive.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="what">What the quantity is, for the message.</param>
    /// <exception cref="InvalidCommandException">Thrown when the quantity is zero or negative.</exception>
    protected void RequirePositive(long quantity, string what)
    {
        if (quantity <= 0)
        {
            throw new InvalidCommandException(
                $"{GetType().Name} '{IdempotencyKey}': {what} must be a positive whole number of units "
                + $"(was {quantity}).");
        }
    }

    /// <summary>Throws when <paramref name="id"/> is blank.</summary>
    /// <param name="id">The id.</param>
    /// <param name="what">What the id names, for the message.</param>
    /// <exception cref="InvalidCommandException">Thrown when the id is null, empty or white space.</exception>
    protected void RequireId(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidCommandException($"{GetType().Name} '{IdempotencyKey}': the {what} must not be blank.");
        }
    }

    /// <summary>Throws when <paramref name="value"/> is a default (empty) identifier.</summary>
    /// <param name="value">The identifier text.</param>
    /// <param name="what">What the identifier names, for the message.</param>
    /// <exception cref="InvalidCommandException">Thrown when the identifier is empty.</exception>
    protected void RequireSet(string value, string what)
    {
        if (value.Length == 0)
        {
            throw new InvalidCommandException($"{GetType().Name} '{IdempotencyKey}': the {what} is not set.");
        }
    }

    /// <summary>Throws when a list holds a null item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="what">What the items are, for the message.</param>
    /// <exception cref="InvalidCommandException">Thrown when an item is null.</exception>
    protected void RequireNoNulls<T>(IEnumerable<T?> items, string what)
        where T : class
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new InvalidCommandException(
                    $"{GetType().Name} '{IdempotencyKey}': {what} at index {index} is null; remove it or fill it in.");
            }

            index++;
        }
    }

    /// <summary>Throws when two items share an id.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="what">What the ids name, for the message.</param>
    /// <exception cref="InvalidCommandException">Thrown when an id repeats.</exception>
    protected void RequireDistinct(IEnumerable<string> ids, string what)
    {
        var capacity = ids.TryGetNonEnumeratedCount(out var count) ? count : 0;
        var seen = new HashSet<string>(capacity, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            RequireId(id, what);
            if (!seen.Add(id))
            {
                throw new InvalidCommandException(
                    $"{GetType().Name} '{IdempotencyKey}': {what} '{id}' appears more than once; give each line once.");
            }
        }
    }
}
