using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Dashboard;

/// <summary>The address a member gives, and the link that confirms it is theirs.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class EmailConfirmationTests
{
    [Theory]
    [InlineData("giulia@example.com")]
    [InlineData("g.rossi+gym@mail.example.it")]
    public void A_plain_address_is_accepted(string address) => Assert.Null(EmailAddressRules.Check(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("giulia")]
    [InlineData("giulia@localhost")]
    [InlineData("giulia@example.")]
    [InlineData("Giulia <giulia@example.com>")]
    [InlineData("giulia@example.com, boss@example.com")]
    [InlineData("giulia@example.com\r\nBcc: everyone@example.com")]
    [InlineData("giulia @example.com")]
    [InlineData("giùlia@example.com")]
    [InlineData("giulia@example.com\u0000")]
    public void Anything_but_one_plain_address_is_refused_with_a_reason(string? address) =>
        Assert.False(string.IsNullOrEmpty(EmailAddressRules.Check(address)));

    [Fact]
    public void The_longest_address_smtp_carries_is_accepted_and_one_more_character_is_not()
    {
        var longest = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 62), 3)) + ".example.com";
        longest = longest[..(EmailAddressRules.MaxLength - 4)] + ".com";

        Assert.Null(EmailAddressRules.Check(longest));
        Assert.Contains("at most 254", EmailAddressRules.Check("a" + longest));
    }

    [Fact]
    public void The_form_shows_the_rules_reason()
    {
        var input = new EmailInput { Address = "Giulia <giulia@example.com>" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true));
        Assert.Equal(EmailAddressRules.Check(input.Address), Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public void A_link_confirms_its_address_for_its_member_only_and_not_once_expired_or_altered()
    {
        var keys = new EphemeralDataProtectionProvider();
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new EmailLinkTokens(keys, now);
        var token = tokens.Issue("giulia90", "giulia@example.com");

        Assert.Equal("giulia@example.com", tokens.AddressIn(token, "giulia90"));
        Assert.Null(tokens.AddressIn(token, "marco77"));
        Assert.Null(tokens.AddressIn(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], "giulia90"));
        Assert.Null(tokens.AddressIn("", "giulia90"));
        Assert.Null(tokens.AddressIn(new string('A', 100_000), "giulia90"));
        Assert.Null(new EmailLinkTokens(new EphemeralDataProtectionProvider(), now).AddressIn(token, "giulia90"));

        // A link made a day and a minute ago has expired.
        var expired = new EmailLinkTokens(keys, new FakeTimeProvider(DateTimeOffset.UtcNow - EmailAddressRules.LinkLifetime - TimeSpan.FromMinutes(1)));
        Assert.Null(tokens.AddressIn(expired.Issue("giulia90", "giulia@example.com"), "giulia90"));
    }
}
