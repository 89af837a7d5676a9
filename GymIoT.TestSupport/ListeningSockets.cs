using System.Globalization;
using System.Net;

namespace GymIoT.TestSupport;

/// <summary>Reads the operating system's socket table (<c>/proc/net/tcp</c>, <c>/proc/net/tcp6</c>) for the listening sockets of a process.</summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    public static IReadOnlyList<IPEndPoint> OfProcess(int pid)
    {
        var inodes = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target["socket:[".Length..^1])
            .ToHashSet();

        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[3] == ListenState && inodes.Contains(fields[9]))
            .Select(fields => Parse(fields[1]))
            .ToList();
    }

    private static IPEndPoint Parse(string hexAddressAndPort)
    {
        var (hexAddress, hexPort) = (hexAddressAndPort.Split(':')[0], hexAddressAndPort.Split(':')[1]);
        var bytes = Convert.FromHexString(hexAddress);
        // The kernel prints each 32-bit word of the address in host (little-endian) order.
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPEndPoint(new IPAddress(bytes), int.Parse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
