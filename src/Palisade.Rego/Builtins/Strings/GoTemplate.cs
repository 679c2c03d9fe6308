using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>
/// The part of Go's text/template that strings.render_template needs: text, {{pipeline}} actions with fields,
/// variables, literals, parenthesised pipelines and the builtin functions (and, or, not, len, index, eq, ne, lt,
/// le, gt, ge, print, printf, println, html, urlquery), if / else if / else, range (with $i, $v := and else),
/// with, break, continue, comments and the {{- -}} trim markers. Data are Go's JSON forms (numbers are float64),
/// printed as Go's fmt prints them; a missing map key is an error (OPA sets missingkey=error).
/// </summary>
internal sealed partial class GoTemplate
{
    private readonly string _source;
    private readonly List<Node> _root;

    private GoTemplate(string source, List<Node> root)
    {
        _source = source;
        _root = root;
    }

    public static string Render(string source, object? data)
    {
        var template = new GoTemplate(source, new TemplateParser(source).Parse());
        var output = new StringBuilder();
        var scope = new Scope(null);
        scope.Declare("$", data);
        template.Execute(template._root, data, scope, output);
        return output.ToString();
    }

    private abstract record Node(int Position);

    private sealed record TextNode(int Position, string Text) : Node(Position);

    private sealed record ActionNode(int Position, Pipeline Pipeline) : Node(Position);

    private sealed record IfNode(int Position, string Kind, Pipeline Pipeline, List<Node> Then, List<Node>? Else) : Node(Position);

    private sealed record LoopControlNode(int Position, bool IsBreak) : Node(Position);

    private sealed record Pipeline(int Position, List<string> Declarations, bool IsAssignment, List<Command> Commands, string Text);

    private sealed record Command(int Position, List<Operand> Operands);

    private abstract record Operand(int Position, string Text);

    private sealed record FieldOperand(int Position, string Text, string? Variable, Operand? Receiver, string[] Fields) : Operand(Position, Text);

    private sealed record LiteralOperand(int Position, string Text, object? Value) : Operand(Position, Text);

    private sealed record FunctionOperand(int Position, string Text, string Name) : Operand(Position, Text);

    private sealed record PipelineOperand(int Position, string Text, Pipeline Pipeline) : Operand(Position, Text);

    private sealed class Scope(Scope? parent)
    {
        private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

        public Scope? Parent => parent;

        public void Declare(string name, object? value) => _variables[name] = value;

        public bool TryGet(string name, out object? value)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                if (s._variables.TryGetValue(name, out value))
                {
                    return true;
                }
            }

            value = null;
            return false;
        }

        public bool TryAssign(string name, object? value)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                if (s._variables.ContainsKey(name))
                {
                    s._variables[name] = value;
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class LoopControl(bool isBreak) : Exception
    {
        public bool IsBreak => isBreak;
    }

    private BuiltinException ExecError(int position, string at, string message)
    {
        var before = _source[..position];
        var line = 1 + before.Count(c => c == '\n');
        var lastNewline = before.LastIndexOf('\n');
        var column = lastNewline < 0 ? position : position - lastNewline - 1;
        return new BuiltinException($"template: template:{line}:{column}: executing \"template\" at <{at}>: {message}");
    }
}
