using System.Net;
using System.Net.Sockets;

namespace Palisade.Testing;

internal static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on at the moment of the call: free to take, or to be refused on.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
