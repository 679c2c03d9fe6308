using Palisade.Sandbox.Http;
using Palisade.Sandbox.Selection;
using Palisade.Sandbox.Storage;

namespace Palisade.Sandbox.Webhooks;

/// <summary>
/// The ValidatingAdmissionWebhook step of kube-apiserver: on every write, the webhooks of the stored
/// ValidatingWebhookConfigurations whose rules, namespaceSelector and objectSelector select it are called at once;
/// the first refusal (in configuration name and webhook order) refuses the write, and every webhook's warnings reach
/// the client.
/// </summary>
internal sealed class WebhookAdmission(ObjectStore store, ResourceCatalog catalog) : IWriteCheck
{
    private const string AdmissionRegistration = "admissionregistration.k8s.io";

    public async ValueTask<WriteRejection?> CheckAsync(WriteRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Webhook configurations are never sent to webhooks, so a broken webhook can always be removed.
        if (request.Resource.Group == AdmissionRegistration
            || catalog.Find(AdmissionRegistration, "v1", "validatingwebhookconfigurations") is not { } configurations)
        {
            return null;
        }

        var webhooks = store.List(configurations, null).Items
            .OrderBy(ObjectMeta.Name, StringComparer.Ordinal)
            .SelectMany(ValidatingWebhook.AllOf)
            .ToList();
        var selected = new List<ValidatingWebhook>();
        foreach (var webhook in webhooks)
        {
            try
            {
                if (Selects(webhook, request))
                {
                    selected.Add(webhook);
                }
            }
            catch (FormatException ex)
            {
                // kube-apiserver refuses such selectors when the configuration is written; the sandbox stores it as given.
                return WriteRejection.WithStatus(500, "InternalError", $"Internal error occurred: webhook \"{webhook.Name}\": invalid selector: {ex.Message}");
            }
        }

        var rejections = await Task.WhenAll(selected.Select(w => CallAsync(w, request, cancellation))).ConfigureAwait(false);
        return rejections.FirstOrDefault(r => r is not null);
    }

    private bool Selects(ValidatingWebhook webhook, WriteRequest request) =>
        webhook.Rules.Any(r => r.Matches(request))
        && NamespaceSelected(webhook, request)
        && ObjectSelected(webhook, request);

    /// <summary>
    /// The namespaceSelector is matched against the labels of the object's namespace; a Namespace is matched by its
    /// own labels, and other cluster-scoped objects are not subject to it.
    /// </summary>
    private bool NamespaceSelected(ValidatingWebhook webhook, WriteRequest request)
    {
        var selector = LabelSelectorSpec.Parse(webhook.NamespaceSelector);
        if (request.Resource.Group.Length == 0 && request.Resource.Plural == "namespaces")
        {
            return selector.Matches(ObjectMeta.Labels(request.Object ?? request.OldObject ?? []));
        }

        if (request.Namespace is not { } ns)
        {
            return true;
        }

        var namespaces = catalog.Find("", "v1", "namespaces")!;
        var labels = store.Get(namespaces, null, ns) is { } found ? ObjectMeta.Labels(found) : new Dictionary<string, string>();
        return selector.Matches(labels);
    }

    /// <summary>The objectSelector selects a write when it matches the new object or the old one.</summary>
    private static bool ObjectSelected(ValidatingWebhook webhook, WriteRequest request)
    {
        var selector = LabelSelectorSpec.Parse(webhook.ObjectSelector);
        return (request.Object is { } obj && selector.Matches(ObjectMeta.Labels(obj)))
            || (request.OldObject is { } old && selector.Matches(ObjectMeta.Labels(old)));
    }

    private static async Task<WriteRejection?> CallAsync(ValidatingWebhook webhook, WriteRequest request, CancellationToken cancellation)
    {
        if (request.DryRun && !webhook.AcceptsDryRun)
        {
            return WebhookDenial.DryRunUnsupported(webhook.Name);
        }

        var uid = Guid.NewGuid().ToString();
        try
        {
            var answer = await WebhookCall.PostAsync(webhook, AdmissionReviewBody.Create(request, uid), uid, cancellation).ConfigureAwait(false);
            foreach (var warning in answer.Warnings)
            {
                request.AddWarning(warning);
            }

            return answer.Allowed ? null : WebhookDenial.Denied(webhook.Name, answer.Status);
        }
        catch (WebhookCallException ex)
        {
            // failurePolicy Ignore admits the write, silently as kube-apiserver does (it only logs and annotates).
            return webhook.FailOpen ? null : WebhookDenial.CallFailed(webhook.Name, ex.Message);
        }
    }
}
