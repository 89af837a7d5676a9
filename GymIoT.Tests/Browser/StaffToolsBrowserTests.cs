using GymIoT.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Playwright;
using MimeKit;

namespace GymIoT.Tests.Browser;

/// <summary>
/// The emulators' GUIs, opened from the staff page in a real browser: they call their own origin, which the emulators'
/// refusal of other web pages must leave working, reads, writes and live updates alike.
/// </summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class StaffToolsBrowserTests(PipelineFixture fixture)
{
    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task Staff_read_and_delete_mail_in_the_inbox_and_browse_the_database()
    {
        await using var browser = await BrowserSession.StartAsync();
        var first = await SendMailAsync();
        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Machines" }).ClickAsync();
        await BrowserSession.ArriveAsync(staff, "**/staff", "Machines");

        var inbox = await staff.RunAndWaitForPopupAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Error email inbox" }).ClickAsync());
        await Assertions.Expect(inbox.GetByText(first).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var second = await SendMailAsync();
        await Assertions.Expect(inbox.GetByText(second).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await inbox.GetByText(first).First.ClickAsync();
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Delete email" }).ClickAsync();
        await Assertions.Expect(inbox.GetByText(first)).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(inbox, "staff-mail-inbox");
        using (var api = new MailInbox(fixture.Endpoint("maildev")))
        {
            var subjects = (await api.AllAsync()).Select(m => m.Subject).ToList();
            Assert.DoesNotContain(first, subjects);
            Assert.Contains(second, subjects);
        }

        var database = await staff.RunAndWaitForPopupAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Database (dynamodb-admin)" }).ClickAsync());
        await database.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await Assertions.Expect(database.GetByRole(AriaRole.Columnheader, new() { Name = "MemberId" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(database.GetByText("\"sim:member-", new() { Exact = false }).First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(database, "staff-database");
    }

    /// <summary>Sends a mail to maildev, as the notifier does, and returns its subject.</summary>
    private async Task<string> SendMailAsync()
    {
        var subject = $"Inbox check {Guid.NewGuid():N}"[..24];
        var smtp = fixture.Endpoint("maildev", "smtp");
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(new MimeMessage(
            [new MailboxAddress("GymIoT", "gymiot@localhost")],
            [new MailboxAddress("Gym staff", "staff@localhost")],
            subject,
            new TextPart("plain") { Text = "Sent by the staff tools browser test." }));
        await client.DisconnectAsync(quit: true);
        return subject;
    }
}
