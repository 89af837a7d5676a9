using GymIoT.Coach;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>Staff manage training cards in a real browser, and the member sees the card they were given.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class CardsBrowserTests(PipelineFixture fixture)
{
    /// <summary>Each answer is a round trip over the page's circuit: on two busy cores it can take seconds.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 20_000 };

    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task Staff_create_a_card_assign_it_to_a_member_and_the_member_trains_on_it()
    {
        await using var browser = await BrowserSession.StartAsync();
        var member = await browser.NewPageAsync();
        var username = $"card{Guid.NewGuid():N}"[..14];
        await BrowserSession.SignUpAsync(member, Dashboard, username, "a long password");

        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Cards" }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Training cards");
        await Assertions.Expect(staff.Locator("tr[data-card]")).ToHaveCountAsync(5, new() { Timeout = 20_000 });

        // A card with a machine twice is refused with its reason; corrected, it is saved and listed.
        var cardName = $"Rehab {username[4..10]}";
        await staff.GetByLabel("Name").FillAsync(cardName);
        await staff.GetByLabel("Level").FillAsync("2");
        await staff.GetByLabel("Workouts a week").FillAsync("3");
        await staff.GetByLabel("Daily cap (minutes)").FillAsync("50");
        await staff.GetByLabel("Steps, in order").FillAsync("Elliptical bike 10, Cyclette 20, elliptical_bike 5");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save card" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[aria-labelledby='edit-title'] [role='status']")).ToContainTextAsync("Elliptical_bike comes 2 times", Patient);
        await staff.GetByLabel("Steps, in order").FillAsync("Elliptical bike 10, Cyclette 20");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save card" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[aria-labelledby='edit-title'] [role='status']")).ToContainTextAsync($"Saved {cardName}.", Patient);
        await Assertions.Expect(staff.Locator("tr[data-card]", new() { HasText = cardName })).ToContainTextAsync("Elliptical bike 10, Cyclette 20", Patient);

        // An unknown member is named as such; the new member gets the card from today.
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Member", Exact = true }).FillAsync("nobody-at-all");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[aria-labelledby='assign-title'] [role='status']")).ToContainTextAsync("No member is called nobody-at-all.", Patient);
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Member", Exact = true }).FillAsync(username);
        await staff.GetByLabel("Card", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{cardName} (level 2)" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Assign from today" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-member-card]")).ToContainTextAsync($"{username} is on {cardName} (level 2)", Patient);
        await Assertions.Expect(staff.Locator("[data-member-card] .history")).ToContainTextAsync("assigned by staff, by staff");
        await BrowserSession.ScreenshotAsync(staff, "staff-cards");

        await BrowserSession.LogInAsync(member, Dashboard, username, "a long password");
        await Assertions.Expect(member.Locator(".training-card h2")).ToContainTextAsync($"Your card: {cardName}");
        await Assertions.Expect(member.Locator(".training-card .next-step")).ToHaveTextAsync("Next: Elliptical bike, 10 min");
    }

    [SkippableFact]
    public async Task A_member_who_reaches_the_threshold_is_offered_the_next_level_and_accepts_it_for_tomorrow()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = $"offer{Guid.NewGuid():N}"[..14];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        var offer = page.GetByRole(AriaRole.Region, new() { Name = "Next level" });
        await Assertions.Expect(offer).ToHaveCountAsync(0);

        // The starter card's month for 62 kg is about 1,700 kcal: twelve sessions pass it.
        await fixture.SendBurstAsync(new DeviceSimulator.BurstRequest(12, MemberIds: [username]));

        await Assertions.Expect(offer).ToContainTextAsync("Move up to Foundation (level 2", new() { Timeout = 60_000 });
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept Foundation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".training-card [role='status']")).ToContainTextAsync("From tomorrow you train on Foundation (level 2).", Patient);
        await BrowserSession.ScreenshotAsync(page, "member-accepted-offer");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".training-card h2")).ToContainTextAsync("Your card: Starter");
        await Assertions.Expect(page.Locator(".training-card .kpi-note")).ToHaveTextAsync("This month's threshold reached: well done!");
        await Assertions.Expect(offer).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_member_whose_last_month_stalled_is_back_one_level_from_the_1st_and_sees_the_weakest_machine()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = $"down{Guid.NewGuid():N}"[..13];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var calendar = TestGym.Calendar;
        var today = TestGym.Today;
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var assignments = new CardAssignmentStore(dynamoDb);
        var memberCards = new MemberCards(new TrainingCardStore(dynamoDb), assignments, new CardOfferStore(dynamoDb), TimeProvider.System);
        await memberCards.AssignAsync(username, "foundation", lastMonth.AddMonths(-1), AssignmentCause.Staff, "staff");

        // The month-end review, as the coach runs it: a month without a workout stalled.
        var review = await new MonthEndReview(new MemberStore(dynamoDb), new MemberActivityReader(dynamoDb), new TrainingCardStore(dynamoDb),
            assignments, new MonthReviewStore(dynamoDb), calendar, TimeProvider.System).ReviewAsync((await new MemberStore(dynamoDb).FindAsync(username))!, lastMonth, CardCatalogue.Cards);
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");

        Assert.Equal((MonthVerdict.Stalled, "starter"), (review.Verdict, review.LevelDownCardId));
        await Assertions.Expect(page.Locator(".training-card h2")).ToContainTextAsync("Your card: Starter");
        await Assertions.Expect(page.Locator(".training-card .level-down")).ToContainTextAsync(
            "Last month your bar reached 0% and gained less than 10 points in its last 14 days, so this month you are back on level 1. Your weakest machine: Cyclette.");
        var weakest = page.GetByRole(AriaRole.Region, new() { Name = "Your weakest machine" });
        await Assertions.Expect(weakest.Locator("[data-chart=\"Your card's machines today\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(weakest.Locator("[data-chart=\"Your card's machines this month so far\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(weakest.Locator(".apexcharts-canvas")).ToHaveCountAsync(2);
        await BrowserSession.ScreenshotAsync(page, "member-level-down");
    }
}
