using Inventory.Core.Stock;
using NodaTime;

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

    /// <summary>
    /// Checks for cycles and depth among the versions in force at the same instant. The graph at any instant is
    /// part of the graph of every version taken together, so when that union is sound every instant is, and the
    /// instants are walked only when it is not: one check per span between version boundaries, each problem
    /// reported once, at the first instant it occurs.
    /// </summary>
    private static void CheckGraph(Dictionary<Sku, BundleDefinition[]> versions, int maxDepth, List<string> problems)
    {
        var union = GraphProblems(UnionChildren(versions), maxDepth, null);
        var boundaries = Boundaries(versions);
        if (union.Count == 0 || boundaries.Count == 0)
        {
            problems.AddRange(union.Select(p => p.Message));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, label) in SpanStarts(boundaries))
        {
            foreach (var (key, message) in GraphProblems(ChildrenAt(versions, at), maxDepth, label))
            {
                if (seen.Add(key))
                {
                    problems.Add(message);
                }
            }
        }
    }

    private static List<(string Key, string Message)> GraphProblems(
        Dictionary<Sku, Sku[]> children, int maxDepth, string? when)
    {
        var walk = new GraphWalk(children);
        foreach (var parent in children.Keys.Order())
        {
            walk.Visit(parent);
        }

        var at = when is null ? string.Empty : " " + when;
        var found = new List<(string, string)>();
        foreach (var cycle in walk.Cycles)
        {
            var path = string.Join(" -> ", cycle);
            found.Add(("cycle " + path, $"bundle {cycle[0]} contains itself{at}: {path}."));
        }

        if (found.Count > 0)
        {
            return found;
        }

        foreach (var parent in children.Keys.Order())
        {
            var path = walk.DeepestPath(parent);
            if (path.Count > maxDepth)
            {
                found.Add(("depth " + parent, $"bundle {parent} nests {path.Count} levels deep{at} "
                    + $"({string.Join(" -> ", path)} -> leaves); the limit is {maxDepth}."));
            }
        }

        return found;
    }

    private static Dictionary<Sku, Sku[]> UnionChildren(Dictionary<Sku, BundleDefinition[]> versions) =>
        versions.ToDictionary(
            p => p.Key,
            p => p.Value.SelectMany(v => v.Components).Select(c => c.Sku).Where(versions.ContainsKey).Distinct()
                .Order().ToArray());

    /// <summary>Gets the graph at one instant: a SKU with no version in force then is a leaf.</summary>
    private static Dictionary<Sku, Sku[]> ChildrenAt(Dictionary<Sku, BundleDefinition[]> versions, Instant at)
    {
        var valid = new Dictionary<Sku, BundleDefinition>();
        foreach (var (parent, list) in versions)
        {
            if (Array.Find(list, v => v.IsValidAt(at)) is { } version)
            {
                valid.Add(parent, version);
            }
        }

        return valid.ToDictionary(
            p => p.Key,
            p => p.Value.Components.Select(c => c.Sku).Where(valid.ContainsKey).Distinct().Order().ToArray());
    }

    private static List<Instant> Boundaries(Dictionary<Sku, BundleDefinition[]> versions) =>
        [.. versions.Values
            .SelectMany(list => list)
            .SelectMany(v => new[] { v.ValidFrom, v.ValidTo })
            .OfType<Instant>()
            .Distinct()
            .Order()];

    /// <summary>
    /// Gets one instant in each span over which the versions in force do not change: each boundary, and one before
    /// the first, with how to name it in a message.
    /// </summary>
    private static IEnumerable<(Instant At, string Label)> SpanStarts(List<Instant> boundaries)
    {
        if (boundaries[0] > Instant.MinValue)
        {
            yield return (Instant.MinValue, $"before {boundaries[0]}");
        }

        foreach (var boundary in boundaries)
        {
            yield return (boundary, $"at {boundary}");
        }
    }

    /// <summary>A depth-first walk of the parent-to-child-bundle graph that records cycles and depths.</summary>
    private sealed class GraphWalk(Dictionary<Sku, Sku[]> children)
    {
        private readonly Dictionary<Sku, int> _state = [];
        private readonly List<Sku> _path = [];
        private readonly Dictionary<Sku, List<Sku>> _deepest = [];

        public List<List<Sku>> Cycles { get; } = [];

        public void Visit(Sku node)
        {
            if (_state.GetValueOrDefault(node) == 2)
            {
                return;
            }

            if (_state.GetValueOrDefault(node) == 1)
            {
                Cycles.Add([.. _path.Skip(_path.IndexOf(node)).Append(node)]);
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
