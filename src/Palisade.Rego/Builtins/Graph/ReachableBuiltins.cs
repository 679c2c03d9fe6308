using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Graph;

/// <summary>
/// <c>graph.reachable</c> and <c>graph.reachable_paths</c> over a graph given as an object from each node to its
/// neighbours (an array or set; anything else counts as no neighbours). Starting nodes missing from the graph are
/// not reached.
/// </summary>
internal static class ReachableBuiltins
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        var vertices = RegoType.AnyOf(RegoType.SetOf(RegoType.Any), RegoType.ArrayOf(RegoType.Any));
        var graph = RegoType.ObjectOf(RegoType.Any, vertices);
        yield return new BuiltinFunction("graph.reachable", FunctionSignature.Of(RegoType.SetOf(RegoType.Any), graph, vertices), (_, args) => Reachable(Operands.Object(args, 0), Initial(args[1])));
        yield return new BuiltinFunction("graph.reachable_paths", FunctionSignature.Of(RegoType.SetOf(RegoType.ArrayOf(RegoType.Any)), graph, vertices), (_, args) => ReachablePaths(Operands.Object(args, 0), Initial(args[1])));
    }

    /// <summary>Breadth-first from the initial nodes: every node of the graph that can be reached.</summary>
    public static SetValue Reachable(ObjectValue graph, ReadOnlySpan<Value> initial)
    {
        var queue = new Queue<Value>(initial.ToArray());
        var reached = new HashSet<Value>();
        while (queue.TryDequeue(out var node))
        {
            if (reached.Contains(node) || !graph.TryGetValue(node, out var edges))
            {
                continue;
            }

            reached.Add(node);
            foreach (var neighbour in Neighbours(edges))
            {
                if (!reached.Contains(neighbour))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }

        return SetValue.Of(reached);
    }

    /// <summary>
    /// Every path from an initial node that runs until it reaches a node with no neighbours, a node outside the graph
    /// (which is left off the path) or a node already visited. As in the OPA releases the conformance cases come from,
    /// "visited" spans the whole depth-first search from one edge of an initial node, not just the current path: a
    /// node reached once through one branch ends the paths of later branches that reach it again.
    /// </summary>
    public static SetValue ReachablePaths(ObjectValue graph, ReadOnlySpan<Value> initial)
    {
        var paths = new HashSet<Value>();
        foreach (var node in initial)
        {
            if (!graph.TryGetValue(node, out var edges))
            {
                continue;
            }

            var neighbours = Neighbours(edges);
            if (neighbours.Length == 0)
            {
                paths.Add(ArrayValue.Of(node));
                continue;
            }

            foreach (var neighbour in neighbours)
            {
                Extend(graph, neighbour, [node], [node], paths);
            }
        }

        return SetValue.Of(paths);
    }

    private static void Extend(ObjectValue graph, Value node, List<Value> path, HashSet<Value> visited, HashSet<Value> paths)
    {
        if (!graph.TryGetValue(node, out var edges))
        {
            paths.Add(ArrayValue.Of(path));
            return;
        }

        var extended = new List<Value>(path) { node };
        var neighbours = Neighbours(edges);
        if (neighbours.Length == 0)
        {
            paths.Add(ArrayValue.Of(extended));
            return;
        }

        foreach (var neighbour in neighbours)
        {
            if (visited.Contains(neighbour))
            {
                paths.Add(ArrayValue.Of(extended));
            }
            else
            {
                visited.Add(node);
                Extend(graph, neighbour, extended, visited, paths);
            }
        }
    }

    private static ReadOnlySpan<Value> Initial(Value initial) => initial switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => throw Operands.Mismatch(1, "{array, set}", initial),
    };

    private static ReadOnlySpan<Value> Neighbours(Value edges) => edges switch
    {
        ArrayValue a => a.Items,
        SetValue s => s.Items,
        _ => [],
    };
}
