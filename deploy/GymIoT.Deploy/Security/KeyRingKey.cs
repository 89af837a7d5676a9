using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace GymIoT.Deploy.Security;

/// <summary>
/// The KMS key that wraps the dashboard's Data Protection key ring: only the dashboard's role may encrypt and decrypt
/// with it, and only for that use (the encryption context <c>gymiot:purpose</c>). The account may manage the key (its
/// policy, rotation, deletion) but not use it, so no other role, whatever its IAM policy says, reads the ring. Rotated
/// yearly; kept when the stack is deleted, or the ring in the retained table could never be read again.
/// </summary>
public sealed class KeyRingKey : Construct
{
    public const string PurposeKey = "kms:EncryptionContext:gymiot:purpose";
    public const string Purpose = "dashboard-key-ring";

    /// <summary>What the account may do to the key: everything but use it.</summary>
    public static readonly string[] ManagementActions =
    [
        "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
        "kms:DisableKeyRotation", "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:EnableKey",
        "kms:DisableKey", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:ListKeyPolicies", "kms:ListGrants",
        "kms:RevokeGrant", "kms:UpdateKeyDescription",
    ];

    public static readonly string[] UseActions = ["kms:Encrypt", "kms:Decrypt"];

    public KeyRingKey(Construct scope, string id, IRole dashboardRole) : base(scope, id)
    {
        var key = new CfnKey(this, "Key", new CfnKeyProps
        {
            Description = "GymIoT: wraps the dashboard's Data Protection key ring; usable by the dashboard's role only.",
            EnableKeyRotation = true,
            KeyPolicy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "AccountManagesButCannotUse",
                        Principals = [new AccountRootPrincipal()],
                        Actions = ManagementActions,
                        Resources = ["*"],
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "DashboardWrapsItsKeyRing",
                        Principals = [new ArnPrincipal(dashboardRole.RoleArn)],
                        Actions = UseActions,
                        Resources = ["*"],
                        Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { [PurposeKey] = Purpose } },
                    }),
                ],
            }),
        });
        key.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        Arn = key.AttrArn;
    }

    public string Arn { get; }
}
