using GymIoT.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// In Development, the original's demo members <c>xzan8189</c> and <c>dakooo</c> and the staff account <c>staff</c> can log in
/// with the demo password. An account that has a password already is left alone.
/// </summary>
public sealed partial class DemoAccountSeeder(
    AccountStore accounts,
    MemberStore members,
    IPasswordHasher<Member> hasher,
    IOptions<DemoAccountOptions> options,
    ILogger<DemoAccountSeeder> logger) : BackgroundService
{
    public static IReadOnlyList<Member> Accounts { get; } = [.. DemoMembers.Members, DemoMembers.Staff];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                foreach (var account in Accounts)
                {
                    await members.EnrollAsync(account, stoppingToken);
                    await accounts.SetPasswordIfMissingAsync(account.MemberId, hasher.HashPassword(account, options.Value.Password), account.Role, stoppingToken);
                }
                LogSeeded(string.Join(", ", Accounts.Select(a => a.MemberId)));
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSeedFailed(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts ready: {Accounts}")]
    private partial void LogSeeded(string accounts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts could not be prepared (attempt {Attempt}); trying again")]
    private partial void LogSeedFailed(Exception exception, int attempt);
}
