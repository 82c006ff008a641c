namespace Inventory.Core.Tests.Properties;

/// <summary>A step resolved for execution: commands carry the idempotency key they are sent with.</summary>
internal sealed record PlannedAction(int Index, string? Key, Step Step)
{
    public override string ToString() => Key is null ? $"#{Index} {Step}" : $"#{Index} [{Key}] {Step}";
}
