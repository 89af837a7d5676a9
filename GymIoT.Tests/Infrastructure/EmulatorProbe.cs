using System.Diagnostics;
using Aspire.Hosting;
using GymIoT.TestSupport;

namespace GymIoT.Tests.Infrastructure;

/// <summary>Runs scripts in an embedded emulator's own Node.js, to check the emulator's code as the AppHost starts it.</summary>
public static class EmulatorProbe
{
    /// <summary>Runs the emulator's Node.js, in its directory and with its preloads, on <paramref name="arguments"/>; returns what it printed.</summary>
    public static async Task<string> RunBesideEmulatorAsync(this DistributedApplication app, string resource, params string[] arguments)
    {
        var pid = app.ProcessIdOf(resource);
        var commandLine = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var probe = new ProcessStartInfo(commandLine[0])
        {
            WorkingDirectory = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: true)!.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        for (var i = 1; i + 1 < commandLine.Length && commandLine[i] == "-r"; i += 2)
        {
            probe.ArgumentList.Add("-r");
            probe.ArgumentList.Add(commandLine[i + 1]);
        }
        foreach (var argument in arguments)
        {
            probe.ArgumentList.Add(argument);
        }

        using var node = Process.Start(probe)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        return output;
    }
}
