using Palisade.Policy.Conftest;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Conftest;

public sealed class ConftestRunnerTests : IDisposable
{
    private readonly ConftestFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void EveryRuleDefinitionCountsAsATest()
    {
        _fx.Write("policy/main.rego", """
            package main
            deny contains "no kind" if not input.kind
            deny contains "no name" if not input.metadata.name
            warn contains "a service" if input.kind == "Service"
            helper := 1
            """);
        _fx.Write("in.yaml", "kind: Service\nmetadata:\n  name: web\n");

        var file = Assert.Single(_fx.Check("in.yaml").Files);

        Assert.Equal(("main", 2, 0, 1), (file.Namespace, file.Successes, file.Failures.Count, file.Warnings.Count));
        Assert.Equal(3, file.Total);
    }

    [Fact]
    public void ResultsCarryTheFileAndLineOfTheirDocumentAndMultipleDocumentsAddUp()
    {
        _fx.Write("policy/main.rego", """
            package main
            deny contains sprintf("%s has no owner", [input.metadata.name]) if not input.metadata.labels.owner
            """);
        _fx.Write("in.yaml", "# two\nkind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n  labels:\n    owner: me\n---\nkind: C\nmetadata:\n  name: c\n");

        var file = Assert.Single(_fx.Check("in.yaml").Files);

        Assert.Equal(1, file.Successes);
        Assert.Equal(["a has no owner", "c has no owner"], file.Failures.Select(f => f.Message));
        Assert.Equal([2, 12], file.Failures.Select(f => f.Location!.Value.Line));
        Assert.Equal(_fx.PathOf("in.yaml"), file.FileName);
    }

    [Fact]
    public void ObjectMessagesKeepTheirOtherKeysAsMetadataAndLocAsLocation()
    {
        _fx.Write("policy/main.rego", """
            package main
            violation contains {"msg": "bad", "severity": "high", "_loc": {"file": "x.yaml", "line": 7}} if true
            """);
        _fx.Write("in.json", """{"kind": "A"}""");

        var failure = Assert.Single(Assert.Single(_fx.Check("in.json").Files).Failures);

        Assert.Equal("bad", failure.Message);
        Assert.Equal(("x.yaml", 7), (failure.Location!.Value.File, failure.Location.Value.Line));
        Assert.Equal("""{"query":"data.main.violation","severity":"high"}""", ValueJson.Serialize(failure.Metadata));
        Assert.Equal("data.main.violation", failure.Query);
    }

    [Theory]
    [InlineData("""{"message": "x"}""", "rule missing msg field")]
    [InlineData("""{"msg": 3}""", "msg field must be string")]
    public void AnObjectWithoutAStringMsgIsAnError(string result, string error)
    {
        _fx.Write("policy/main.rego", $"package main\ndeny contains {result} if true\n");
        _fx.Write("in.yaml", "kind: A\n");

        var ex = Assert.Throws<ConftestException>(() => _fx.Check("in.yaml"));

        Assert.Contains(error, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(_fx.PathOf("in.yaml") + ":1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExceptionTurnsEveryResultOfItsRuleIntoOneExceptionNamedByItsQuery()
    {
        _fx.Write("policy/main.rego", """
            package main
            exception contains ["root", ""] if input.metadata.name == "allowed"
            deny_root contains "runs as root" if true
            deny_root contains "really root" if true
            deny contains "plain" if true
            warn_other contains "other" if true
            """);
        _fx.Write("in.yaml", "metadata:\n  name: allowed\n");

        var file = Assert.Single(_fx.Check("in.yaml").Files);

        Assert.Equal(["data.main.exception[_][_] == \"root\"", "data.main.exception[_][_] == \"\""], file.Exceptions.Select(e => e.Message));
        Assert.Empty(file.Failures);
        Assert.Equal(["other"], file.Warnings.Select(w => w.Message));
        Assert.Equal(4, file.Total);
    }

    [Fact]
    public void NamespacesAreMatchedAsGoPathPatternsAndReportedNamespaceFirst()
    {
        _fx.Write("policy/a.rego", "package k8s.apps\ndeny contains \"apps\" if true\n");
        _fx.Write("policy/b.rego", "package k8s.core\ndeny contains \"core\" if true\n");
        _fx.Write("policy/c.rego", "package other\ndeny contains \"other\" if true\n");
        _fx.Write("one.yaml", "a: 1\n");
        _fx.Write("two.yaml", "a: 2\n");

        var report = _fx.Run(new ConftestOptions { Namespaces = ["k8s.*"] }, "one.yaml", "two.yaml").Report;

        Assert.Equal(
            ["k8s.apps one.yaml", "k8s.apps two.yaml", "k8s.core one.yaml", "k8s.core two.yaml"],
            report.Files.Select(f => $"{f.Namespace} {Path.GetFileName(f.FileName)}"));
        Assert.Equal(3, _fx.Run(new ConftestOptions { AllNamespaces = true }, "one.yaml").Report.Files.Count);
    }

    [Fact]
    public void CombineChecksOneArrayOfPathsAndContentsNamedCombined()
    {
        _fx.Write("policy/main.rego", """
            package main
            deny contains sprintf("%d documents from %d files", [count(input), count({p | p := input[_].path})]) if true
            """);
        _fx.Write("a.yaml", "kind: A\n---\nkind: B\n");
        _fx.Write("b.yaml", "kind: C\n");

        var file = Assert.Single(_fx.Run(new ConftestOptions { Combine = true }, "a.yaml", "b.yaml").Report.Files);

        Assert.Equal("Combined", file.FileName);
        Assert.Equal("3 documents from 2 files", Assert.Single(file.Failures).Message);
    }

    [Fact]
    public void PoliciesSeeTheFileNameAndFolderOfTheirInputAndTheDataLoaded()
    {
        _fx.Write("policy/main.rego", """
            package main
            deny contains sprintf("%s in %s, limit %d", [data.conftest.file.name, data.conftest.file.dir, data.limits.max]) if true
            """);
        _fx.Write("data/limits/values.yaml", "max: 3\n");
        _fx.Write("sub/in.yaml", "a: 1\n");

        var file = Assert.Single(_fx.Run(new ConftestOptions { Data = ["data"] }, "sub/in.yaml").Report.Files);

        Assert.Equal($"in.yaml in {_fx.PathOf("sub")}, limit 3", Assert.Single(file.Failures).Message);
    }

    [Fact]
    public void FoldersAreWalkedInOrderSkippingIgnoredPathsAndUnknownFileTypes()
    {
        _fx.Write("policy/main.rego", "package main\ndeny contains \"x\" if true\n");
        _fx.Write("in/b.yaml", "a: 1\n");
        _fx.Write("in/a.json", "{}");
        _fx.Write("in/skip/c.yaml", "a: 1\n");
        _fx.Write("in/notes.txt", "text");

        var report = _fx.Run(new ConftestOptions { Ignore = "skip" }, "in").Report;

        Assert.Equal(["in/a.json", "in/b.yaml"], report.Files.Select(f => Path.GetRelativePath(_fx.Root, f.FileName)));
    }

    [Fact]
    public void AFileWhoseRootIsAListIsCheckedElementByElement()
    {
        _fx.Write("policy/main.rego", "package main\ndeny contains input.name if input.bad\n");
        _fx.Write("in.json", """[{"name": "a", "bad": true}, {"name": "b"}]""");

        var file = Assert.Single(_fx.Check("in.json").Files);

        Assert.Equal((1, "a"), (file.Successes, Assert.Single(file.Failures).Message));
    }

    [Fact]
    public void PrintOutputIsKeptWithTheLocationOfTheCall()
    {
        _fx.Write("policy/main.rego", "package main\n\ndeny contains \"x\" if {\n\tprint(\"saw\", input.a)\n}\n");
        _fx.Write("in.yaml", "a: 1\n");

        var file = Assert.Single(_fx.Check("in.yaml").Files);

        Assert.Equal([$"{_fx.PathOf("policy/main.rego")}:4: saw 1"], file.Outputs);
        Assert.Equal(file.Outputs, Assert.Single(file.Failures).Outputs);
    }

    [Fact]
    public void RegoV1RejectsABooleanDenyButV0AcceptsIt()
    {
        _fx.Write("policy/main.rego", "package main\n\ndeny if input.bad\n");
        _fx.Write("in.yaml", "bad: true\n");

        var ex = Assert.Throws<ConftestException>(() => _fx.Check("in.yaml"));
        Assert.StartsWith(_fx.PathOf("policy/main.rego") + ":3:", ex.Message, StringComparison.Ordinal);

        _fx.Write("policy/main.rego", "package main\n\ndeny = true { input.bad }\n");
        var file = Assert.Single(_fx.Run(new ConftestOptions { RegoVersion = RegoVersion.V0 }, "in.yaml").Report.Files);
        Assert.Equal((1, 0), (file.Successes, file.Failures.Count));
    }

    [Fact]
    public void ManyFilesAreReportedInInputOrder()
    {
        _fx.Write("policy/main.rego", "package main\ndeny contains sprintf(\"%d\", [input.n]) if input.n % 2 == 0\n");
        var names = Enumerable.Range(0, 200).Select(i => _fx.Write($"in/{i:D3}.yaml", $"n: {i}\n")).ToList();

        var report = _fx.Check(names.Select(n => Path.GetRelativePath(_fx.Root, n)).Reverse().ToArray());

        Assert.Equal(names.AsEnumerable().Reverse(), report.Files.Select(f => f.FileName));
        Assert.Equal((200, 100, 100), (report.Tests, report.Passed, report.Failures));
    }

    [Fact]
    public void NoPoliciesIsAnError()
    {
        _fx.Write("policy/readme.md", "none");
        _fx.Write("in.yaml", "a: 1\n");

        var ex = Assert.Throws<ConftestException>(() => _fx.Check("in.yaml"));

        Assert.StartsWith("no policies found", ex.Message, StringComparison.Ordinal);
    }
}
