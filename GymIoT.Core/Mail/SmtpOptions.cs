namespace GymIoT.Core.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The gym's mail server (section <c>Smtp</c>); email is off while no host is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "GymIoT <gymiot@localhost>";

    public string To { get; set; } = "Gym staff <staff@localhost>";
}
