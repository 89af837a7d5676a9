using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;

namespace GymIoT.Dashboard.Staff;

/// <summary>
/// What staff change about an account: its lock and its role. Either ends every session the account has, so it takes
/// effect on every open page and cookie within <see cref="AccountSessionOptions.CheckEvery"/>. Nobody changes their own.
/// </summary>
public sealed partial class AccountAdministration(AccountStore accounts, AccountSessionStore sessions, SessionCheck check, ILogger<AccountAdministration> logger)
{
    /// <returns>Null when done, else why not.</returns>
    public async Task<string?> SetLockedAsync(string staffId, string memberId, bool locked, CancellationToken cancellationToken = default)
    {
        if (staffId == memberId)
        {
            return "You cannot lock your own account.";
        }
        if (!await accounts.SetLockedAsync(memberId, locked, cancellationToken))
        {
            return $"No member is called {memberId}.";
        }
        var ended = locked ? await sessions.EndAllAsync(memberId, cancellationToken) : 0;
        check.Forget(memberId);
        LogLocked(staffId, memberId, locked, ended);
        return null;
    }

    /// <returns>Null when done, else why not.</returns>
    public async Task<string?> SetRoleAsync(string staffId, string memberId, MemberRole role, CancellationToken cancellationToken = default)
    {
        if (staffId == memberId)
        {
            return "You cannot change your own role.";
        }
        if (!await accounts.SetRoleAsync(memberId, role, cancellationToken))
        {
            return $"No member is called {memberId}.";
        }
        var ended = await sessions.EndAllAsync(memberId, cancellationToken);
        check.Forget(memberId);
        LogRoleSet(staffId, memberId, role, ended);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{StaffId} set the lock of {MemberId} to {Locked}; {Sessions} sessions ended")]
    private partial void LogLocked(string staffId, string memberId, bool locked, int sessions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{StaffId} gave {MemberId} the role {Role}; {Sessions} sessions ended")]
    private partial void LogRoleSet(string staffId, string memberId, MemberRole role, int sessions);
}
