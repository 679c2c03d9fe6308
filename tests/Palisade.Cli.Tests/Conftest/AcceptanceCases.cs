namespace Palisade.Cli.Tests.Conftest;

/// <summary>
/// The <c>conftest test</c> tests of acceptance.bats, encoded one by one: those with YAML or JSON inputs run against
/// palisade test; the others carry the reason they are skipped. <see cref="ConftestAcceptanceTests"/> checks that
/// every <c>conftest test</c> test in the bats file is listed here.
/// </summary>
internal static class AcceptanceCases
{

    private const string Parser = "input needs a parser palisade test does not have (it reads YAML and JSON)";

    public static readonly AcceptanceCase[] All =
    [
        new("Not fail when testing a service with a warning", ["-p", "examples/kubernetes/policy", "examples/kubernetes/service.yaml"], Status: 0),
        new("Not fail when passed an explicit blank filename", ["-p", "examples/kubernetes/policy", "examples/kubernetes/service.yaml", ""], Status: 0),
        new("Fail when testing a deployment with root containers", ["-p", "examples/kubernetes/policy", "examples/kubernetes/deployment.yaml"], Status: 1),
        new("Fail when testing a service with warnings", ["--fail-on-warn", "-p", "examples/kubernetes/policy", "examples/kubernetes/service.yaml"], Status: 1),
        new("Fail when testing with no policies path", ["-p", "internal/", "examples/kubernetes/deployment.yaml"], Status: 1),
        new("Pass when testing a blank namespace", ["--namespace", "notpresent", "-p", "examples/kubernetes/policy", "examples/kubernetes/deployment.yaml"], Status: 0),
        new("when testing a YAML document via stdin, default parser should be yaml if no parser flag is passed", [], SkipReason: "reads standard input, which the in-process runner cannot supply (covered by a unit test of InputReader)"),
        new("Pass when testing a YAML document via stdin", [], SkipReason: "reads standard input, which the in-process runner cannot supply"),
        new("Fail due to picking up settings from configuration file", [], SkipReason: "conftest.toml configuration files are not supported"),
        new("Fail due to picking up settings from config-file flag", [], SkipReason: "conftest.toml configuration files are not supported"),
        new("Test command with multiple input type", [], SkipReason: "TOML: " + Parser),
        new("Test command has trace flag", [], SkipReason: "--trace lists queries and print output, not OPA's full evaluation trace"),
        new("Test command with all namespaces flag", [], SkipReason: "Dockerfile: " + Parser),
        new("Test command works with nested namespaces", [], SkipReason: "HCL1: " + Parser),
        new("Test command matches a single namespace literally", [], SkipReason: "Dockerfile: " + Parser),
        new("Test command matches every namespace with a wildcard", [], SkipReason: "Dockerfile: " + Parser),
        new("Test command matches namespaces with a wildcard prefix", [], SkipReason: "Dockerfile: " + Parser),
        new("Allow .rego files in the policy flag", ["-p", "examples/hcl1/policy/base.rego", "examples/hcl1/gke-show.json"], Status: 1,
            Contains: ["Terraform plan will change prohibited resources in the following namespaces: google_iam, google_container"]),
        new("Supports print() output", ["-p", "examples/report/policy_print/labels.rego", "examples/kubernetes/deployment.yaml", "--no-color"], Status: 1,
            Lines: [(0, "PRNT   examples/report/policy_print/labels.rego:14: hello-kubernetes")]),
        new("Can parse hcl1 files", [], SkipReason: "HCL1: " + Parser),
        new("Can parse toml files", [], SkipReason: "TOML: " + Parser),
        new("Can parse edn files", [], SkipReason: "EDN: " + Parser),
        new("Can parse xml files", [], SkipReason: "XML: " + Parser),
        new("Can parse hocon files", [], SkipReason: "HOCON: " + Parser),
        new("Can parse vcl files", [], SkipReason: "VCL: " + Parser),
        new("Can parse jsonnet files", [], SkipReason: "Jsonnet: " + Parser),
        new("Can parse .dockerignore files", [], SkipReason: "ignore files: " + Parser),
        new("Can parse .gitignore files", [], SkipReason: "ignore files: " + Parser),
        new("Can parse cue files", [], SkipReason: "CUE: " + Parser),
        new("Can parse ini files", [], SkipReason: "INI: " + Parser),
        new("Can parse hcl files", [], SkipReason: "HCL2: " + Parser),
        new("Can parse properties files", [], SkipReason: "properties: " + Parser),
        new("Can parse stdin with parser flag", [], SkipReason: "INI from standard input: " + Parser),
        new("Using --parser should force the chosen parser and fail the rego policy", [], SkipReason: "--parser ini: " + Parser),
        new("Can combine configs and reference by file", [], SkipReason: "HCL1: " + Parser),
        new("Can parse docker files", [], SkipReason: "Dockerfile: " + Parser),
        new("Can disable color", ["-p", "examples/kubernetes/policy", "examples/kubernetes/service.yaml", "--no-color"], Status: 0, NotContains: ["[33m"]),
        new("Output results only once", ["-p", "examples/kubernetes/policy", "examples/kubernetes/deployment.yaml"], LineCount: 5),
        new("Can test a Jenkinsfile with the Groovy parser", [], SkipReason: "Groovy: " + Parser),
        new("Can test a safe Jenkinsfile", [], SkipReason: "Groovy: " + Parser),
        new("Can output tap format in test command", ["-p", "examples/kubernetes/policy/", "-o", "tap", "examples/kubernetes/deployment.yaml"], Contains: ["not ok"]),
        new("Can output table format in test command", ["-p", "examples/kubernetes/policy/", "-o", "table", "examples/kubernetes/deployment.yaml"], Contains: ["failure"]),
        new("Multi-file tests correctly fail when last file is fine", ["-p", "examples/kubernetes/policy", "examples/kubernetes/deployment.yaml", "examples/kubernetes/service.yaml"], Status: 1),
        new("Can load data along with rego policies", ["-p", "examples/data/policy", "-d", "examples/data/exclusions", "examples/data/service.yaml"], Status: 1, Contains: ["Cannot expose port"]),
        new("Can update policies in test command", [], SkipReason: "--update downloads policies; Palisade does not fetch from the network"),
        new("Can validate a docker-compose file that does not conform to the policy", ["-p", "examples/compose/policy", "examples/compose/docker-compose.yml", "--no-color"], Status: 1,
            Contains: ["2 tests, 0 passed, 0 warnings, 2 failures, 0 exceptions"]),
        new("Can validate a docker-compose file that conforms to the policy", ["-p", "examples/compose/policy", "examples/compose/docker-compose-valid.yml", "--no-color"], Status: 0,
            Contains: ["2 tests, 2 passed, 0 warnings, 0 failures, 0 exceptions"]),
        new("The number of tests run is accurate", ["-p", "examples/kubernetes/policy", "examples/kubernetes/service.yaml", "--no-color"], Status: 0,
            Lines: [(1, "5 tests, 4 passed, 1 warning, 0 failures, 0 exceptions")]),
        new("Exceptions reported correctly", ["-p", "examples/exceptions/policy", "examples/exceptions/deployments.yaml", "--no-color"], Status: 1,
            Lines: [(2, "2 tests, 0 passed, 0 warnings, 1 failure, 1 exception")]),
        new("Exceptions output", ["-p", "examples/exceptions/policy", "examples/exceptions/deployments.yaml", "--no-color"], Status: 1,
            Lines: [(1, "~EXCP - examples/exceptions/deployments.yaml - main - data.main.exception[_][_] == \"run_as_root\"")]),
        new("Suppress exceptions output", ["-p", "examples/exceptions/policy", "examples/exceptions/deployments.yaml", "--no-color", "--suppress-exceptions"], Status: 1,
            Lines: [(1, "2 tests, 0 passed, 0 warnings, 1 failure, 1 exception")]),
        new("Can combine yaml files", ["-p", "examples/combine/policy", "examples/combine/team.yaml", "examples/combine/user1.yaml", "examples/combine/user2.yaml", "--combine"], Status: 1,
            Contains: ["2 tests, 1 passed, 0 warnings, 1 failure"]),
        new("Combining multi-document yaml file has same result", ["-p", "examples/combine/policy", "examples/combine/team.yaml", "examples/combine/users.yaml", "--combine"], Status: 1,
            Contains: ["2 tests, 1 passed, 0 warnings, 1 failure"]),
        new("Can validate SPDX file", [], SkipReason: "SPDX: " + Parser),
        new("Can test cyclonedx against policy", [], SkipReason: "CycloneDX: " + Parser),
        new("Can parse .env files", [], SkipReason: "dotenv: " + Parser),
        new("Should fail if strict is set and there are unused variables in the policy", ["-p", "examples/strict-rules/policy/", "examples/kubernetes/deployment.yaml", "--strict"], Status: 1,
            // The bats test also expects "rego_compile_error: unused argument y"; Palisade.Rego follows OPA 1.x strict
            // mode, which does not report unused function arguments (see docs/checks.md).
            Contains: ["rego_compile_error: assigned var b unused", "rego_compile_error: assigned var x unused", "rego_compile_error: assigned var c unused"]),
        new("Should fail if an opa function is not defined given capabilities file", [], SkipReason: "--capabilities is not supported"),
        new("Should not show any output with quiet flag and all tests succeeds", ["-p", "examples/kubernetes/policy/deny.rego", "examples/kubernetes/deployment.yaml", "--quiet"], Status: 0, EmptyOutput: true),
        new("Should show output because of failure", ["-p", "examples/kubernetes/policy/", "examples/kubernetes/deployment.yaml", "--all-namespaces", "--quiet"], Status: 1,
            Contains: ["5 tests, 1 passed, 0 warnings, 4 failures, 0 exceptions"]),
        new("Should fail evaluation if a builtin function returns error", [], SkipReason: "--show-builtin-errors is not supported"),
        new("TextProto policy returns expected results", [], SkipReason: "TextProto: " + Parser),
        new("TextProto policy fails when the proto messages could not be resolved", [], SkipReason: "TextProto: " + Parser),
        new("Can parse files from a symlinked directory", [], SkipReason: "HCL2: " + Parser),
    ];
}
