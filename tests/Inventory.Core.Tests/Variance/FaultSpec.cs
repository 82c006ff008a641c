using Inventory.Core.Variance;

namespace Inventory.Core.Tests.Variance;

/// <summary>
/// One generated business fact: a fault of <see cref="Cause"/> (or a clean, matched fact when
/// <see cref="Cause"/> is null), with a quantity, a minute and a variant that pick its shape.
/// </summary>
public sealed record FaultSpec(VarianceCause? Cause, int Quantity, int Minute, int Variant);
