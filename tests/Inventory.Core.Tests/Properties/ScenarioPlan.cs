namespace Inventory.Core.Tests.Properties;

/// <summary>Resolves repeats and borrowed idempotency keys of a step list into the actions to run.</summary>
internal static class ScenarioPlan
{
    public static IReadOnlyList<PlannedAction> Expand(IReadOnlyList<Step> steps)
    {
        var keys = new string?[steps.Count];
        var commands = new Step?[steps.Count];
        var actions = new List<PlannedAction>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (!step.IsCommand && step.Kind != StepKind.Repeat)
            {
                actions.Add(new PlannedAction(i, null, step));
                continue;
            }

            var earlier = i > 0 && step.Target >= 0 ? step.Target % i : -1;
            if (step.Kind == StepKind.Repeat)
            {
                if (earlier >= 0 && commands[earlier] is { } again)
                {
                    keys[i] = keys[earlier];
                    commands[i] = again;
                    actions.Add(new PlannedAction(i, keys[i], again));
                }

                continue;
            }

            keys[i] = earlier >= 0 && keys[earlier] is { } borrowed ? borrowed : $"key-{i}";
            commands[i] = step;
            actions.Add(new PlannedAction(i, keys[i], step));
        }

        return actions;
    }
}
