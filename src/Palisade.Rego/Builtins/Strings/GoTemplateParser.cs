using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Strings;

internal sealed partial class GoTemplate
{
    /// <summary>Turns template text into nodes, with text/template's parse error messages.</summary>
    private sealed class TemplateParser(string source)
    {
        private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
        {
            "and", "or", "not", "len", "index", "eq", "ne", "lt", "le", "gt", "ge", "print", "printf", "println", "html", "urlquery", "js",
        };

        private readonly List<(int Position, string Text, bool IsAction)> _items = [];
        private int _next;
        private int _loopDepth;

        public List<Node> Parse()
        {
            Lex();
            var (nodes, terminator) = ParseList();
            if (terminator is not null)
            {
                throw ParseError(terminator.Value.Position, $"unexpected {{{{{terminator.Value.Keyword}}}}}");
            }

            return nodes;
        }

        private BuiltinException ParseError(int position, string message)
        {
            var line = 1 + source[..Math.Min(position, source.Length)].Count(c => c == '\n');
            return new BuiltinException($"template: template:{line}: {message}");
        }

        /// <summary>Splits the source into text and action items, applying the trim markers.</summary>
        private void Lex()
        {
            var pos = 0;
            var trimNext = false;
            while (pos <= source.Length)
            {
                var open = source.IndexOf("{{", pos, StringComparison.Ordinal);
                var text = open < 0 ? source[pos..] : source[pos..open];
                var trimLeft = open >= 0 && open + 3 < source.Length && source[open + 2] == '-' && source[open + 3] is ' ' or '\t' or '\n' or '\r';
                if (trimNext)
                {
                    text = text.TrimStart(' ', '\t', '\n', '\r');
                }

                if (trimLeft)
                {
                    text = text.TrimEnd(' ', '\t', '\n', '\r');
                }

                if (text.Length > 0)
                {
                    _items.Add((pos, text, false));
                }

                if (open < 0)
                {
                    return;
                }

                var start = open + (trimLeft ? 3 : 2);
                var close = FindClose(start);
                if (close < 0)
                {
                    throw ParseError(open, "unclosed action");
                }

                var trimRight = close >= 2 && source[close - 1] == '-' && source[close - 2] is ' ' or '\t' or '\n' or '\r';
                var end = trimRight ? close - 1 : close;
                var body = source[start..end];
                var trimmedBody = body.Trim();
                if (!(trimmedBody.StartsWith("/*", StringComparison.Ordinal) && trimmedBody.EndsWith("*/", StringComparison.Ordinal)))
                {
                    _items.Add((start, body, true));
                }

                trimNext = trimRight;
                pos = close + 2;
            }
        }

        private int FindClose(int start)
        {
            for (var i = start; i < source.Length - 1; i++)
            {
                var c = source[i];
                if (c is '"' or '`' or '\'')
                {
                    for (i++; i < source.Length && source[i] != c; i++)
                    {
                        if (source[i] == '\\' && c != '`')
                        {
                            i++;
                        }
                    }

                    continue;
                }

                if (c == '}' && source[i + 1] == '}')
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Nodes up to {{end}} or {{else …}} (returned as the terminator) or the end of input.</summary>
        private (List<Node> Nodes, (int Position, string Keyword, List<Token> Tail)? Terminator) ParseList()
        {
            var nodes = new List<Node>();
            while (_next < _items.Count)
            {
                var (position, text, isAction) = _items[_next++];
                if (!isAction)
                {
                    nodes.Add(new TextNode(position, text));
                    continue;
                }

                var tokens = Tokenize(text, position);
                if (tokens.Count == 0)
                {
                    throw ParseError(position, "missing value for command");
                }

                var keyword = tokens[0].Kind == TokenKind.Identifier ? tokens[0].Text : null;
                switch (keyword)
                {
                    case "end" or "else":
                        return (nodes, (position, keyword, tokens.Skip(1).ToList()));
                    case "if" or "with" or "range":
                        nodes.Add(ParseControl(keyword, position, tokens.Skip(1).ToList()));
                        break;
                    case "break" or "continue":
                        if (_loopDepth == 0)
                        {
                            throw ParseError(position, $"{{{{{keyword}}}}} outside {{{{range}}}}");
                        }

                        nodes.Add(new LoopControlNode(position, keyword == "break"));
                        break;
                    case "define" or "template" or "block":
                        throw ParseError(position, $"{{{{{keyword}}}}} is not supported by strings.render_template here");
                    default:
                        nodes.Add(new ActionNode(position, ParsePipeline(tokens, position, keyword: null)));
                        break;
                }
            }

            return (nodes, null);
        }

        private Node ParseControl(string keyword, int position, List<Token> tokens)
        {
            var pipeline = ParsePipeline(tokens, position, keyword);
            if (keyword == "range")
            {
                _loopDepth++;
            }

            var (then, terminator) = ParseList();
            if (keyword == "range")
            {
                _loopDepth--;
            }

            List<Node>? otherwise = null;
            if (terminator is null)
            {
                throw ParseError(source.Length, "unexpected EOF");
            }

            if (terminator.Value.Keyword == "else")
            {
                var rest = terminator.Value.Tail;
                if (rest.Count > 0 && rest[0].Kind == TokenKind.Identifier && rest[0].Text is "if" or "with" && keyword != "range")
                {
                    // {{else if …}} is an if nested in the else branch that shares this {{end}}.
                    otherwise = [ParseControl(rest[0].Text, terminator.Value.Position, rest.Skip(1).ToList())];
                    return new IfNode(position, keyword, pipeline, then, otherwise);
                }

                if (rest.Count > 0)
                {
                    throw ParseError(terminator.Value.Position, "unexpected token in else");
                }

                (otherwise, terminator) = ParseList();
                if (terminator is null || terminator.Value.Keyword != "end")
                {
                    throw ParseError(terminator?.Position ?? source.Length, terminator is null ? "unexpected EOF" : "expected end; found {{else}}");
                }
            }

            return new IfNode(position, keyword, pipeline, then, otherwise);
        }

        private Pipeline ParsePipeline(List<Token> tokens, int position, string? keyword)
        {
            var text = string.Join(' ', tokens.Select(t => t.Text));
            var declarations = new List<string>();
            var isAssignment = false;
            var i = 0;

            // $x := …, $i, $v := … (range only), $x = …
            var j = 0;
            while (j < tokens.Count && tokens[j].Kind == TokenKind.Variable && tokens[j].Fields.Length == 0)
            {
                if (j + 1 < tokens.Count && tokens[j + 1].Kind is TokenKind.Declare or TokenKind.Assign)
                {
                    declarations.Add(tokens[j].Text);
                    isAssignment = tokens[j + 1].Kind == TokenKind.Assign;
                    i = j + 2;
                    break;
                }

                if (keyword == "range" && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Comma)
                {
                    declarations.Add(tokens[j].Text);
                    j += 2;
                    continue;
                }

                declarations.Clear();
                break;
            }

            if (i == 0)
            {
                declarations.Clear();
            }

            var commands = new List<Command>();
            var operands = new List<Operand>();
            for (; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind == TokenKind.Pipe)
                {
                    if (operands.Count == 0)
                    {
                        throw ParseError(position, "missing value for command");
                    }

                    commands.Add(new Command(operands[0].Position, operands));
                    operands = [];
                    continue;
                }

                operands.Add(ToOperand(token));
            }

            if (operands.Count == 0)
            {
                throw ParseError(position, $"missing value for {keyword ?? "command"}");
            }

            commands.Add(new Command(operands[0].Position, operands));
            return new Pipeline(position, declarations, isAssignment, commands, text);
        }

        private Operand ToOperand(Token token) => token.Kind switch
        {
            TokenKind.Field => new FieldOperand(token.Position, token.Text, null, null, token.Fields),
            TokenKind.Variable => new FieldOperand(token.Position, token.Text, token.Variable, null, token.Fields),
            TokenKind.Literal => new LiteralOperand(token.Position, token.Text, token.Value),
            TokenKind.Group => token.Fields.Length == 0
                ? new PipelineOperand(token.Position, token.Text, ParsePipeline(token.Inner!, token.Position, null))
                : new FieldOperand(token.Position, token.Text, null, new PipelineOperand(token.Position, token.Text, ParsePipeline(token.Inner!, token.Position, null)), token.Fields),
            TokenKind.Identifier when token.Text is "true" or "false" => new LiteralOperand(token.Position, token.Text, token.Text == "true"),
            TokenKind.Identifier when token.Text == "nil" => new LiteralOperand(token.Position, token.Text, null),
            TokenKind.Identifier when Functions.Contains(token.Text) => new FunctionOperand(token.Position, token.Text, token.Text),
            TokenKind.Identifier => throw ParseError(token.Position, $"function \"{token.Text}\" not defined"),
            _ => throw ParseError(token.Position, $"unexpected \"{token.Text}\" in operand"),
        };

        private enum TokenKind
        {
            Identifier,
            Field,
            Variable,
            Literal,
            Group,
            Pipe,
            Declare,
            Assign,
            Comma,
        }

        private sealed record Token(TokenKind Kind, int Position, string Text, string[] Fields, string? Variable = null, object? Value = null, List<Token>? Inner = null);

        private List<Token> Tokenize(string text, int offset)
        {
            var tokens = new List<Token>();
            var stack = new Stack<(List<Token> Outer, int Start)>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                var start = i;
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                switch (c)
                {
                    case '(':
                        stack.Push((tokens, i));
                        tokens = [];
                        i++;
                        continue;
                    case ')':
                        if (stack.Count == 0)
                        {
                            throw ParseError(offset + i, "unexpected right paren");
                        }

                        var (outer, open) = stack.Pop();
                        i++;
                        var fields = ReadFields(text, ref i);
                        outer.Add(new Token(TokenKind.Group, offset + open, text[open..i], fields, Inner: tokens));
                        tokens = outer;
                        continue;
                    case '|':
                        tokens.Add(new Token(TokenKind.Pipe, offset + i, "|", []));
                        i++;
                        continue;
                    case ',':
                        tokens.Add(new Token(TokenKind.Comma, offset + i, ",", []));
                        i++;
                        continue;
                    case ':' when i + 1 < text.Length && text[i + 1] == '=':
                        tokens.Add(new Token(TokenKind.Declare, offset + i, ":=", []));
                        i += 2;
                        continue;
                    case '=':
                        tokens.Add(new Token(TokenKind.Assign, offset + i, "=", []));
                        i++;
                        continue;
                    case '.':
                        if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                        {
                            break;
                        }

                        var chain = ReadFields(text, ref i);
                        tokens.Add(new Token(TokenKind.Field, offset + start, i == start ? "." : text[start..i], chain));
                        if (i == start)
                        {
                            i++;
                        }

                        continue;
                    case '$':
                        i++;
                        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                        {
                            i++;
                        }

                        var name = text[start..i];
                        var varFields = ReadFields(text, ref i);
                        tokens.Add(new Token(TokenKind.Variable, offset + start, text[start..i], varFields, name));
                        continue;
                    case '"' or '`':
                        tokens.Add(new Token(TokenKind.Literal, offset + start, "", [], Value: ReadString(text, ref i, offset)) with { Text = text[start..i] });
                        continue;
                    case '\'':
                        var close = text.IndexOf('\'', i + 1);
                        if (close < 0)
                        {
                            throw ParseError(offset + i, "unterminated character constant");
                        }

                        var quoted = text[(i + 1)..close];
                        i = close + 1;
                        var character = quoted.StartsWith('\\') && quoted.Length > 1
                            ? quoted[1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other }
                            : quoted.Length > 0 ? Rune.GetRuneAt(quoted, 0).Value : throw ParseError(offset + start, "empty character constant");
                        tokens.Add(new Token(TokenKind.Literal, offset + start, text[start..i], [], Value: (long)character));
                        continue;
                }

                if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
                {
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' || (text[i] is '+' or '-' && (i == start || text[i - 1] is 'e' or 'E'))))
                    {
                        i++;
                    }

                    var number = text[start..i].Replace("_", "", StringComparison.Ordinal);
                    object? value = long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l
                        : double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                        : throw ParseError(offset + start, $"bad number syntax: \"{number}\"");
                    tokens.Add(new Token(TokenKind.Literal, offset + start, number, [], Value: value));
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Identifier, offset + start, text[start..i], []));
                    continue;
                }

                throw ParseError(offset + i, $"unexpected \"{c}\" in command");
            }

            if (stack.Count > 0)
            {
                throw ParseError(offset + text.Length, "unclosed left paren");
            }

            return tokens;
        }

        /// <summary>A chain of .Name selectors starting at <paramref name="i"/> (possibly none).</summary>
        private static string[] ReadFields(string text, ref int i)
        {
            var fields = new List<string>();
            while (i < text.Length && text[i] == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                var start = ++i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                fields.Add(text[start..i]);
            }

            return [.. fields];
        }

        private string ReadString(string text, ref int i, int offset)
        {
            var quote = text[i];
            var start = i;
            var builder = new StringBuilder();
            for (i++; i < text.Length && text[i] != quote; i++)
            {
                if (quote == '"' && text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    builder.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
                    continue;
                }

                builder.Append(text[i]);
            }

            if (i >= text.Length)
            {
                throw ParseError(offset + start, "unterminated quoted string");
            }

            i++;
            return builder.ToString();
        }
    }
}
