using Amazon.Runtime;

namespace GymIoT.Core.Aws;

/// <summary>What went wrong reaching AWS, in one line with what to do, for the AppHost's check and each service's health.</summary>
public static class AwsProblem
{
    private static readonly string[] RefusedCredentials =
        ["InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch", "InvalidSignatureException", "AccessDenied", "AccessDeniedException"];

    /// <summary>A queue or table a service uses is not there.</summary>
    public static string Missing(string kind, string name, string region) =>
        $"The {kind} {name} does not exist in {region}: deploy the stack, or start the AppHost with Aws:Provision=true.";

    /// <returns>The explanation when <paramref name="exception"/> is a credential or network problem, else null.</returns>
    public static string? Explain(Exception exception, string region) => exception switch
    {
        AmazonServiceException { ErrorCode: { } code } when RefusedCredentials.Contains(code) =>
            $"AWS refused GymIoT's credentials in {region} ({code}): check the profile or keys (AWS_PROFILE, AWS_ACCESS_KEY_ID), that they have not expired, and that their role allows SQS and DynamoDB.",
        AmazonClientException when exception.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
            "No AWS credentials: run `aws configure`, or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, for the account GymIoT runs on (or choose --Aws:Backend=Embedded to run on emulators).",
        HttpRequestException or TaskCanceledException or TimeoutException
            or AmazonClientException { InnerException: HttpRequestException or TaskCanceledException or TimeoutException } =>
            $"AWS could not be reached in {region} ({exception.GetBaseException().Message}): check the network and Aws:Region.",
        _ => null,
    };
}
