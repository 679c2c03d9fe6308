using Palisade.Rego.Conformance;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: rego-conformance DIR|FILE... [--verbose]");
    return 2;
}

var verbose = args.Contains("--verbose");
var passed = 0;
var failed = 0;
foreach (var testCase in CaseLoader.Load(args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))))
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
        Console.WriteLine($"FAIL {testCase.Note} ({Path.GetFileName(testCase.File)}): {outcome.Reason}");
    }
}

Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
