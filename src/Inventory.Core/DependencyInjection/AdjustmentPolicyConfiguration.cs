using Inventory.Core.Adjustments;

namespace Inventory.Core.DependencyInjection;

/// <summary>One caller's changes to the adjustment policy options, applied in registration order.</summary>
internal sealed record AdjustmentPolicyConfiguration(Action<AdjustmentPolicyOptions> Configure);
