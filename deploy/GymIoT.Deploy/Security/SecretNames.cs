namespace GymIoT.Deploy.Security;

/// <summary>The secrets a deployment creates in Secrets Manager before <c>cdk deploy</c> (README, Deploy to AWS).</summary>
public static class SecretNames
{
    public const string SmtpPassword = "gymiot/smtp-password";

    public const string IftttKey = "gymiot/ifttt-key";
}
