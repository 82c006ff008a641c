using System.Security.Cryptography;
using System.Text;

namespace Inventory.Integrations.Signatures;

/// <summary>
/// Verifies webhook signatures: base64 of HMAC-SHA256 over the raw body bytes, keyed by the webhook secret as UTF-8.
/// </summary>
/// <remarks>
/// Verify the bytes exactly as received: a body parsed and written again differs (Loop, for one, signs JSON with
/// <c>/</c> escaped as <c>\/</c>). Digests are compared in constant time. Stateless; safe for concurrent use.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>Gets the header each source signs with, newest first.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The header names, compared case-insensitively.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="source"/> is not defined.</exception>
    public static IReadOnlyList<string> Headers(WebhookSource source) => source switch
    {
        WebhookSource.Shopify => ["X-Shopify-Hmac-Sha256"],
        WebhookSource.Loop => ["X-Loop-Signature"],
        WebhookSource.AfterShip => ["as-signature-hmac-sha256", "am-webhook-signature"],
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown webhook source."),
    };

    /// <summary>Computes the signature of a body.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>The base64 HMAC-SHA256.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="secret"/> is null.</exception>
    public static string Compute(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);

        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Checks the signature header of a request against its raw body.</summary>
    /// <param name="source">Who sent it.</param>
    /// <param name="headers">The request headers; names are matched case-insensitively.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>True only when a signature header is present and matches.</returns>
    /// <exception cref="ArgumentNullException">
    /// Thrown when <paramref name="headers"/> or <paramref name="secret"/> is null.
    /// </exception>
    public static bool Verify(
        WebhookSource source, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(secret);

        var names = Headers(source);
        var value = headers.FirstOrDefault(h => names.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).Value;
        if (value is null)
        {
            return false;
        }

        const string Prefix = "hmac-sha256=";
        if (source == WebhookSource.AfterShip && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }

        return Matches(value.Trim(), body, secret);
    }

    /// <summary>Checks one base64 signature against a body.</summary>
    /// <param name="signature">The base64 signature as sent.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>True when the signature matches; false for a wrong or undecodable one.</returns>
    /// <exception cref="ArgumentNullException">
    /// Thrown when <paramref name="signature"/> or <paramref name="secret"/> is null.
    /// </exception>
    public static bool Matches(string signature, ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(secret);

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature, given, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);

        return CryptographicOperations.FixedTimeEquals(given[..length], expected);
    }
}
