using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Strings;

internal sealed partial class GoTemplate
{
    private void Execute(List<Node> nodes, object? dot, Scope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    var value = EvalPipeline(action.Pipeline, dot, scope, declare: true);
                    if (action.Pipeline.Declarations.Count == 0)
                    {
                        output.Append(value is null ? "<no value>" : Print(value));
                    }

                    break;
                case LoopControlNode control:
                    throw new LoopControl(control.IsBreak);
                case IfNode { Kind: "range" } range:
                    Range(range, dot, scope, output);
                    break;
                case IfNode control:
                    var inner = new Scope(scope);
                    var test = EvalPipeline(control.Pipeline, dot, inner, declare: true);
                    if (IsTrue(test))
                    {
                        Execute(control.Then, control.Kind == "with" ? test : dot, inner, output);
                    }
                    else if (control.Else is not null)
                    {
                        Execute(control.Else, dot, inner, output);
                    }

                    break;
            }
        }
    }

    private void Range(IfNode range, object? dot, Scope scope, StringBuilder output)
    {
        var collection = EvalPipeline(range.Pipeline, dot, scope, declare: false);
        IEnumerable<(object? Key, object? Value)> items = collection switch
        {
            List<object?> list => list.Select((item, index) => ((object?)(long)index, item)),
            SortedDictionary<string, object?> map => map.Select(entry => ((object?)entry.Key, entry.Value)),
            long n => Enumerable.Range(0, (int)Math.Max(0, Math.Min(n, int.MaxValue))).Select(i => ((object?)(long)i, (object?)(long)i)),
            null => [],
            _ => throw ExecError(range.Pipeline.Position, range.Pipeline.Text, $"range can't iterate over {Print(collection)}"),
        };
        var any = false;
        foreach (var (key, value) in items)
        {
            any = true;
            var inner = new Scope(scope);
            var names = range.Pipeline.Declarations;
            if (names.Count == 1)
            {
                inner.Declare(names[0], value);
            }
            else if (names.Count == 2)
            {
                inner.Declare(names[0], key);
                inner.Declare(names[1], value);
            }

            try
            {
                Execute(range.Then, value, inner, output);
            }
            catch (LoopControl control)
            {
                if (control.IsBreak)
                {
                    break;
                }
            }
        }

        if (!any && range.Else is not null)
        {
            Execute(range.Else, dot, scope, output);
        }
    }

    private object? EvalPipeline(Pipeline pipeline, object? dot, Scope scope, bool declare)
    {
        object? value = null;
        var piped = false;
        foreach (var command in pipeline.Commands)
        {
            value = EvalCommand(command, dot, scope, piped, value);
            piped = true;
        }

        if (declare)
        {
            foreach (var name in pipeline.Declarations)
            {
                if (!pipeline.IsAssignment)
                {
                    scope.Declare(name, value);
                }
                else if (!scope.TryAssign(name, value))
                {
                    throw ExecError(pipeline.Position, pipeline.Text, $"undefined variable: {name}");
                }
            }
        }

        return value;
    }

    private object? EvalCommand(Command command, object? dot, Scope scope, bool piped, object? previous)
    {
        var first = command.Operands[0];
        if (first is FunctionOperand function)
        {
            var args = command.Operands.Skip(1).Select(o => EvalOperand(o, dot, scope)).ToList();
            if (piped)
            {
                args.Add(previous);
            }

            var at = string.Join(' ', command.Operands.Select(o => o.Text));
            try
            {
                return Call(function.Name, args);
            }
            catch (TemplateCallException e)
            {
                throw ExecError(command.Position, at, $"error calling {function.Name}: {e.Message}");
            }
        }

        if (command.Operands.Count > 1 || piped)
        {
            throw ExecError(command.Position, first.Text, $"can't give argument to non-function {first.Text}");
        }

        return EvalOperand(first, dot, scope);
    }

    private object? EvalOperand(Operand operand, object? dot, Scope scope)
    {
        switch (operand)
        {
            case LiteralOperand literal:
                return literal.Value;
            case PipelineOperand group:
                return EvalPipeline(group.Pipeline, dot, new Scope(scope), declare: true);
            case FunctionOperand function:
                return Call(function.Name, []);
            case FieldOperand field:
                object? value;
                if (field.Variable is not null)
                {
                    if (!scope.TryGet(field.Variable, out value))
                    {
                        throw ExecError(field.Position, field.Text, $"undefined variable: {field.Variable}");
                    }
                }
                else
                {
                    value = field.Receiver is null ? dot : EvalOperand(field.Receiver, dot, scope);
                }

                foreach (var name in field.Fields)
                {
                    value = value switch
                    {
                        SortedDictionary<string, object?> map => map.TryGetValue(name, out var next)
                            ? next
                            : throw ExecError(field.Position, field.Text, $"map has no entry for key \"{name}\""),
                        null => throw ExecError(field.Position, field.Text, $"nil pointer evaluating interface {{}}.{name}"),
                        _ => throw ExecError(field.Position, field.Text, $"can't evaluate field {name} in type {TypeName(value)}"),
                    };
                }

                return value;
            default:
                return null;
        }
    }

    private sealed class TemplateCallException(string message) : Exception(message);

    private static object? Call(string name, List<object?> args)
    {
        switch (name)
        {
            case "and":
                Arity(args, 1, int.MaxValue);
                return args.FirstOrDefault(a => !IsTrue(a), args[^1]);
            case "or":
                Arity(args, 1, int.MaxValue);
                return args.FirstOrDefault(IsTrue, args[^1]);
            case "not":
                Arity(args, 1, 1);
                return !IsTrue(args[0]);
            case "len":
                Arity(args, 1, 1);
                return args[0] switch
                {
                    string s => (long)System.Text.Encoding.UTF8.GetByteCount(s),
                    List<object?> list => (long)list.Count,
                    SortedDictionary<string, object?> map => (long)map.Count,
                    var other => throw new TemplateCallException($"len of type {TypeName(other)}"),
                };
            case "index":
                Arity(args, 1, int.MaxValue);
                return args.Skip(1).Aggregate(args[0], Index);
            case "eq":
                Arity(args, 2, int.MaxValue);
                return args.Skip(1).Any(other => Compare(args[0], other, equalityOnly: true) == 0);
            case "ne":
                Arity(args, 2, 2);
                return Compare(args[0], args[1], equalityOnly: true) != 0;
            case "lt":
                Arity(args, 2, 2);
                return Compare(args[0], args[1], equalityOnly: false) < 0;
            case "le":
                Arity(args, 2, 2);
                return Compare(args[0], args[1], equalityOnly: false) <= 0;
            case "gt":
                Arity(args, 2, 2);
                return Compare(args[0], args[1], equalityOnly: false) > 0;
            case "ge":
                Arity(args, 2, 2);
                return Compare(args[0], args[1], equalityOnly: false) >= 0;
            case "print":
                return Sprint(args, spaceAlways: false);
            case "println":
                return Sprint(args, spaceAlways: true) + "\n";
            case "printf":
                Arity(args, 1, int.MaxValue);
                var format = args[0] as string ?? throw new TemplateCallException($"wrong type for value; expected string; got {TypeName(args[0])}");
                return GoFormatter.Sprintf(format, args.Skip(1).Select(a => a switch { long or double or string => a, _ => Print(a) }).ToList()!);
            case "html":
                return HtmlEscape(Sprint(args, spaceAlways: false));
            case "urlquery":
                return Encodings.UrlQueryBuiltins.Escape(Sprint(args, spaceAlways: false));
            default:
                return JsEscape(Sprint(args, spaceAlways: false));
        }
    }

    private static void Arity(List<object?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            throw new TemplateCallException($"wrong number of args: want {min} got {args.Count}");
        }
    }

    private static object? Index(object? item, object? key) => item switch
    {
        List<object?> list => key is long i
            ? i >= 0 && i < list.Count ? list[(int)i] : throw new TemplateCallException($"index out of range: {i}")
            : throw new TemplateCallException($"cannot index slice/array with type {TypeName(key)}"),
        SortedDictionary<string, object?> map => key is string k
            ? map.GetValueOrDefault(k)
            : throw new TemplateCallException($"value has type {TypeName(key)}; should be string"),
        string s => key is long i
            ? i >= 0 && i < System.Text.Encoding.UTF8.GetByteCount(s) ? (long)System.Text.Encoding.UTF8.GetBytes(s)[i] : throw new TemplateCallException($"index out of range: {i}")
            : throw new TemplateCallException($"cannot index slice/array with type {TypeName(key)}"),
        null => throw new TemplateCallException("index of untyped nil"),
        _ => throw new TemplateCallException($"can't index item of type {TypeName(item)}"),
    };

    /// <summary>Go's template comparisons: only values of the same basic kind compare.</summary>
    private static int Compare(object? a, object? b, bool equalityOnly)
    {
        switch (a, b)
        {
            case (long x, long y):
                return x.CompareTo(y);
            case (double x, double y):
                return x.CompareTo(y);
            case (string x, string y):
                return string.CompareOrdinal(x, y);
            case (bool x, bool y) when equalityOnly:
                return x == y ? 0 : 1;
            case (bool, bool):
                throw new TemplateCallException("invalid type for comparison");
            case (null, null) when equalityOnly:
                return 0;
            case (List<object?> or SortedDictionary<string, object?>, _) or (_, List<object?> or SortedDictionary<string, object?>):
                throw new TemplateCallException(equalityOnly ? "non-comparable type" : "invalid type for comparison");
            default:
                throw new TemplateCallException("incompatible types for comparison");
        }
    }

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        SortedDictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    private static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        long => "int",
        double => "float64",
        string => "string",
        List<object?> => "[]interface {}",
        _ => "map[string]interface {}",
    };

    /// <summary>fmt's %v of Go's JSON forms.</summary>
    private static string Print(object? value)
    {
        switch (value)
        {
            case null:
                return "<nil>";
            case bool b:
                return b ? "true" : "false";
            case long n:
                return n.ToString(CultureInfo.InvariantCulture);
            case double d:
                return GoFormatter.Sprintf("%v", [d]);
            case string s:
                return s;
            case List<object?> list:
                return "[" + string.Join(' ', list.Select(Print)) + "]";
            default:
                var map = (SortedDictionary<string, object?>)value;
                return "map[" + string.Join(' ', map.Select(e => e.Key + ":" + Print(e.Value))) + "]";
        }
    }

    /// <summary>fmt.Sprint: a space between operands when neither is a string (always, for Sprintln).</summary>
    private static string Sprint(List<object?> args, bool spaceAlways)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && (spaceAlways || (args[i] is not string && args[i - 1] is not string)))
            {
                builder.Append(' ');
            }

            builder.Append(Print(args[i]));
        }

        return builder.ToString();
    }

    private static string HtmlEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '"' => "&#34;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string JsEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '=' => "\\u003D",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
