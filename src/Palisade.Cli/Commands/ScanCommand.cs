using System.CommandLine;
using Palisade.Admission;
using Palisade.Admission.Scan;
using Palisade.Kube.Cluster;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;
using Palisade.Policy.Gatekeeper;
using Palisade.Policy.Reporting;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade scan</c>: the objects already in the cluster, checked against the rules <c>palisade test</c> checks, with
/// its output formats and exit codes, as Gatekeeper's audit reports what the webhook did not (or could not yet) stop.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var policy = new Option<string[]>("--policy", "-p") { Description = "Policy (.rego) files or folders (default: policy, unless only --templates is given)." };
        var templates = new Option<string?>("--templates") { Description = "Folder of Gatekeeper ConstraintTemplates and Constraints (YAML), evaluated as Gatekeeper's audit does." };
        var shared = new CheckOptions();
        var (data, ns, allNamespaces, output) = (shared.Data, shared.Namespace, shared.AllNamespaces, shared.Output);
        var kind = new Option<string[]>("--kind") { Description = "A kind to scan, as group/Kind (repeatable; default: NetworkPolicy and the Calico policy, set and tier kinds)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "kubeconfig of the cluster (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account)." };
        var (regoVersion, v0, failOnWarn, noFail) = (shared.RegoVersion, shared.V0Compatible, shared.FailOnWarn, shared.NoFail);
        var command = new Command("scan", "Check the objects already in the cluster against the rules palisade test checks and Gatekeeper constraints, as Gatekeeper's audit does.")
        {
            policy, templates, data, ns, allNamespaces, output, kind, kubeconfig, regoVersion, v0, failOnWarn, noFail,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            try
            {
                var kinds = Kinds(result.GetValue(kind));
                var templatesDir = result.GetValue(templates);
                var policies = result.GetValue(policy) is { Length: > 0 } given ? given : templatesDir is null ? ["policy"] : [];
                var options = new ConftestOptions
                {
                    Policies = policies,
                    Data = result.GetValue(data) ?? [],
                    Namespaces = result.GetRequiredValue(ns),
                    AllNamespaces = result.GetValue(allNamespaces),
                    RegoVersion = result.GetValue(v0) || result.GetRequiredValue(regoVersion) == "v0" ? RegoVersion.V0 : RegoVersion.V1,
                };
                var rules = new ScanRules(
                    policies.Length > 0 ? ConftestPolicy.Load(options, new ManifestReader()) : null,
                    options,
                    templatesDir is null ? [] : ConstraintSet.Load(templatesDir));
                var cluster = new ClusterClient(SyncArguments.Cluster(result.GetValue(kubeconfig)));
                var scan = await ClusterScan.RunAsync(cluster, kinds, rules, cancellation).ConfigureAwait(false);
                foreach (var unserved in scan.Unserved)
                {
                    stderr.WriteLine($"scan: the cluster does not serve {unserved.ApiVersion} {unserved.Kind}; skipped");
                }

                Reporters.ByName(result.GetRequiredValue(output), new ReporterOptions())!.Write(scan.Run.Report, stdout);
                return scan.Run.Report.ExitCode(result.GetValue(failOnWarn), result.GetValue(noFail));
            }
            catch (Exception ex) when (ex is ArgumentException or ConftestException or GatekeeperException or PolicyLoadException or ManifestException or InvalidDataException or RegoParseException or RegoException
                or ClusterException or IOException or k8s.Exceptions.KubeConfigException)
            {
                stderr.WriteLine("Error: " + (ex is RegoException rego ? rego.ToString() : ex.Message));
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static IReadOnlyList<ResourceType> Kinds(string[]? names) => names is not { Length: > 0 }
        ? ResourceTypes.NetworkSecurity
        : names.Select(name => ResourceTypes.Known.TryGetValue(name, out var type)
            ? type
            : throw new ArgumentException($"--kind {name}: unknown kind; known kinds are {string.Join(", ", ResourceTypes.Known.Keys.Order(StringComparer.Ordinal))}")).ToList();
}
