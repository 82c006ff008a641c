namespace Inventory.Integrations.Signatures;

/// <summary>A system that sends webhooks.</summary>
public enum WebhookSource
{
    /// <summary>Shopify: header <c>X-Shopify-Hmac-Sha256</c>.</summary>
    Shopify = 1,

    /// <summary>Loop Returns: header <c>X-Loop-Signature</c>.</summary>
    Loop = 2,

    /// <summary>
    /// AfterShip Returns: header <c>as-signature-hmac-sha256</c>, or on older accounts <c>am-webhook-signature</c>
    /// with the value prefixed <c>hmac-sha256=</c>.
    /// </summary>
    AfterShip = 3,
}
