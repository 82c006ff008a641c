namespace Inventory.Core.Tests.Properties;

/// <summary>
/// The text form in which the ledger's answers and the reference model's predictions are compared:
/// "Applied", "Replay", "Invalid", "KeyConflict", "Swept n", or a refusal status with its shortfalls.
/// </summary>
internal static class Outcomes
{
    public const string Applied = "Applied";
    public const string Replay = "Replay";
    public const string Invalid = "Invalid";
    public const string KeyConflict = "KeyConflict";
    public const string UnknownReservation = "UnknownReservation";
    public const string ReservationExpired = "ReservationExpired";
    public const string UnknownOrder = "UnknownOrder";
    public const string OrderAlreadyExists = "OrderAlreadyExists";

    public static string Swept(int count) => $"Swept {count}";

    public static bool IsApplied(string outcome) =>
        outcome == Applied || outcome.StartsWith(Applied + " ", StringComparison.Ordinal);

    /// <summary>An applied answer that names the oversells it recorded ("SKU@location:units", in order).</summary>
    public static string AppliedWith(IReadOnlyCollection<string> oversells) =>
        oversells.Count == 0 ? Applied : $"{Applied} oversold {string.Join(", ", oversells)}";

    public static string Oversell(string sku, string location, long units) => $"{sku}@{location}:{units}";

    public static string Refused(string status, IEnumerable<string> shortfalls)
    {
        var list = string.Join("; ", shortfalls);

        return list.Length == 0 ? status : $"{status} [{list}]";
    }

    public static string Shortfall(string? line, string sku, string? location, long requested, long available) =>
        $"{line ?? "-"}|{sku}|{(string.IsNullOrEmpty(location) ? "*" : location)}|{requested}|{available}";
}
