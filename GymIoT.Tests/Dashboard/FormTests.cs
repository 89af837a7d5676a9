using AngleSharp.Dom;
using Bunit;
using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Mail;
using GymIoT.Core.Time;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.Components.Pages;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Dashboard;

/// <summary>
/// The dashboard's forms rendered by bUnit, filled in and submitted as a member would, against the real Members table:
/// every wrong input gets its message and changes nothing; a right one does what the form says.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class FormTests : BunitContext
{
    private readonly MemberStore _members;
    private readonly AccountStore _accounts;

    public FormTests(PlatformFixture fixture)
    {
        var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        _members = new MemberStore(dynamoDb);
        _accounts = new AccountStore(dynamoDb, _members);
        Services.AddSingleton(_members);
        Services.AddSingleton(_accounts);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IPasswordHasher<Member>, PasswordHasher<Member>>();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        Services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        Services.AddSingleton<AccountService>();
        Services.AddSingleton<AccountSessionStore>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AccountSessionOptions()));
        Services.AddSingleton<SessionCheck>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new MemberStoreOptions()));
        Services.AddSingleton<GymIoT.Dashboard.MemberData.AccountErasure>();
        Services.AddSingleton<GymIoT.Dashboard.Security.ThrottleStore>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AccountRateLimitOptions()));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new GymIoT.Dashboard.Security.PublicSiteOptions { PublicUrl = "http://localhost" }));
        // The profile shows the member's card and email settings.
        Services.AddSingleton<Amazon.DynamoDBv2.IAmazonDynamoDB>(dynamoDb);
        Services.AddTrainingCards();
        Services.AddSingleton(new GymCalendar(new GymOptions()));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddSmtpMail();
        Services.AddSingleton<EmailLinkTokens>();
        Services.AddSingleton<EmailConfirmation>();
        // The forms are under test; the alert toast beside them listens to the live system, which these tests do not run.
        ComponentFactories.AddStub<GymIoT.Dashboard.Components.Home.AlertToast>();
    }

    private static string NewUsername() => $"frm{Guid.NewGuid():N}"[..13];

    /// <summary>The input of the field whose label reads <paramref name="label"/>, as a member finds it.</summary>
    private static IElement Field<TPage>(IRenderedComponent<TPage> form, string label) where TPage : IComponent =>
        form.FindAll("label").Single(l => l.ChildNodes[0].TextContent.Trim() == label).QuerySelector("input, select")!;

    /// <summary>Types <paramref name="value"/> into a field and waits until the page has taken it.</summary>
    private static Task SetAsync<TPage>(IRenderedComponent<TPage> form, string label, string value) where TPage : IComponent =>
        Field(form, label).ChangeAsync(new ChangeEventArgs { Value = value });

    private static IReadOnlyList<string> Messages<TPage>(IRenderedComponent<TPage> form) where TPage : IComponent =>
        [.. form.FindAll(".validation-message, .validation-errors li, .error").Select(e => e.TextContent.Trim())];

    private async Task<IRenderedComponent<SignUp>> FillSignUpAsync(string username, string password, string again, string birth = "1991-05-05", string weight = "62")
    {
        var form = Render<SignUp>();
        await SetAsync(form, "Username", username);
        await SetAsync(form, "Name", "Form");
        await SetAsync(form, "Surname", "Member");
        await SetAsync(form, "Sex", nameof(Sex.Female));
        await SetAsync(form, "Date of birth", birth);
        await SetAsync(form, "Weight (kg)", weight);
        await SetAsync(form, "Height (cm)", "170");
        await SetAsync(form, "Password", password);
        await SetAsync(form, "Password again", again);
        return form;
    }

    [Fact]
    public async Task An_empty_sign_up_form_says_what_each_field_needs_and_registers_no_one()
    {
        var form = Render<SignUp>();

        await form.Find("form").SubmitAsync();

        Assert.Equivalent(new[]
        {
            "Choose a username.", "Enter your name.", "Enter your surname.", "Choose a sex: the energy formulas depend on it.",
            "Enter your date of birth.", "Enter your weight.", "Enter your height.", "Choose a password.", "Enter the password again.",
        }, Messages(form));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Wrong_sign_up_values_each_get_their_message_and_the_username_stays_free()
    {
        var username = NewUsername();
        var form = await FillSignUpAsync(username, "a long password", "another password", weight: "12");

        await form.Find("form").SubmitAsync();

        Assert.Equivalent(new[] { "The two passwords differ.", "The weight must be between 30 and 300 kg." }, Messages(form));
        Assert.Null(await _accounts.FindAsync(username));
    }

    [Fact]
    public async Task A_child_cannot_sign_up()
    {
        var username = NewUsername();
        var form = await FillSignUpAsync(username, "a long password", "a long password", birth: DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd"));

        await form.Find("form").SubmitAsync();

        Assert.Equal(["Members must be between 14 and 110 years old."], Messages(form));
        Assert.Null(await _accounts.FindAsync(username));
    }

    [Fact]
    public async Task A_username_too_short_is_refused()
    {
        var form = await FillSignUpAsync("abc", "a long password", "a long password");

        await form.Find("form").SubmitAsync();

        Assert.Equal(["The username needs 4 to 32 letters, digits, dots, dashes or underscores."], Messages(form));
        Assert.Null(await _accounts.FindAsync("abc"));
    }

    [Fact]
    public async Task A_right_sign_up_registers_the_member_and_goes_to_log_in_and_a_second_one_is_told_the_name_is_taken()
    {
        var username = NewUsername();
        var form = await FillSignUpAsync(username, "a long password", "a long password");

        await form.Find("form").SubmitAsync();

        Assert.EndsWith("/account/login", Services.GetRequiredService<NavigationManager>().Uri);
        var member = await _members.FindAsync(username);
        Assert.Equal(("Form", "Member", Sex.Female, 62.0, 170.0), (member!.Name, member.Surname, member.Sex, member.WeightKg, member.HeightCm));

        var again = await FillSignUpAsync(username, "a long password", "a long password");
        await again.Find("form").SubmitAsync();
        Assert.Equal(["This username is taken: choose another."], Messages(again));
    }

    [Fact]
    public async Task An_empty_log_in_form_asks_for_username_and_password()
    {
        var form = Render<Login>();

        await form.Find("form").SubmitAsync();

        Assert.Equal(["Enter your username.", "Enter your password."], Messages(form));
    }

    [Fact]
    public async Task A_wrong_password_in_the_log_in_form_gets_one_message_that_does_not_say_which_part_was_wrong()
    {
        // The log-in page reads the client's address from the request, as every per-address limit does.
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        request.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("198.51.100.9");
        var form = Render<Login>(parameters => parameters.AddCascadingValue<Microsoft.AspNetCore.Http.HttpContext>(request));
        await SetAsync(form, "Username", "nobody-here");
        await SetAsync(form, "Password", "whatever it is");

        await form.Find("form").SubmitAsync();

        Assert.Equal(["The username or the password is wrong."], Messages(form));
    }

    [Fact]
    public async Task A_profile_with_values_out_of_range_is_not_saved_and_a_right_one_is()
    {
        var username = NewUsername();
        Assert.True(await _members.EnrollAsync(new Member(username, "Form", "Member", Sex.Male, new DateOnly(1990, 1, 1), 80, 180)));
        AddAuthorization().SetAuthorized(username);
        var form = Render<Profile>();
        form.WaitForAssertion(() => Assert.Equal("80", Field(form, "Weight (kg)").GetAttribute("value")));

        await SetAsync(form, "Daily workout goal (kcal)", "5000");
        await SetAsync(form, "Height (cm)", "20");
        await form.Find("form").SubmitAsync();

        Assert.Equivalent(new[] { "The height must be between 100 and 250 cm.", "The daily goal must be between 50 and 3000 kcal." }, Messages(form));
        Assert.Empty(form.FindAll("[role=status]"));
        Assert.Equal(180, (await _members.FindAsync(username))!.HeightCm);

        await SetAsync(form, "Daily workout goal (kcal)", "650");
        await SetAsync(form, "Height (cm)", "182");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent));
        var saved = await _members.FindAsync(username);
        Assert.Equal((182.0, 650.0), (saved!.HeightCm, saved.DailyGoalKcal));
    }

    [Fact]
    public async Task The_profile_gives_the_threshold_of_the_members_own_card()
    {
        var username = NewUsername();
        Assert.True(await _members.EnrollAsync(new Member(username, "Card", "Member", Sex.Female, new DateOnly(1990, 1, 1), 60, 165)));
        AddAuthorization().SetAuthorized(username);
        var endurance = CardCatalogue.Cards.Single(c => c.Level == 3);
        var today = Services.GetRequiredService<GymCalendar>().LocalDate(DateTimeOffset.UtcNow);
        await Services.GetRequiredService<MemberCards>().AssignAsync(username, endurance.CardId, today, AssignmentCause.Staff, "staff");

        var form = Render<Profile>();

        form.WaitForAssertion(() => Assert.Contains($"Your card, {endurance.Name} (level 3)", form.Find("[data-card-threshold]").TextContent));
        Assert.Contains($"{CardProgress.MonthlyThresholdKcal(endurance, 60, today.Year, today.Month):0} kcal", form.Find("[data-card-threshold]").TextContent);
    }
}
