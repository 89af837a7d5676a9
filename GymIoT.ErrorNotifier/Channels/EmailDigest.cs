using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace GymIoT.ErrorNotifier.Channels;

/// <summary>One email for a batch of reports: a table of device, machine, member, time spent, calories, reason and when.</summary>
public static class EmailDigest
{
    public const string Subject = "[GymIoT] Attention: a device encountered an error";

    private static readonly string[] Columns = ["Device", "Machine", "Member", "Time spent", "Calories", "Reason", "When (UTC)"];

    public static MimeMessage Compose(IReadOnlyList<IncomingReport> reports, string from, string to)
    {
        var rows = reports.Select(r => new[]
        {
            r.Report.DeviceId,
            r.Report.Machine,
            r.Report.MemberId ?? "",
            r.Report.ValueTimeSpent,
            r.Report.ValueCaloriesSpent,
            r.Report.Reason,
            r.Report.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        }).ToList();

        var intro = reports.Count == 1
            ? "A sensor sent a reading GymIoT could not accept."
            : $"Sensors sent {reports.Count} readings GymIoT could not accept.";
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = Text(intro, rows), HtmlBody = Html(intro, rows) }.ToMessageBody();
        return message;
    }

    private static string Text(string intro, List<string[]> rows)
    {
        var text = new StringBuilder(intro).AppendLine().AppendLine();
        foreach (var row in rows)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                text.Append(Columns[i]).Append(": ").AppendLine(OneLine(row[i]));
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>A raw value on one line of the text part: a CR, LF or other control character is shown escaped, so no value can forge a line.</summary>
    public static string OneLine(string value) =>
        value.Any(char.IsControl)
            ? string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : value;

    private static string Html(string intro, List<string[]> rows)
    {
        var html = new StringBuilder($"<p>{WebUtility.HtmlEncode(intro)}</p><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><tr>");
        foreach (var column in Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }
}
