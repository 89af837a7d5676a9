using System.Diagnostics;
using System.Text.RegularExpressions;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>
/// The preloads that patch the emulators' internals. Each was written against one version: an upgrade could have fixed
/// the defect or moved what the patch reaches into, and the emulator would have run with a patch that did nothing.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
public sealed partial class EmulatorPatchTests
{
    private static string Emulators => Path.Combine(Repository.Root, "emulators");

    public static TheoryData<string, string, string> VersionedPatches => new()
    {
        { "cache-dynalite-expressions.cjs", "dynalite", "4.0.0" },
        { "close-dynalite-iterators.cjs", "dynalite", "4.0.0" },
        { "range-dynalite-key-streams.cjs", "dynalite", "4.0.0" },
        { "size-dynalite-write-buffer.cjs", "dynalite", "4.0.0" },
        { "keep-fauxqs-receive-counts.cjs", "fauxqs", "2.4.1" },
        { "skip-abandoned-fauxqs-receives.cjs", "fauxqs", "2.4.1" },
        { "sync-fauxqs-at-checkpoints.cjs", "fauxqs", "2.4.1" },
    };

    [Theory]
    [MemberData(nameof(VersionedPatches))]
    public async Task A_patch_refuses_another_version_of_its_emulator_and_names_both(string patch, string emulator, string version)
    {
        // The patch beside an emulator of another version, as an upgrade would leave it.
        var folder = Directory.CreateTempSubdirectory("gymiot-patch-").FullName;
        File.Copy(Path.Combine(Emulators, patch), Path.Combine(folder, patch));
        File.Copy(Path.Combine(Emulators, "patched-version.cjs"), Path.Combine(folder, "patched-version.cjs"));
        Directory.CreateDirectory(Path.Combine(folder, "node_modules", emulator));
        await File.WriteAllTextAsync(Path.Combine(folder, "node_modules", emulator, "package.json"), "{\"version\": \"99.0.0\"}");

        var (exitCode, errors) = await NodeAsync(folder, "-r", $"./{patch}", "-e", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{patch} patches {emulator} {version}, but {emulator} 99.0.0 is installed", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(VersionedPatches))]
    public void The_pinned_emulator_is_the_version_its_patch_was_written_for(string patch, string emulator, string version)
    {
        var pinned = File.ReadAllText(Path.Combine(Emulators, "package.json"));

        Assert.Contains($"\"{emulator}\": \"{version}\"", pinned, StringComparison.Ordinal);
        Assert.Contains($"require('./patched-version.cjs')('{emulator}', '{version}', __filename);", File.ReadAllText(Path.Combine(Emulators, patch)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_preload_is_listed_with_its_test_in_the_emulators_readme()
    {
        var readme = File.ReadAllText(Path.Combine(Emulators, "README.md"));
        var preloads = Directory.GetFiles(Emulators, "*.cjs").Select(Path.GetFileName).Where(f => f != "patched-version.cjs").ToList();

        Assert.NotEmpty(preloads);
        Assert.All(preloads, preload => Assert.Matches(TableRowOf(preload!), readme));
        Assert.Equal(preloads.Count - 2, VersionedPatches.Count);
    }

    private static Regex TableRowOf(string preload) => new($@"^\| `{Regex.Escape(preload)}` \|.*\| `[A-Za-z_…]+.*` \|$", RegexOptions.Multiline);

    private static async Task<(int ExitCode, string Errors)> NodeAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start)!;
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, errors);
    }
}
