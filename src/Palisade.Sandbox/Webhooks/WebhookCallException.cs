namespace Palisade.Sandbox.Webhooks;

/// <summary>A webhook that could not be called or answered what is not an AdmissionReview response; its failurePolicy decides.</summary>
internal sealed class WebhookCallException(string message) : Exception(message);
