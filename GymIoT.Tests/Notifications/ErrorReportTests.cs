using System.Diagnostics;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;
using GymIoT.ErrorNotifier;
using GymIoT.ErrorNotifier.Channels;
using GymIoT.ErrorNotifier.Reports;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Notifications;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ErrorReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_original_error_message_is_read_with_its_device_and_raw_values()
    {
        var report = ErrorReportParser.Parse("""{"device_id": "Cyclette","value_time_spent": "ERROR","value_calories_spent": "ERROR"}""", "m-1", Now);

        Assert.Equal("Cyclette", report.DeviceId);
        Assert.Equal("ERROR", report.ValueTimeSpent);
        Assert.Equal("ERROR", report.ValueCaloriesSpent);
        Assert.Equal("m-1", report.SourceMessageId);
    }

    [Fact]
    public void GymIoTs_own_report_is_read_as_sent()
    {
        var sent = new ErrorReport("spin-bike-02", "Spin_bike", "dakooo", "1800", "9000", "ImpossibleCalories: 300 kcal/min", Now.AddMinutes(-1), "source-1");

        var read = ErrorReportParser.Parse(System.Text.Json.JsonSerializer.Serialize(sent, MessageJson.Default.ErrorReport), "m-2", Now);

        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"something":"else"}""")]
    public void Anything_else_on_Errors_is_still_reported_as_unreadable(string body)
    {
        var report = ErrorReportParser.Parse(body, "m-3", Now);

        Assert.StartsWith("Unreadable error report", report.Reason);
        Assert.Equal("m-3", report.SourceMessageId);
    }

    [Fact]
    public void The_digest_lists_every_report_in_text_and_escaped_HTML()
    {
        var reports = new[]
        {
            Incoming(new ErrorReport("cyclette-01", "Cyclette", "xzan8189", "ERROR", "ERROR", "NotANumber: value_time_spent 'ERROR' is not a number", Now, "a")),
            Incoming(new ErrorReport("<script>", "Spin_bike", null, "10", "-5", "NegativeValue: the calories -5 kcal are negative", Now, "b")),
        };

        using var mail = EmailDigest.Compose(reports, "GymIoT <gymiot@localhost>", "staff@localhost");

        Assert.Equal("[GymIoT] Attention: a device encountered an error", mail.Subject);
        Assert.Contains("Sensors sent 2 readings", mail.TextBody);
        Assert.Contains("Device: cyclette-01", mail.TextBody);
        Assert.Contains("Calories: -5", mail.TextBody);
        Assert.Contains("<td>&lt;script&gt;</td>", mail.HtmlBody);
        Assert.DoesNotContain("<td><script>", mail.HtmlBody);
        Assert.Contains("<td>2026-11-28 09:30:00</td>", mail.HtmlBody);
    }

    [Fact]
    public void The_webhook_payload_is_the_original_applets()
    {
        var payload = IftttWebhookChannel.Payload.Of(Incoming(new ErrorReport("Cyclette", "Cyclette", null, "ERROR", "12", "r", Now, "c")));

        Assert.Equal(new IftttWebhookChannel.Payload("Cyclette", "ERROR", "12"), payload);
    }

    private static IncomingReport Incoming(ErrorReport report) => IncomingReport.Of(Received("own-id"), report);

    [Theory]
    [InlineData("""{"deviceId":42,"reason":"ZeroValue: x"}""")]
    [InlineData("""{"device_id":{"id":"cyclette-01"},"value_time_spent":"ERROR"}""")]
    public void A_device_id_that_is_not_a_string_names_no_device_as_it_does_in_a_reading(string body)
    {
        var report = ErrorReportParser.Parse(body, "m-8", Now);

        Assert.Equal("", report.DeviceId);
        Assert.DoesNotContain("Unreadable", report.Reason);
    }

    [Fact]
    public void A_report_with_a_lone_surrogate_is_read_as_unreadable_instead_of_throwing()
    {
        var report = ErrorReportParser.Parse("""{"deviceId":"\ud800","reason":"x"}""", "m-9", Now);

        Assert.StartsWith("Unreadable error report", report.Reason);
        Assert.Equal("m-9", report.SourceMessageId);
    }

    [Fact]
    public void Line_breaks_in_raw_values_cannot_forge_lines_of_the_text_email()
    {
        var forged = new ErrorReport("d-1\r\nReason: all is well", "Cyclette", null, "10", "20", "ZeroValue: x", Now, "s-1");
        using var message = EmailDigest.Compose([IncomingReport.Of(Received("m"), forged)], "a@localhost", "b@localhost");

        var text = message.TextBody;

        Assert.Contains("Device: d-1\\u000D\\u000AReason: all is well", text);
        Assert.DoesNotContain("\nReason: all is well", text);
    }

    [Fact]
    public void The_webhook_key_is_redacted_as_typed_and_as_escaped_in_a_URL()
    {
        const string key = "k/ey+1";

        var redacted = IftttWebhookChannel.Redact($"failed: https://maker.ifttt.com/trigger/e/with/key/{Uri.EscapeDataString(key)} and {key}", key);

        Assert.DoesNotContain(key, redacted);
        Assert.DoesNotContain(Uri.EscapeDataString(key), redacted);
    }

    [Fact]
    public void A_report_whose_source_id_cannot_be_a_key_is_known_by_its_own_message_id()
    {
        var report = new ErrorReport("d-1", "Cyclette", null, "10", "20", "ZeroValue: x", Now, new string('s', 200));

        Assert.Equal("own-id", IncomingReport.Of(Received("own-id"), report).ReportId);
    }

    private static ReceivedMessage Received(string messageId) =>
        new("Errors", "http://localhost/Errors", messageId, $"receipt-{messageId}", "", default, Now);
}
