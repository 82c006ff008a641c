using Inventory.Core.Stock;

namespace Inventory.Core.Reservations;

/// <summary>A location that could supply a cart line, as an allocation strategy sees it.</summary>
/// <param name="Location">The location.</param>
/// <param name="Available">Units available there for the line, never below zero.</param>
/// <param name="Priority">The location's place in the channel's order (0 first); unlisted locations come last.</param>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct LocationCandidate(LocationId Location, long Available, int Priority);
