using System.Globalization;
using System.Net;

namespace Palisade.GitOps.Metrics;

/// <summary>
/// Reads a listen address as the controller's <c>--metrics-addr</c> takes it: <c>host:port</c>, <c>:port</c> (every
/// IPv4 interface), <c>[::1]:port</c>; port 0 asks the system for any free port. The host is an IP address or
/// <c>localhost</c>: names are not resolved, so what is bound never depends on DNS at start-up.
/// </summary>
internal static class MetricsAddress
{
    public static IPEndPoint Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var colon = address.LastIndexOf(':');
        if (colon < 0)
        {
            throw Invalid(address, "expected HOST:PORT or :PORT");
        }

        var host = address[..colon];
        var portText = address[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw Invalid(address, $"port '{portText}' is not a number from 0 to {IPEndPoint.MaxPort}");
        }

        return new IPEndPoint(Host(address, host), port);
    }

    private static IPAddress Host(string address, string host)
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
        if (IPAddress.TryParse(literal, out var ip) && (bracketed == (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)))
        {
            return ip;
        }

        throw Invalid(address, $"host '{host}' is not an IP address (IPv6 in brackets) or localhost");
    }

    private static ArgumentException Invalid(string address, string why) =>
        new($"invalid metrics address '{address}': {why}");
}
