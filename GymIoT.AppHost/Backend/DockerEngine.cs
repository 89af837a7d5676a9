using System.Diagnostics;

namespace GymIoT.AppHost.Backend;

/// <summary>Asks the Docker CLI whether an engine answers.</summary>
public static class DockerEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static bool IsAvailable()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }
            _ = docker.StandardOutput.ReadToEndAsync();
            _ = docker.StandardError.ReadToEndAsync();
            if (!docker.WaitForExit(ProbeTimeout))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
