using Inventory.Core.Stock;

namespace Inventory.Core.Bundles;

/// <summary>The checks run when definitions are registered.</summary>
public sealed partial class BundleCatalog
{
    private static void CheckFields(BundleDefinition? definition, int index, List<string> problems)
    {
        if (definition is null)
        {
            problems.Add($"definition at index {index} is null.");
            return;
        }

        var parent = definition.Parent.Value.Length == 0
            ? $"definition at index {index}"
            : $"bundle {definition.Parent}";
        if (definition.Parent.Value.Length == 0)
        {
            problems.Add($"{parent} has no parent SKU.");
        }

        if (definition.Components.Count == 0)
        {
            problems.Add($"{parent} has no components; a bundle needs at least one child.");
        }

        for (var line = 0; line < definition.Components.Count; line++)
        {
            CheckComponent(parent, line, definition.Components[line], problems);
        }

        if (definition.ValidFrom is { } from && definition.ValidTo is { } to && to <= from)
        {
            problems.Add($"{parent} is valid from {from} to {to}; the end must come after the start.");
        }
    }

    private static void CheckComponent(string parent, int line, BundleComponent component, List<string> problems)
    {
        if (component.Sku.Value.Length == 0)
        {
            problems.Add($"{parent}, component line {line + 1}, has no SKU.");
        }

        if (component.Quantity <= 0)
        {
            problems.Add(
                $"{parent}, component line {line + 1} ({component.Sku}), has quantity {component.Quantity}; "
                + "quantities per parent must be positive whole numbers.");
        }
    }

    private static void CheckOverlaps(Dictionary<Sku, BundleDefinition[]> versions, List<string> problems)
    {
        foreach (var (parent, list) in versions.OrderBy(p => p.Key))
        {
            for (var i = 0; i < list.Length; i++)
            {
                for (var j = i + 1; j < list.Length; j++)
                {
                    if (list[i].Overlaps(list[j]))
                    {
                        problems.Add(
                            $"bundle {parent} has overlapping versions {list[i].Span()} and {list[j].Span()}; "
                            + "end one version before the next begins.");
                    }
                }
            }
        }
    }

    private static void CheckGraph(Dictionary<Sku, BundleDefinition[]> versions, int maxDepth, List<string> problems)
    {
        var children = versions.ToDictionary(
            p => p.Key,
            p => p.Value.SelectMany(v => v.Components).Select(c => c.Sku).Where(versions.ContainsKey).Distinct()
                .Order().ToArray());
        var walk = new GraphWalk(children);
        foreach (var parent in children.Keys.Order())
        {
            walk.Visit(parent);
        }

        problems.AddRange(walk.Cycles);
        if (walk.Cycles.Count > 0)
        {
            return;
        }

        foreach (var parent in children.Keys.Order())
        {
            var path = walk.DeepestPath(parent);
            if (path.Count > maxDepth)
            {
                problems.Add(
                    $"bundle {parent} nests {path.Count} levels deep ({string.Join(" -> ", path)} -> leaves); "
                    + $"the limit is {maxDepth}.");
            }
        }
    }

    /// <summary>A depth-first walk of the parent-to-child-bundle graph that records cycles and depths.</summary>
    private sealed class GraphWalk(Dictionary<Sku, Sku[]> children)
    {
        private readonly Dictionary<Sku, int> _state = [];
        private readonly List<Sku> _path = [];
        private readonly Dictionary<Sku, List<Sku>> _deepest = [];

        public List<string> Cycles { get; } = [];

        public void Visit(Sku node)
        {
            if (_state.GetValueOrDefault(node) == 2)
            {
                return;
            }

            if (_state.GetValueOrDefault(node) == 1)
            {
                var start = _path.IndexOf(node);
                var cycle = string.Join(" -> ", _path.Skip(start).Append(node));
                Cycles.Add($"bundle {node} contains itself: {cycle}.");
                return;
            }

            _state[node] = 1;
            _path.Add(node);
            foreach (var child in children[node])
            {
                Visit(child);
            }

            _path.RemoveAt(_path.Count - 1);
            _state[node] = 2;
        }

        public List<Sku> DeepestPath(Sku node)
        {
            if (_deepest.TryGetValue(node, out var known))
            {
                return known;
            }

            var longest = children[node].Select(DeepestPath).MaxBy(p => p.Count) ?? [];
            var path = new List<Sku>(longest.Count + 1) { node };
            path.AddRange(longest);
            _deepest[node] = path;

            return path;
        }
    }
}
