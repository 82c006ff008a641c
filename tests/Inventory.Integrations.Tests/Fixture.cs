namespace Inventory.Integrations.Tests;

/// <summary>Reads the payload files copied next to the tests.</summary>
internal static class Fixture
{
    public static byte[] Bytes(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static byte[] Text(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
