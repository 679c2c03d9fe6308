using System.Security.Cryptography;

namespace Palisade.GitOps.Source;

/// <summary>
/// A GNUPGHOME of its own, removed after use. It lives in a short folder because gpg-agent's socket path must fit
/// the 108 bytes of a Unix socket address, which a deep TMPDIR would exceed.
/// </summary>
internal sealed class GpgKeyring : IDisposable
{
    private GpgKeyring(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public static GpgKeyring Create()
    {
        var parent = Path.GetTempPath().Length <= 40 ? Path.GetTempPath() : "/tmp";
        var directory = Path.Combine(parent, "palisade-gpg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            // gpg refuses, or warns about, a home that others can read.
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new GpgKeyring(directory);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // An agent that gpg started may still be removing its socket; a stale empty keyring in /tmp does no harm.
        }
    }
}
