using Amazon.CDK;
using Constructs;

namespace GymIoT.Deploy;

/// <summary>
/// What a deployment chooses at <c>cdk deploy --parameters</c>: the services' images, the dashboard's domain and certificate, the
/// mail server and the gym's time zone. Secrets are not parameters: they live in Secrets Manager (<see cref="SecretNames"/>).
/// </summary>
public sealed class DeployParameters
{
    public DeployParameters(Construct scope)
    {
        CfnParameter Text(string id, string description, string? defaultValue = null) => new(scope, id, new CfnParameterProps
        {
            Type = "String",
            Description = description,
            Default = defaultValue,
        });

        Images = new Dictionary<string, CfnParameter>
        {
            [ServiceNames.Aggregator] = Text("AggregatorImage", "Image of the aggregator, e.g. 123456789012.dkr.ecr.eu-south-1.amazonaws.com/gymiot/aggregator:1.0"),
            [ServiceNames.ErrorNotifier] = Text("ErrorNotifierImage", "Image of the error notifier (repository gymiot/error-notifier)."),
            [ServiceNames.Coach] = Text("CoachImage", "Image of the coach (repository gymiot/coach)."),
            [ServiceNames.Dashboard] = Text("DashboardImage", "Image of the dashboard (repository gymiot/dashboard)."),
        };
        CollectorImage = Text("CollectorImage", "The OpenTelemetry collector (AWS Distro) that forwards the services' OTLP to X-Ray and CloudWatch.",
            "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0");
        CertificateArn = Text("CertificateArn", "ACM certificate of the dashboard's domain, for the load balancer's HTTPS listener.");
        DashboardDomain = Text("DashboardDomain", "The dashboard's domain name, e.g. gym.example.com: every link it sends starts with https:// and it, and the load balancer forwards requests for it alone.");
        SmtpHost = Text("SmtpHost", "SMTP server for the error digests, alert emails and confirmation links (SES: email-smtp.REGION.amazonaws.com).");
        SmtpPort = Text("SmtpPort", "SMTP port (STARTTLS).", "587");
        SmtpUserName = Text("SmtpUserName", "SMTP user name; its password is the secret gymiot/smtp-password.");
        SmtpFrom = Text("SmtpFrom", "Sender address of every email, e.g. gymiot@yourgym.example.");
        SmtpTo = Text("SmtpTo", "The gym's address for the error digests, e.g. staff@yourgym.example.");
        TimeZone = Text("GymTimeZone", "The gym's time zone, where its days begin and end (IANA id).", "Europe/Rome");
    }

    public IReadOnlyDictionary<string, CfnParameter> Images { get; }

    public CfnParameter CollectorImage { get; }

    public CfnParameter CertificateArn { get; }

    public CfnParameter DashboardDomain { get; }

    public CfnParameter SmtpHost { get; }

    public CfnParameter SmtpPort { get; }

    public CfnParameter SmtpUserName { get; }

    public CfnParameter SmtpFrom { get; }

    public CfnParameter SmtpTo { get; }

    public CfnParameter TimeZone { get; }
}
