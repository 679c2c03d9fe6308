using System.CommandLine;
using Palisade.Admission;
using Palisade.Admission.Inventory;
using Palisade.Admission.Server;
using Palisade.Kube.Cluster;
using Palisade.Kube.Hosting;
using Palisade.Policy.Verification;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>palisade webhook --policy DIR --tls-cert FILE --tls-key FILE</c>: a validating admission webhook enforcing the
/// rules <c>palisade test</c> checks, until Ctrl-C or SIGTERM; <c>palisade webhook config</c> prints its registration.
/// </summary>
internal static class WebhookCommand
{
    public static Command Create()
    {
        var policy = new Option<string?>("--policy", "-p") { Description = "Folder of conftest policies (.rego), checked as palisade test checks them." };
        var templates = new Option<string?>("--templates") { Description = "Folder of Gatekeeper ConstraintTemplates and Constraints (YAML), enforced as Gatekeeper does." };
        var ns = new Option<string[]>("--namespace", "-n") { Description = "Rego namespaces to check; glob patterns as in palisade test.", DefaultValueFactory = _ => ["main"] };
        var allNamespaces = new Option<bool>("--all-namespaces") { Description = "Check every namespace the policies declare." };
        var input = new Option<string>("--input") { Description = "What rules see as input: the object (object), or the whole AdmissionReview (review).", DefaultValueFactory = _ => "object" };
        input.AcceptOnlyFromAmong("object", "review");
        var cert = new Option<string?>("--tls-cert") { Description = "PEM serving certificate (reloaded when it changes)." };
        var key = new Option<string?>("--tls-key") { Description = "PEM private key of the certificate." };
        var addr = new Option<string>("--addr") { Description = "HOST:PORT to listen on.", DefaultValueFactory = _ => "0.0.0.0:8443" };
        var failurePolicy = FailurePolicyOption("What a rule that errs or times out decides: fail (deny) or ignore (allow with a warning).");
        var timeout = new Option<string>("--timeout") { Description = "Longest the rules of one request may take (keep it below the webhook's timeoutSeconds).", DefaultValueFactory = _ => "2s" };
        var strictBuiltins = new Option<bool>("--strict-builtin-errors") { Description = "A builtin error fails the rule (the failure policy decides) instead of making it undefined." };
        var inventoryKubeconfig = new Option<string?>("--inventory-kubeconfig") { Description = "Kubeconfig of the cluster whose objects of the --sync kinds fill data.inventory and serve namespaceSelector." };
        var sync = new Option<string[]>("--sync") { Description = "Kind to list and watch into the inventory, as group/version/Kind (v1/Namespace for the core group); repeatable." };
        var command = new Command("webhook", "Serve a validating admission webhook that enforces the policies palisade test checks.")
        {
            policy, templates, ns, allNamespaces, input, cert, key, addr, failurePolicy, timeout, strictBuiltins, inventoryKubeconfig, sync, ConfigCommand(),
        };
        command.SetAction(async (result, cancellation) =>
        {
            var stderr = result.InvocationConfiguration.Error;
            var addressRead = ListenAddress.TryParse(result.GetRequiredValue(addr), out var address, out var addressProblem);
            var limit = GoDuration.Parse(result.GetRequiredValue(timeout));
            string? problem = (result.GetValue(policy), result.GetValue(templates), result.GetValue(cert), result.GetValue(key)) switch
            {
                (null, null, _, _) => "--policy or --templates is required",
                (_, _, null, _) => "--tls-cert is required",
                (_, _, _, null) => "--tls-key is required",
                _ when !addressRead => $"--addr {result.GetValue(addr)}: {addressProblem}",
                _ when limit is null || limit <= TimeSpan.Zero => $"--timeout {result.GetValue(timeout)}: not a positive duration such as 2s or 500ms",
                _ when result.GetValue(sync) is { Length: > 0 } && result.GetValue(inventoryKubeconfig) is null => "--sync needs --inventory-kubeconfig: the kinds are read from that cluster",
                _ => null,
            };
            var syncKinds = new List<ResourceType>();
            foreach (var text in problem is null ? result.GetValue(sync) ?? [] : [])
            {
                var kind = SyncedKinds.Parse(text, out var kindProblem);
                if (kind is null)
                {
                    problem = kindProblem;
                    break;
                }

                syncKinds.Add(kind);
            }

            if (problem is not null)
            {
                await stderr.WriteLineAsync("webhook: " + problem).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var options = new WebhookOptions
            {
                Sources = new PolicySources
                {
                    PolicyDir = result.GetValue(policy),
                    TemplatesDir = result.GetValue(templates),
                    Namespaces = result.GetRequiredValue(ns),
                    AllNamespaces = result.GetValue(allNamespaces),
                },
                Evaluation = new EvaluationSettings
                {
                    Input = result.GetRequiredValue(input) == "review" ? InputMode.Review : InputMode.Object,
                    FailurePolicy = ParseFailurePolicy(result.GetRequiredValue(failurePolicy)),
                    Timeout = limit!.Value,
                    StrictBuiltinErrors = result.GetValue(strictBuiltins),
                },
                TlsCertFile = result.GetValue(cert)!,
                TlsKeyFile = result.GetValue(key)!,
                Address = address!,
                InventoryKubeconfig = result.GetValue(inventoryKubeconfig),
                SyncKinds = syncKinds,
            };
            return await Serve(options, stderr, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> Serve(WebhookOptions options, TextWriter stderr, CancellationToken cancellation)
    {
        WebhookServer server;
        try
        {
            server = await WebhookServer.StartAsync(options, cancellation: cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PolicyLoadException or CertificateLoadException or InventoryKubeconfigException or IOException)
        {
            await stderr.WriteLineAsync("webhook: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop taking requests and finish the ones in flight.
            }
        }

        return ExitCodes.Success;
    }

    private static Command ConfigCommand()
    {
        var serviceName = new Option<string?>("--service-name") { Description = "Name of the Service in front of the webhook." };
        var serviceNamespace = new Option<string?>("--service-namespace") { Description = "Namespace of that Service." };
        var url = new Option<string?>("--url") { Description = "https URL the API server posts to instead of a Service (clientConfig.url), e.g. a webhook beside the sandbox." };
        var caBundle = new Option<string?>("--ca-bundle") { Description = "PEM file of the CA that signed the serving certificate (written base64 as caBundle)." };
        var failurePolicy = FailurePolicyOption("What the API server does when the webhook cannot be reached: fail (reject) or ignore (admit).");
        var timeoutSeconds = new Option<int>("--timeout-seconds") { Description = "How long the API server waits for the webhook (1 to 30).", DefaultValueFactory = _ => 5 };
        var kinds = new Option<string[]>("--kinds") { Description = "Kinds to police as group/Kind (default: Kubernetes and Calico network policy kinds).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("config", "Print the ValidatingWebhookConfiguration that registers the webhook.")
        {
            serviceName, serviceNamespace, url, caBundle, failurePolicy, timeoutSeconds, kinds,
        };
        command.SetAction(result =>
        {
            var stderr = result.InvocationConfiguration.Error;
            var seconds = result.GetValue(timeoutSeconds);
            string? target = (result.GetValue(url), result.GetValue(serviceName), result.GetValue(serviceNamespace)) switch
            {
                (null, null, _) or (null, _, null) => "--service-name and --service-namespace, or --url, are required",
                ({ }, not null, _) or ({ }, _, not null) => "--url cannot be given with --service-name or --service-namespace",
                ({ } given, _, _) when !Uri.TryCreate(given, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps => $"--url {given}: the API server calls webhooks only over https",
                _ => null,
            };
            if (target is not null)
            {
                stderr.WriteLine("webhook config: " + target);
                return ExitCodes.Failure;
            }

            if (seconds is < 1 or > 30)
            {
                stderr.WriteLine($"webhook config: --timeout-seconds {seconds}: the API server accepts 1 to 30");
                return ExitCodes.Failure;
            }

            var policed = new List<PolicedKind>();
            foreach (var text in result.GetValue(kinds) ?? [])
            {
                if (PolicedKind.Parse(text) is not { } kind)
                {
                    stderr.WriteLine($"webhook config: --kinds {text}: not group/Kind, such as projectcalico.org/NetworkPolicy");
                    return ExitCodes.Failure;
                }

                policed.Add(kind);
            }

            byte[]? ca = null;
            if (result.GetValue(caBundle) is { } caFile)
            {
                try
                {
                    ca = File.ReadAllBytes(caFile);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"webhook config: {caFile}: {ex.Message}");
                    return ExitCodes.Failure;
                }
            }

            result.InvocationConfiguration.Output.Write(WebhookConfiguration.Render(new WebhookConfigurationSettings
            {
                ServiceName = result.GetValue(serviceName),
                ServiceNamespace = result.GetValue(serviceNamespace),
                Url = result.GetValue(url),
                CaBundle = ca,
                FailurePolicy = ParseFailurePolicy(result.GetRequiredValue(failurePolicy)),
                TimeoutSeconds = seconds,
                Kinds = policed.Count > 0 ? policed : PolicedKind.Defaults,
            }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> FailurePolicyOption(string description)
    {
        var option = new Option<string>("--failure-policy") { Description = description, DefaultValueFactory = _ => "fail" };
        option.AcceptOnlyFromAmong("fail", "ignore", "Fail", "Ignore");
        return option;
    }

    private static FailurePolicy ParseFailurePolicy(string text) =>
        text.Equals("ignore", StringComparison.OrdinalIgnoreCase) ? FailurePolicy.Ignore : FailurePolicy.Fail;
}
