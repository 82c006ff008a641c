using NodaTime;

namespace Inventory.Core.Variance;

/// <summary>An earlier reconciliation as read back from its report: its snapshot instant and its findings.</summary>
/// <param name="AsOf">The snapshot instant of that reconciliation.</param>
/// <param name="Findings">Its findings; a SKU and location absent from them agreed within tolerance that day.</param>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed record PastReconciliation(Instant AsOf, IReadOnlyList<PastFinding> Findings);
