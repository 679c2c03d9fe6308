namespace Palisade.Sandbox;

/// <summary>Why an admission check refuses a write: the HTTP code, reason and message of the Status the client gets.</summary>
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

    /// <summary>Any failure status (code 400 to 599), such as the one a denying webhook chose or 500 InternalError for one that could not be called.</summary>
    public static WriteRejection WithStatus(int code, string reason, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(message);
        return new(code, reason, message);
    }
}
