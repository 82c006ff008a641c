namespace Inventory.Cli.Replay;

/// <summary>
/// Thrown when a figure of the whole replay (the opening or closing units summed over every SKU) would pass the
/// 64-bit range; the message names the option or the file that led there.
/// </summary>
internal sealed class ReplayLimitException(string message) : Exception(message);
