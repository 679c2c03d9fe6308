using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

internal sealed partial class Parser
{
    private bool _enforceV1;
    private bool _importsRegoV1;

    public Module ParseModule()
    {
        _enforceV1 = _options.DefaultVersion == RegoVersion.V1;
        try
        {
            var start = Current;
            var package = ParsePackage();
            var imports = new List<Import>();
            var rules = new List<Rule>();
            while (!Is(TokenKind.EndOfFile))
            {
                if (IsKeyword(Current, Keywords.Import))
                {
                    imports.Add(ParseImport());
                }
                else if (IsKeyword(Current, Keywords.Package))
                {
                    throw Unexpected(Current);
                }
                else
                {
                    ParseRules(rules);
                }
            }

            ThrowCollected();
            var version = _options.DefaultVersion == RegoVersion.V1 ? RegoVersion.V1
                : _importsRegoV1 ? RegoVersion.V0CompatibleV1
                : RegoVersion.V0;
            var comments = CollectComments();
            if (!_options.ProcessAnnotations)
            {
                return new Module(package, imports, rules, version, Span(start)) { Comments = comments };
            }

            var (annotatedPackage, annotatedRules, annotations) = AttachAnnotations(package, imports, rules, comments);
            return new Module(annotatedPackage, imports, annotatedRules, version, Span(start)) { Comments = comments, Annotations = annotations };
        }
        catch (ParseAbort abort)
        {
            _errors.Add(abort.Error);
            throw new RegoParseException(_errors.ToArray());
        }
        finally
        {
            Release();
        }
    }

    private Comment[] CollectComments()
    {
        if (_commentSpans.Count == 0)
        {
            return [];
        }

        var comments = new Comment[_commentSpans.Count];
        for (var i = 0; i < comments.Length; i++)
        {
            var span = _commentSpans[i];
            comments[i] = new Comment(_source.Substring(span.Start + 1, span.Length - 1), LocationOf(span));
        }

        return comments;
    }

    private Package ParsePackage()
    {
        var start = Current;
        if (!IsKeyword(start, Keywords.Package))
        {
            throw start.Kind == TokenKind.EndOfFile ? Abort(start, "empty module") : Abort(start, "package expected");
        }

        Advance();
        var name = Current;
        if (name.Kind != TokenKind.Ident || IsAnyKeyword(name))
        {
            throw Unexpected(name, "expected ident");
        }

        Advance();

        // The package path is kept rooted at data, so that `package a.b` names data.a.b.
        var path = new List<Term> { new ScalarTerm(_names.Value(Text(name)), LocationOf(name)) };
        ParsePathTail(path);
        var location = Span(start);
        return new Package(new RefTerm(new VarTerm("data", LocationOf(start)), path, Span(name)), location);
    }

    /// <summary>Reads <c>.name</c> and <c>["key"]</c> path elements of package and import paths.</summary>
    private void ParsePathTail(List<Term> path)
    {
        while (!Current.SpaceBefore)
        {
            if (Accept(TokenKind.Dot))
            {
                var name = Current;
                if (name.Kind != TokenKind.Ident || name.SpaceBefore)
                {
                    throw Unexpected(name, "expected ident");
                }

                Advance();
                AddPathTerm(path, new ScalarTerm(_names.Value(Text(name)), LocationOf(name)), name);
            }
            else if (Is(TokenKind.LBracket))
            {
                Advance();
                var key = Current;
                if (key.Kind is not (TokenKind.String or TokenKind.RawString))
                {
                    throw Unexpected(key, "expected string");
                }

                AddPathTerm(path, ParseTerm(), key);
                Expect(TokenKind.RBracket, "expected ]");
            }
            else
            {
                break;
            }
        }
    }

    private Import ParseImport()
    {
        var start = Advance();
        var root = Current;
        if (root.Kind != TokenKind.Ident || IsAnyKeyword(root))
        {
            throw Unexpected(root, "expected ident");
        }

        Advance();
        var path = new List<Term>();
        ParsePathTail(path);
        var head = new VarTerm(_names.Name(Text(root)), LocationOf(root));
        var reference = new RefTerm(head, path, Span(root));
        if (head.Name is not ("data" or "input" or "future" or "rego"))
        {
            throw Abort(root, $"unexpected import path, must begin with one of: {{data, future, input, rego}}, got: {head.Name}");
        }

        string? alias = null;
        if (IsKeyword(Current, Keywords.As))
        {
            Advance();
            var name = Current;
            if (name.Kind != TokenKind.Ident || IsAnyKeyword(name))
            {
                throw Unexpected(name, "expected var");
            }

            Advance();
            alias = TextOf(name);
        }

        var import = new Import(reference, alias, Span(start));
        ApplyImport(import, root);
        return import;
    }

    /// <summary><c>future.keywords…</c> and <c>rego.v1</c> imports change which words are keywords in a v0 module.</summary>
    private void ApplyImport(Import import, Token at)
    {
        var name = import.Path.DottedName();
        if (import.Path.HeadName == "rego")
        {
            if (name != "rego.v1")
            {
                throw Abort(at, $"invalid import `{RegoPrinter.Print(import.Path)}`, must be `rego.v1`");
            }

            _keywords = FutureKeywords.All;
            _enforceV1 = true;
            _importsRegoV1 = true;
            return;
        }

        if (import.Path.HeadName != "future")
        {
            return;
        }

        if (name == "future.keywords")
        {
            _keywords = FutureKeywords.All;
            return;
        }

        var keyword = import.Path.Path.Count == 2 && import.Path.Path[0] is ScalarTerm k && k.IsString(out var ns) && ns == "keywords"
            && import.Path.Path[1] is ScalarTerm w && w.IsString(out var word)
            ? Keywords.Future(word)
            : FutureKeywords.None;
        if (keyword == FutureKeywords.None)
        {
            throw Abort(at, import.Path.Path.Count == 2
                ? "unexpected keyword, must be one of [contains every if in]"
                : $"invalid import, must be `future.keywords` or `future.keywords.<keyword>`");
        }

        _keywords |= keyword;
    }
}
