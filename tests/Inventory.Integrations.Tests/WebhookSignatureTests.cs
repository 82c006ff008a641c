using System.Text;
using Inventory.Integrations.Signatures;

namespace Inventory.Integrations.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "hush";

    [Fact]
    public void Compute_KnownVector_MatchesHmacSha256Base64()
    {
        // HMAC-SHA256 of "The quick brown fox jumps over the lazy dog" with key "key" (RFC 4231-style vector).
        var body = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");

        Assert.Equal("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", WebhookSignature.Compute(body, "key"));
    }

    [Theory]
    [InlineData(WebhookSource.Shopify, "X-Shopify-Hmac-Sha256", "")]
    [InlineData(WebhookSource.Loop, "x-loop-signature", "")]
    [InlineData(WebhookSource.AfterShip, "as-signature-hmac-sha256", "")]
    [InlineData(WebhookSource.AfterShip, "am-webhook-signature", "hmac-sha256=")]
    public void Verify_SignatureOfTheRawBody_IsAccepted(WebhookSource source, string header, string prefix)
    {
        var body = Encoding.UTF8.GetBytes("{\"url\":\"https:\\/\\/shop.example\\/r\\/1\",\"id\":1}");
        var headers = new Dictionary<string, string> { [header] = prefix + WebhookSignature.Compute(body, Secret) };

        Assert.True(WebhookSignature.Verify(source, headers, body, Secret));
        Assert.False(WebhookSignature.Verify(source, headers, body, "other-secret"));
    }

    [Fact]
    public void Verify_BodyWrittenAgainWithoutEscapedSlashes_IsRejected()
    {
        var raw = Encoding.UTF8.GetBytes("{\"url\":\"https:\\/\\/shop.example\\/r\\/1\"}");
        var rewritten = Encoding.UTF8.GetBytes("{\"url\":\"https://shop.example/r/1\"}");
        var headers = new Dictionary<string, string> { ["X-Loop-Signature"] = WebhookSignature.Compute(raw, Secret) };

        Assert.True(WebhookSignature.Verify(WebhookSource.Loop, headers, raw, Secret));
        Assert.False(WebhookSignature.Verify(WebhookSource.Loop, headers, rewritten, Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Matches_MalformedOrShortSignature_IsFalse(string signature)
    {
        Assert.False(WebhookSignature.Matches(signature, "{}"u8, Secret));
    }

    [Fact]
    public void Verify_MissingHeaderOrAnotherSourcesHeader_IsFalse()
    {
        var body = "{}"u8.ToArray();
        var shopifyHeader = new Dictionary<string, string>
        {
            ["X-Shopify-Hmac-Sha256"] = WebhookSignature.Compute(body, Secret),
        };

        Assert.False(WebhookSignature.Verify(WebhookSource.Loop, shopifyHeader, body, Secret));
        Assert.False(WebhookSignature.Verify(WebhookSource.Shopify, new Dictionary<string, string>(), body, Secret));
    }
}
