using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Parsing;

/// <summary># METADATA blocks: what they hold, what they attach to, and OPA's errors for bad ones.</summary>
public sealed class AnnotationParseTests
{
    private static readonly ParserOptions Options = new() { FileName = "test.rego" };

    private static Module Parse(string source) => RegoParser.ParseModule(source, Options);

    private static RegoError Fails(string source) =>
        Assert.Single(Assert.Throws<RegoParseException>(() => Parse(source)).Errors);

    [Fact]
    public void PackageBlockHoldsEveryField()
    {
        var module = Parse("""
            # METADATA
            # title: My package
            # description: Package docs
            # organizations:
            # - Acme
            # related_resources:
            # - https://example.com
            # - ref: https://example.com/doc
            #   description: The docs
            # authors:
            # - Jane Q. Doe <jane@example.com>
            # - name: John
            #   email: john@example.com
            # - <anon@example.com>
            # custom:
            #   severity: high
            #   tags: [a, 1]
            package a.b
            """);

        var annotations = Assert.Single(module.Package.Annotations);
        Assert.Equal(new Location("test.rego", 1, 1), annotations.Location with { Offset = 0, Length = 0 });
        Assert.Equal(module.Annotations, module.Package.Annotations);
        Assert.Equal(
            ValueJson.Parse("""
                {
                  "scope": "package",
                  "title": "My package",
                  "description": "Package docs",
                  "organizations": ["Acme"],
                  "related_resources": [{"ref": "https://example.com"}, {"ref": "https://example.com/doc", "description": "The docs"}],
                  "authors": [{"name": "Jane Q. Doe", "email": "jane@example.com"}, {"name": "John", "email": "john@example.com"}, {"email": "anon@example.com"}],
                  "custom": {"severity": "high", "tags": ["a", 1]}
                }
                """),
            annotations.ToValue());
    }

    [Fact]
    public void ScopesDefaultByWhatFollowsAndAttachToIt()
    {
        var module = Parse("""
            package a

            # METADATA
            # scope: document
            # description: all of p
            p := 1

            # METADATA
            # title: this p
            p := 2 if false

            # METADATA
            # entrypoint: true
            q := 3
            """);

        Assert.Empty(module.Package.Annotations);
        Assert.Equal(["document"], module.Rules[0].Annotations.Select(a => a.Scope));
        Assert.Equal(["rule"], module.Rules[1].Annotations.Select(a => a.Scope));
        var entrypoint = Assert.Single(module.Rules[2].Annotations);
        Assert.Equal(ValueJson.Parse("""{"scope": "document", "entrypoint": true}"""), entrypoint.ToValue());
        Assert.Equal([3, 8, 12], module.Annotations.Select(a => a.Location.Line));
    }

    [Fact]
    public void StringFieldsKeepTheTextAsWritten()
    {
        var module = Parse("# METADATA\n# title: 1.10\n# description: yes\n# organizations: [0x1F, null]\npackage a");
        Assert.Equal(
            ValueJson.Parse("""{"scope": "package", "title": "1.10", "description": "yes", "organizations": ["0x1F", ""]}"""),
            Assert.Single(module.Package.Annotations).ToValue());
    }

    [Fact]
    public void SchemasAreRefsOrDefinitions()
    {
        var module = Parse("""
            package a

            # METADATA
            # schemas:
            # - input: schema.input
            # - data.x["y"]: {type: string}
            p := 1
            """);

        Assert.Equal(
            ValueJson.Parse("""
                {"scope": "rule", "schemas": [
                  {"path": ["input"], "schema": ["schema", "input"]},
                  {"path": ["data", "x", "y"], "definition": {"type": "string"}}
                ]}
                """),
            Assert.Single(module.Rules[0].Annotations).ToValue());
    }

    [Fact]
    public void CommentsThatAreNotAtColumnOneOrNotAdjacentEndTheBlock()
    {
        var module = Parse("package a\n\n# METADATA\n# title: t\n\n# description: not part of it\np := 1\n  # METADATA\nq := 2");
        Assert.Equal(ValueJson.Parse("""{"scope": "rule", "title": "t"}"""), Assert.Single(module.Rules[0].Annotations).ToValue());
        Assert.Empty(module.Rules[1].Annotations);
    }

    [Fact]
    public void AnnotationsCanBeTurnedOff()
    {
        var module = RegoParser.ParseModule("# METADATA\n# scope: nonsense\npackage a", Options with { ProcessAnnotations = false });
        Assert.Empty(module.Annotations);
        Assert.Empty(module.Package.Annotations);
    }

    [Theory]
    [InlineData("package a\n\n# METADATA\n# scope: everything\np := 1", 3, "invalid annotation scope 'everything'. Use one of 'rule', 'document', 'package', or 'subpackages'")]
    [InlineData("package a\n\n# METADATA\n# scope: package\np := 1", 3, "annotation scope 'package' must be applied to package (have rule)")]
    [InlineData("package a\n\n# METADATA\n# scope: subpackages\np := 1", 3, "annotation scope 'subpackages' must be applied to package (have rule)")]
    [InlineData("# METADATA\n# scope: rule\npackage a", 1, "annotation scope 'rule' must be applied to rule (have package)")]
    [InlineData("package a\n\n# METADATA\n# scope: document\nimport data.x", 3, "annotation scope 'document' must be applied to rule (have import)")]
    [InlineData("package a\n\n# METADATA\n# title: t\nimport data.x", 3, "invalid annotation scope 'import'. Use one of 'rule', 'document', 'package', or 'subpackages'")]
    [InlineData("package a\np := 1\n# METADATA\n# scope: rule", 3, "annotation scope 'rule' must be applied to rule")]
    [InlineData("package a\n\n# METADATA\n# scope: rule\n# entrypoint: true\np := 1", 3, "annotation entrypoint applied to non-document or package scope 'rule'")]
    [InlineData("package a\n\n# METADATA\n#\n#   \np := 1", 3, "expected METADATA block, found whitespace")]
    [InlineData("package a\n\n# METADATA\np := 1", 3, "expected METADATA block, found whitespace")]
    [InlineData("package a\n\n# METADATA\n# related_resources:\n# - \"\"\np := 1", 3, "invalid related-resource definition : ref URL may not be empty string")]
    [InlineData("package a\n\n# METADATA\n# related_resources:\n# - description: d\np := 1", 3, "invalid related-resource definition map[description:d]: 'ref' value required in object")]
    [InlineData("package a\n\n# METADATA\n# related_resources:\n# - 5\np := 1", 3, "invalid related-resource definition %!s(int=5): invalid value type, must be string or map")]
    [InlineData("package a\n\n# METADATA\n# authors:\n# - \"  \"\np := 1", 3, "invalid author definition   : author is an empty string")]
    [InlineData("package a\n\n# METADATA\n# authors:\n# - {name: \"\", email: 1}\np := 1", 3, "invalid author definition map[email:%!s(int=1) name:]: 'name' and/or 'email' values required in object")]
    [InlineData("package a\n\n# METADATA\n# authors:\n# - [a, true]\np := 1", 3, "invalid author definition [a %!s(bool=true)]: invalid value type, must be string or map")]
    [InlineData("package a\n\n# METADATA\n# schemas:\n# - input: data.x\np := 1", 3, "invalid schema reference")]
    [InlineData("package a\n\n# METADATA\n# schemas:\n# - \"input[\": schema.x\np := 1", 3, "invalid document reference")]
    [InlineData("package a\n\n# METADATA\n# schemas:\n# - input: 1\np := 1", 3, "invalid schema declaration for path \"input\"")]
    public void InvalidBlocksAreParseErrorsAtTheMetadataLine(string source, int line, string message)
    {
        var error = Fails(source);
        Assert.Equal(RegoError.ParseErrorCode, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, 1), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("package a\n\n# METADATA\n# title: [unclosed\np := 1", 4, "yaml: line 1: did not find expected ',' or ']'")]
    [InlineData("package a\n\n# METADATA\n# title: [a, b]\np := 1", 4, "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string")]
    [InlineData("package a\n\n# METADATA\n# description: d\n# entrypoint: sometimes\n# organizations: {a: b}\np := 1", 6, "yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `sometimes` into bool\n  line 3: cannot unmarshal !!map into []string")]
    [InlineData("package a\n\n# METADATA\n# just some words here\np := 1", 4, "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `just so...` into ast.rawAnnotation")]
    [InlineData("package a\n\n# METADATA\n# title:t\np := 1", 4, "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `title:t` into ast.rawAnnotation\n  Hint: on line 4, symbol(s) ['t'] immediately following a key/value separator ':' is not a legal yaml space character")]
    public void YamlErrorsSitOnTheCommentLineTheyName(string source, int line, string message)
    {
        var error = Fails(source);
        Assert.Equal(RegoError.ParseErrorCode, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, 1), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void YamlThatTheYamlLibraryCannotScanIsAnErrorOnTheLastLine()
    {
        var error = Fails("package a\n\n# METADATA\n# description: d\n# title: [unclosed\n# organizations: []\np := 1");
        Assert.Equal("yaml: line 3: invalid YAML", error.Message);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void EveryBadBlockIsReported()
    {
        var error = Assert.Throws<RegoParseException>(() => Parse("package a\n\n# METADATA\n# scope: x\np := 1\n\n# METADATA\n# scope: y\nq := 1"));
        Assert.Equal(
            "2 errors occurred:\n"
            + "test.rego:3: rego_parse_error: invalid annotation scope 'x'. Use one of 'rule', 'document', 'package', or 'subpackages'\n"
            + "test.rego:7: rego_parse_error: invalid annotation scope 'y'. Use one of 'rule', 'document', 'package', or 'subpackages'",
            error.Message);
    }
}
