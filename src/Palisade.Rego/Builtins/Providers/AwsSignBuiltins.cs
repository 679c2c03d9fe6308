using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Palisade.Rego.Builtins.Jwt;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Providers;

/// <summary>
/// <c>providers.aws.sign_req</c>: signs an <c>http.send</c> request object with AWS Signature Version 4, returning the
/// request with its headers extended by Authorization and the x-amz-* headers.
/// </summary>
internal static class AwsSignBuiltins
{
    private static readonly RegoType Json = RegoType.ObjectOf(RegoType.String, RegoType.Any);

    private static readonly string[] RequiredConfig = ["aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"];

    /// <summary>The request keys <c>http.send</c> accepts.</summary>
    private static readonly HashSet<string> RequestKeys = new(StringComparer.Ordinal)
    {
        "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body", "timeout",
        "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
        "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
        "tls_client_key_env_variable", "tls_server_name", "tls_insecure_skip_verify", "cache", "force_cache",
        "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts", "cache_ignored_headers",
    };

    /// <summary>Headers a proxy may change on the way, left out of the signature as the AWS SDK does.</summary>
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.Ordinal) { "authorization", "user-agent", "x-amzn-trace-id" };

    public static IEnumerable<BuiltinFunction> Functions() =>
    [
        new("providers.aws.sign_req", FunctionSignature.Of(Json, Json, Json, RegoType.Number), SignRequest),
    ];

    private static Value SignRequest(BuiltinContext context, ReadOnlySpan<Value> arguments)
    {
        var request = Operands.Object(arguments, 0);
        var config = arguments[1] as ObjectValue ?? throw Operands.Mismatch(0, "object", arguments[1]);
        CheckKeys(2, "AWS config", config, RequiredConfig);
        var time = arguments[2] as NumberValue ?? throw Operands.Mismatch(0, "number", arguments[2]);
        if (!Operands.TryGetInt64Text(time, out var nanos))
        {
            throw new BuiltinTypeException("operand 3 could not convert time_ns value into a unix timestamp");
        }

        var unknown = request.Keys.ToArray().Where(k => k is not StringValue s || !RequestKeys.Contains(s.Value)).ToArray();
        if (unknown.Length > 0)
        {
            throw new BuiltinTypeException($"operand 1 invalid request parameters(s): {SetValue.Of(unknown)}");
        }

        CheckKeys(1, "request", request, ["method", "url"]);
        var headers = ObjectValue.Empty;
        if (request.TryGetValue("headers", out var headersValue))
        {
            headers = headersValue as ObjectValue ?? throw new BuiltinTypeException($"operand 0 must be object but got {headersValue.TypeName}");
        }

        var url = Text(request, "url");
        var method = Text(request, "method");
        var disablePayloadSigning = false;
        if (config.TryGetValue("disable_payload_signing", out var disable))
        {
            disablePayloadSigning = disable is BooleanValue flag ? flag.Value : throw new BuiltinTypeException("operand 2 invalid value for 'disable_payload_signing' in AWS config");
        }

        byte[] body = request.TryGetValue("raw_body", out var raw) ? Encoding.UTF8.GetBytes(Text(raw))
            : request.TryGetValue("body", out var json) ? Encoding.UTF8.GetBytes(Encodings.GoJsonWriter.Write(json))
            : [];

        var credentials = new AwsCredentials(Text(config, "aws_access_key"), Text(config, "aws_secret_access_key"), Text(config, "aws_region"), config.TryGetValue("aws_session_token", out var token) ? Text(token) : "");
        var requestHeaders = headers.Entries.Select(e => (Name: Text(e.Key), Value: Text(e.Value))).ToList();
        var at = DateTimeOffset.UnixEpoch.AddTicks(nanos / 100);
        var (authorization, awsHeaders) = SignV4(requestHeaders, method, url, body, Text(config, "aws_service"), credentials, at, disablePayloadSigning);

        var signed = requestHeaders.Select(h => new KeyValuePair<Value, Value>(StringValue.Of(h.Name), StringValue.Of(h.Value)))
            .Append(new(StringValue.Of("Authorization"), StringValue.Of(authorization)))
            .Concat(awsHeaders.Select(h => new KeyValuePair<Value, Value>(StringValue.Of(h.Key), StringValue.Of(h.Value))));
        return ObjectValue.Of(request.Entries.Where(e => !e.Key.Equals(StringValue.Of("headers")))
            .Append(new(StringValue.Of("headers"), ObjectValue.Of(signed))));
    }

    private sealed record AwsCredentials(string AccessKey, string SecretKey, string Region, string SessionToken);

    /// <summary>Signature Version 4 (AWS general reference, "Signing AWS API requests").</summary>
    private static (string Authorization, SortedDictionary<string, string> AwsHeaders) SignV4(
        List<(string Name, string Value)> headers, string method, string url, byte[] body, string service, AwsCredentials credentials, DateTimeOffset at, bool disablePayloadSigning)
    {
        var (host, path, query) = SplitUrl(url);
        var payloadHash = disablePayloadSigning ? "UNSIGNED-PAYLOAD" : Hex(SHA256.HashData(body));
        var date = at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var timestamp = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        var awsHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = host, ["x-amz-date"] = timestamp };
        if (service is "s3" or "glacier")
        {
            // Only S3 and Glacier want the payload hash as a header.
            awsHeaders["x-amz-content-sha256"] = payloadHash;
        }

        if (credentials.SessionToken.Length > 0)
        {
            awsHeaders["x-amz-security-token"] = credentials.SessionToken;
        }

        var toSign = new SortedDictionary<string, string>(awsHeaders, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (!IgnoredHeaders.Contains(lower))
            {
                toSign[lower] = value;
            }
        }

        var signedHeaders = string.Join(";", toSign.Keys);
        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(path).Append('\n')
            .Append(query).Append('\n');
        foreach (var (name, value) in toSign)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        var scope = $"{date}/{credentials.Region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Mac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Mac(key, credentials.Region);
        key = Mac(key, service);
        key = Mac(key, "aws4_request");
        var signature = Hex(Mac(key, stringToSign));
        return ($"AWS4-HMAC-SHA256 Credential={credentials.AccessKey}/{scope},SignedHeaders={signedHeaders},Signature={signature}", awsHeaders);
    }

    /// <summary>Host (with port), escaped path and raw query of a URL, as Go's url.URL gives them.</summary>
    private static (string Host, string Path, string Query) SplitUrl(string url)
    {
        var rest = url;
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        rest = fragment >= 0 ? rest[..fragment] : rest;
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : "";
        rest = queryStart >= 0 ? rest[..queryStart] : rest;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return ("", rest, query);
        }

        rest = rest[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[slash..] : "";
        var at = authority.LastIndexOf('@');
        return (at >= 0 ? authority[(at + 1)..] : authority, path, query);
    }

    /// <summary>OPA's checks of required keys: first that all are present, then that all are strings.</summary>
    private static void CheckKeys(int operand, string what, ObjectValue value, string[] required)
    {
        var missing = required.Where(k => !value.ContainsKey(StringValue.Of(k))).Select(k => (Value)StringValue.Of(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new BuiltinTypeException($"operand {operand} missing required {what} parameters(s): {SetValue.Of(missing)}");
        }

        var invalid = required.Where(k => value.TryGetValue(k, out var v) && v is not StringValue).Select(k => (Value)StringValue.Of(k)).ToArray();
        if (invalid.Length > 0)
        {
            throw new BuiltinTypeException($"operand {operand} invalid values for required {what} parameters(s): {SetValue.Of(invalid)}");
        }
    }

    private static string Text(ObjectValue value, string key) => value.TryGetValue(key, out var v) ? Text(v) : "";

    private static string Text(Value value) => value is StringValue s ? s.Value : "";

    private static byte[] Mac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
