using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>No secret is committed: every tracked file is searched for key-like strings, the IFTTT key pattern included.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed partial class RepositorySecretScanTests
{
    private static readonly (string Name, Regex Pattern)[] SecretPatterns =
    [
        ("IFTTT Maker key in a webhook URL", IftttKeyInUrl()),
        ("IFTTT key setting with a value", IftttKeySetting()),
        ("AWS access key id", new Regex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
        ("AWS secret access key with a value", new Regex(@"(?i)aws_secret_access_key[""']?\s*[:=]\s*[""']?(?!test\b)[A-Za-z0-9/+=]{40}")),
        ("private key", new Regex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
        ("LocalStack auth token", new Regex(@"\bls-[A-Za-z0-9]{4,}-[A-Za-z0-9-]{16,}")),
        ("GitHub token", new Regex(@"\bgh[pousr]_[A-Za-z0-9]{36}\b")),
        ("password hash or password setting with a value", new Regex(@"(?i)""(smtp-password|Password)""\s*:\s*""[^""]+""")),
    ];

    [Fact]
    public void No_tracked_file_holds_a_key_token_or_password()
    {
        var root = Repository.Root;
        var files = TrackedFiles(root);
        Assert.True(files.Count > 50, $"only {files.Count} tracked files found: the scan would prove nothing");

        var findings = (
            from file in files
            where !file.EndsWith(".png", StringComparison.Ordinal) && file != "GymIoT.Tests/Security/RepositorySecretScanTests.cs"
            let path = Path.Combine(root, file)
            where File.Exists(path) && new FileInfo(path).Length < 2_000_000
            from line in File.ReadLines(path).Select((text, index) => (text, number: index + 1))
            from secret in SecretPatterns
            where secret.Pattern.IsMatch(line.text)
            select $"{file}:{line.number}: {secret.Name}").ToList();

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("https://maker.ifttt.com/trigger/gym_device_error/with/key/dQ3x9Kp2LmN8vR4tY6wZ1a")]
    [InlineData("IFTTT_KEY=dQ3x9Kp2LmN8vR4tY6wZ1a")]
    [InlineData("\"ifttt-key\": \"dQ3x9Kp2LmN8vR4tY6wZ1a\"")]
    [InlineData("AKIAIOSFODNN7EXAMPL3")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    public void The_scan_recognises_each_kind_of_secret(string leaked) =>
        Assert.Contains(SecretPatterns, secret => secret.Pattern.IsMatch(leaked));

    [Fact]
    public void Span_urls_lose_the_key_segment_and_keep_the_rest()
    {
        Assert.Equal("http://127.0.0.1:5000/trigger/gym_device_error/with/key/REDACTED",
            SecretUrlRedaction.Redact("http://127.0.0.1:5000/trigger/gym_device_error/with/key/dQ3x9Kp2LmN8vR4tY6wZ1a"));
        Assert.Equal("http://localhost/api/email?x=1", SecretUrlRedaction.Redact("http://localhost/api/email?x=1"));
    }

    private static IReadOnlyList<string> TrackedFiles(string root)
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["ls-files", "-z"]) { WorkingDirectory = root, RedirectStandardOutput = true })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A key after <c>/with/key/</c> that is not a placeholder: IFTTT's keys are 22 or more URL-safe characters.</summary>
    [GeneratedRegex(@"/with/key/(?!\{)[A-Za-z0-9_-]{16,}")]
    private static partial Regex IftttKeyInUrl();

    [GeneratedRegex(@"(?i)ifttt[-_:]{0,2}key[""']?\s*[:=]\s*[""']?[A-Za-z0-9_-]{16,}")]
    private static partial Regex IftttKeySetting();
}
