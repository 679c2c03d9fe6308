namespace Palisade.Sandbox;

/// <summary>Why an admission check refuses a write: the HTTP code (403 Forbidden or 422 Invalid) and the message of the Status the client gets.</summary>
public sealed record WriteRejection
{
    private WriteRejection(int code, string reason, string message)
    {
        Code = code;
        Reason = reason;
        Message = message;
    }

    public int Code { get; }

    public string Reason { get; }

    public string Message { get; }

    /// <summary>403 Forbidden, what a denying validating webhook gets the client.</summary>
    public static WriteRejection Forbidden(string message) => new(403, "Forbidden", message);

    /// <summary>422 Invalid, for an object that is not acceptable as written.</summary>
    public static WriteRejection Invalid(string message) => new(422, "Invalid", message);
}
