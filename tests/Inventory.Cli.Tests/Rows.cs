namespace Inventory.Cli.Tests;

/// <summary>Builds data lines of an Online Retail CSV for crafted test files.</summary>
internal static class Rows
{
    public static string Sale(
        string invoice, string code, long quantity, string description = "PRODUCT", int minute = 0) =>
        Line(invoice, code, description, quantity, "2.50", "17850", minute);

    public static string Return(string invoice, string code, long quantity, int minute = 0) =>
        Line(invoice, code, "PRODUCT", quantity, "2.50", "17850", minute);

    public static string Adjustment(string invoice, string code, long quantity, string description, int minute = 0) =>
        Line(invoice, code, description, quantity, "0", string.Empty, minute);

    public static string Line(
        string invoice, string code, string description, long quantity, string price, string customer,
        int minute = 0) =>
        $"{invoice},{code},{Quote(description)},{quantity},2010-12-01 08:{minute:00}:00,{price},{customer},UK";

    /// <summary>Quotes a field as CSV requires when it holds a comma, a quote or a line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
