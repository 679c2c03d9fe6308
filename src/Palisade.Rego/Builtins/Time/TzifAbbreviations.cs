using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Palisade.Rego.Builtins.Time;

/// <summary>
/// Zone abbreviations ("EST", "CEST") for Go's "MST" layout element. .NET does not expose them, so they are read
/// from the zone's TZif file (RFC 8536) in the system's zoneinfo directory, as Go itself reads them.
/// </summary>
internal static class TzifAbbreviations
{
    private sealed record LocalTimeType(int Offset, bool IsDst, string Abbreviation);

    private sealed record Zone(long[] Transitions, byte[] TypeIndices, LocalTimeType[] Types);

    private static readonly ConcurrentDictionary<string, Zone?> Zones = new(StringComparer.Ordinal);

    /// <summary>The abbreviation in force at the instant, given the offset and daylight flag .NET reports; null if unknown.</summary>
    public static string? Find(string zoneId, long unixSeconds, int offset, bool isDst)
    {
        var zone = Zones.GetOrAdd(zoneId, Load);
        if (zone is null)
        {
            return null;
        }

        // The type of the last transition at or before the instant, when it agrees with .NET's reading.
        var index = Array.BinarySearch(zone.Transitions, unixSeconds);
        index = index >= 0 ? index : ~index - 1;
        if (index >= 0 && zone.Types[zone.TypeIndices[index]] is { } current && current.Offset == offset)
        {
            return current.Abbreviation;
        }

        // Beyond the table (rules continue by the footer): the most recent type with this offset and flag.
        for (var i = zone.Transitions.Length - 1; i >= 0; i--)
        {
            var type = zone.Types[zone.TypeIndices[i]];
            if (type.Offset == offset && type.IsDst == isDst)
            {
                return type.Abbreviation;
            }
        }

        return zone.Types.FirstOrDefault(t => t.Offset == offset)?.Abbreviation;
    }

    private static Zone? Load(string zoneId)
    {
        var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
        var path = Path.Combine(directory, zoneId);
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Reads the 64-bit (version 2+) data block, or the version 1 block of old files.</summary>
    private static Zone? Parse(byte[] data)
    {
        if (data.Length < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f')
        {
            return null;
        }

        var version = data[4];
        var (block, timeSize) = (0, 4);
        if (version >= '2')
        {
            block = 44 + BlockLength(data, 0, 4);
            timeSize = 8;
        }

        var counts = Enumerable.Range(0, 6).Select(i => (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(block + 20 + 4 * i))).ToArray();
        var (timeCount, typeCount, charCount) = (counts[3], counts[4], counts[5]);
        var position = block + 44;
        var transitions = new long[timeCount];
        for (var i = 0; i < timeCount; i++, position += timeSize)
        {
            transitions[i] = timeSize == 8 ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(position)) : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
        }

        var indices = data.AsSpan(position, timeCount).ToArray();
        position += timeCount;
        var typesStart = position;
        var charsStart = typesStart + 6 * typeCount;
        var types = new LocalTimeType[typeCount];
        for (var i = 0; i < typeCount; i++)
        {
            var entry = data.AsSpan(typesStart + 6 * i, 6);
            var nameStart = charsStart + entry[5];
            var nameEnd = Array.IndexOf(data, (byte)0, nameStart, charCount - entry[5]);
            types[i] = new LocalTimeType(BinaryPrimitives.ReadInt32BigEndian(entry), entry[4] != 0, Encoding.ASCII.GetString(data, nameStart, (nameEnd < 0 ? charsStart + charCount : nameEnd) - nameStart));
        }

        return new Zone(transitions, indices, types);
    }

    /// <summary>The length of a data block, from its header's counts.</summary>
    private static int BlockLength(byte[] data, int header, int timeSize)
    {
        var c = Enumerable.Range(0, 6).Select(i => (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(header + 20 + 4 * i))).ToArray();
        var (isUtc, isStd, leap, time, type, chars) = (c[0], c[1], c[2], c[3], c[4], c[5]);
        return time * timeSize + time + type * 6 + chars + leap * (timeSize + 4) + isStd + isUtc;
    }
}
