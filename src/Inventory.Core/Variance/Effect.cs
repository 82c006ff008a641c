using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>One change of one system's available count: the signed units, when, and the event behind it.</summary>
internal readonly record struct Effect(long Delta, Instant At, string EventId);
