using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>Staff find a member and lock the account, on the dashboards of the scaled-out system.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(ReplicaCollection.Name)]
public sealed class MembersBrowserTests(ReplicaFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 20_000 };

    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task Staff_find_a_member_by_surname_and_lock_the_account_and_the_members_open_page_signs_out()
    {
        await using var browser = await BrowserSession.StartAsync();
        try
        {
            await LockAndUnlockAsync(browser);
        }
        catch (PlaywrightException failed)
        {
            // What the dashboards said meanwhile tells a circuit refused from a page slow to come.
            throw new Xunit.Sdk.XunitException($"{failed.Message}{Environment.NewLine}{await fixture.LogsOfAsync("dashboard")}");
        }
    }

    private async Task LockAndUnlockAsync(BrowserSession browser)
    {
        var member = await browser.NewPageAsync();
        var username = $"lok{Guid.NewGuid():N}"[..13];
        await BrowserSession.SignUpAsync(member, Dashboard, username, "a long password");
        await BrowserSession.LogInAsync(member, Dashboard, username, "a long password");

        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Members" })).ToHaveAttributeAsync("href", "/staff/members");
        await staff.GotoAsync($"{Dashboard}/staff/members");
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Members", new() { Timeout = 20_000 });
        // Signed up as "Test <username>": found by part of the surname.
        await staff.GetByLabel("Name or id").FillAsync(username[3..10].ToUpperInvariant());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var row = staff.Locator($"tr[data-member='{username}']");
        await Assertions.Expect(row).ToContainTextAsync("Active", Patient);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Lock {username}" }).ClickAsync();

        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync($"{username} is locked and signed out everywhere.", Patient);
        await Assertions.Expect(row).ToContainTextAsync("Locked", Patient);
        // The member's open page is signed out within the check time, and the account signs in nowhere.
        await Assertions.Expect(member.Locator("h1")).ToHaveTextAsync("Log in", new() { Timeout = ReplicaFixture.SessionCheckSeconds * 5_000 });
        await BrowserSession.SubmitLogInAsync(member, Dashboard, username, "a long password");
        await Assertions.Expect(member.GetByRole(AriaRole.Alert)).ToHaveTextAsync(LoginOutcome.AccountLocked);
        await BrowserSession.ScreenshotAsync(staff, "staff-members-locked");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Unlock {username}" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Active", Patient);
        await BrowserSession.LogInAsync(member, Dashboard, username, "a long password");
    }
}
