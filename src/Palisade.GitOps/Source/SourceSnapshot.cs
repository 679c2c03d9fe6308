using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.GitOps.Source;

/// <summary>The files of one revision below the source path, and a digest that changes when any of them does.</summary>
public sealed record SourceSnapshot
{
    public SourceSnapshot(ImmutableSortedDictionary<string, ImmutableArray<byte>> files)
    {
        Files = files.WithComparers(StringComparer.Ordinal);
        Digest = DigestOf(Files);
    }

    /// <summary>Forward-slash paths relative to the source path, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Files { get; }

    /// <summary>"sha256:&lt;hex&gt;" over every path and content, each length-prefixed so that no two snapshots collide by concatenation.</summary>
    public string Digest { get; }

    private static string DigestOf(ImmutableSortedDictionary<string, ImmutableArray<byte>> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, content) in files)
        {
            var name = Encoding.UTF8.GetBytes(path);
            BinaryPrimitives.WriteInt64BigEndian(length, name.Length);
            hash.AppendData(length);
            hash.AppendData(name);
            BinaryPrimitives.WriteInt64BigEndian(length, content.Length);
            hash.AppendData(length);
            hash.AppendData(content.AsSpan());
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
