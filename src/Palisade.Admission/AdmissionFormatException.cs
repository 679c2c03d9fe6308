namespace Palisade.Admission;

/// <summary>A request body that is not a well-formed <c>admission.k8s.io/v1</c> AdmissionReview; answered with 400.</summary>
public sealed class AdmissionFormatException(string message) : Exception(message);
