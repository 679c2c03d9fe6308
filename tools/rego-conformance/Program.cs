using Palisade.Rego.Conformance;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: rego-conformance DIR|FILE... [--verbose]");
    return 2;
}

var verbose = args.Contains("--verbose");
var roots = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
string Relative(string file) =>
    roots.Where(Directory.Exists).Select(r => Path.GetRelativePath(r, file)).FirstOrDefault(r => !r.StartsWith("..", StringComparison.Ordinal))?.Replace('\\', '/')
    ?? Path.GetFileName(file);
var passed = 0;
var failed = 0;
foreach (var testCase in CaseLoader.Load(roots))
{
    var outcome = CaseRunner.Run(testCase);
    if (outcome.Passed)
    {
        passed++;
        if (verbose)
        {
            Console.WriteLine($"PASS {testCase.Note}");
        }
    }
    else
    {
        failed++;
        Console.WriteLine($"FAIL {Relative(testCase.File)} :: {testCase.Note}\t{outcome.Reason}");
    }
}

Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
