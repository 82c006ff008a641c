using Inventory.Core.Variance;
using NodaTime;

namespace Inventory.Core.Tests.Variance.Reference;

/// <summary>One change of one system's available count: the signed units, when, and the event behind it.</summary>
internal readonly record struct ReferenceEffect(long Delta, Instant At, string EventId);
