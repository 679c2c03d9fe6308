using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Webhooks;

/// <summary>
/// Posts an AdmissionReview to a webhook's <c>clientConfig.url</c> over HTTPS, trusting exactly its caBundle (the
/// system's roots when it has none), within its timeoutSeconds. Every failure is a <see cref="WebhookCallException"/>
/// worded as kube-apiserver words it.
/// </summary>
internal static class WebhookCall
{
    public static async Task<WebhookAnswer> PostAsync(ValidatingWebhook webhook, JsonObject review, string uid, CancellationToken cancellation)
    {
        var url = Address(webhook);
        if (!webhook.AdmissionReviewVersions.Contains("v1"))
        {
            throw new WebhookCallException($"webhook does not accept v1 AdmissionReview (admissionReviewVersions: [{string.Join(", ", webhook.AdmissionReviewVersions)}])");
        }

        using var handler = new SocketsHttpHandler();
        if (TrustedRoots(webhook.CaBundle) is { } roots)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
        }

        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(webhook.Timeout);
        using var content = new StringContent(review.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string body;
        try
        {
            using var response = await client.SendAsync(message, deadline.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookCallException($"the server responded with the status code {(int)response.StatusCode}: {FirstLine(body)}");
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{url}\": context deadline exceeded");
        }
        catch (HttpRequestException ex)
        {
            throw new WebhookCallException($"failed to call webhook: Post \"{url}\": {Messages(ex)}");
        }

        try
        {
            return WebhookAnswer.Read(JsonNode.Parse(body), uid);
        }
        catch (JsonException ex)
        {
            throw new WebhookCallException($"received invalid webhook response: {ex.Message}");
        }
    }

    /// <summary>The URL posted to: clientConfig.url with the timeout kube-apiserver adds as a query parameter.</summary>
    private static Uri Address(ValidatingWebhook webhook)
    {
        if (webhook.Url is null)
        {
            // The sandbox has no Services or endpoints to resolve one to, so such a webhook is unreachable here.
            throw new WebhookCallException(webhook.Service is { } service
                ? $"clientConfig.service {service} has no address in the sandbox, which calls webhooks only by clientConfig.url"
                : "clientConfig has neither url nor service");
        }

        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookCallException($"clientConfig.url {webhook.Url}: not an https URL");
        }

        var timeout = string.Create(CultureInfo.InvariantCulture, $"timeout={(int)webhook.Timeout.TotalSeconds}s");
        var query = url.Query.TrimStart('?');
        return new UriBuilder(url) { Query = query.Length == 0 ? timeout : query + "&" + timeout }.Uri;
    }

    /// <summary>The certificates of the base64 PEM caBundle; null when there is none, so that the system's roots are trusted.</summary>
    private static X509Certificate2Collection? TrustedRoots(string? caBundle)
    {
        if (string.IsNullOrEmpty(caBundle))
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundle)));
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new WebhookCallException($"unable to load root certificates: {ex.Message}");
        }

        return roots.Count > 0 ? roots : throw new WebhookCallException("unable to load root certificates: unable to parse bytes as PEM block");
    }

    private static string Messages(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(": ", messages);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
