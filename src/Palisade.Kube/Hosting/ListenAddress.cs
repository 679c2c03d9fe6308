using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Palisade.Kube.Hosting;

/// <summary>
/// Reads the address a Palisade server listens on in a cluster (the controller's <c>--metrics-addr</c>, the webhook's
/// <c>--addr</c>): <c>host:port</c>, <c>:port</c> (every IPv4 interface), <c>[::1]:port</c>; port 0 asks the system for
/// any free port. The host is an IP address or <c>localhost</c>: names are not resolved, so what is bound never
/// depends on DNS at start-up.
/// </summary>
public static class ListenAddress
{
    /// <summary>The endpoint; an ArgumentException <c>invalid {what} '{address}': …</c> says what is wrong.</summary>
    public static IPEndPoint Parse(string address, string what) =>
        TryParse(address, out var endpoint, out var why) ? endpoint : throw new ArgumentException($"invalid {what} '{address}': {why}");

    public static bool TryParse(string address, [NotNullWhen(true)] out IPEndPoint? endpoint, [NotNullWhen(false)] out string? why)
    {
        ArgumentNullException.ThrowIfNull(address);
        endpoint = null;
        var colon = address.LastIndexOf(':');
        if (colon < 0)
        {
            why = "expected HOST:PORT or :PORT";
            return false;
        }

        var host = address[..colon];
        var portText = address[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            why = $"port '{portText}' is not a number from 0 to {IPEndPoint.MaxPort}";
            return false;
        }

        if (Host(host) is not { } ip)
        {
            why = $"host '{host}' is not an IP address (IPv6 in brackets) or localhost";
            return false;
        }

        endpoint = new IPEndPoint(ip, port);
        why = null;
        return true;
    }

    private static IPAddress? Host(string host)
    {
        if (host.Length == 0)
        {
            return IPAddress.Any;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        // An IPv6 address needs brackets, or its own colons would be read as the port separator.
        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        var literal = bracketed ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var ip) && bracketed == (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) ? ip : null;
    }
}
