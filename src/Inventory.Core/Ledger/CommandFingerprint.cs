using System.Globalization;
using System.Text;

namespace Inventory.Core.Ledger;

/// <summary>
/// Builds a command's fingerprint: the command's name followed by its content fields, each text field written with
/// its length first (<c>3:abc</c>), null as <c>~</c>, and each list with its item count first (<c>#2</c>).
/// </summary>
/// <remarks>
/// <para>
/// Implementation note: because every text field says how long it is, no character inside an id (a comma, an
/// equals sign, a space) can end a field early, so two different commands of one type never share a fingerprint;
/// the text stays readable in error messages.
/// </para>
/// <para>Used by one thread to build one fingerprint.</para>
/// </remarks>
internal sealed class CommandFingerprint
{
    private readonly StringBuilder _text;

    public CommandFingerprint(string command)
    {
        _text = new StringBuilder(command, 64);
    }

    /// <summary>Adds a text field; null and empty text stay distinct.</summary>
    public CommandFingerprint Text(string? value)
    {
        if (value is null)
        {
            _text.Append(" ~");
            return this;
        }

        _text.Append(' ').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

        return this;
    }

    /// <summary>Adds a whole number.</summary>
    public CommandFingerprint Number(long value)
    {
        _text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));

        return this;
    }

    /// <summary>Adds the item count of a list, or <c>~</c> for a null list; the items follow.</summary>
    public CommandFingerprint Count(int? count)
    {
        _text.Append(count is { } n ? " #" + n.ToString(CultureInfo.InvariantCulture) : " ~");

        return this;
    }

    public override string ToString() => _text.ToString();
}
