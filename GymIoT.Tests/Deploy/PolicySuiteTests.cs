using System.Text.Json.Nodes;
using GymIoT.Deploy.Security;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Deploy;

[Trait(TestKind.Category, TestKind.Deploy)]
public sealed class PolicySuiteTests
{
    [Fact]
    public void The_deploy_stack_breaks_no_rule_and_every_waiver_is_needed()
    {
        Assert.Empty(PolicySuite.Check(SynthesizedStack.Json, PolicyWaivers.All));
        Assert.Empty(PolicySuite.Unused(SynthesizedStack.Json, PolicyWaivers.All));
    }

    [Fact]
    public void Each_rule_trips_on_a_template_that_breaks_it()
    {
        var broken = JsonNode.Parse("""
            {"Resources": {
              "PlainQueue": {"Type": "AWS::SQS::Queue", "Properties": {}},
              "BareTable": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
              "AnyAction": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [
                {"Sid": "All", "Effect": "Allow", "Action": "sqs:*", "Resource": {"Fn::GetAtt": ["PlainQueue", "Arn"]}},
                {"Sid": "EveryQueue", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"},
                {"Sid": "EveryTable", "Effect": "Allow", "Action": ["dynamodb:GetItem"],
                 "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":dynamodb:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":table/*"]]}},
                {"Sid": "XRayTraces", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"},
                {"Sid": "Unnamed", "Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*"},
                {"Sid": "Inverted", "Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::bucket"}]}}},
              "Plain": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Protocol": "HTTP", "Port": 80}},
              "Public": {"Type": "AWS::ECS::Service", "Properties": {"NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED"}}}},
              "Ssh": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"SecurityGroupIngress": [{"CidrIp": "0.0.0.0/0", "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22}]}},
              "NotTheBalancer": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["Ssh", "GroupId"]}, "CidrIpv6": "::/0", "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443}},
              "Forever": {"Type": "AWS::Logs::LogGroup", "Properties": {}}
            }}
            """)!.AsObject();

        var problems = PolicySuite.Check(broken, PolicyWaivers.All);

        Assert.Contains("PlainQueue: the queue is not encrypted", problems);
        Assert.Contains("BareTable: the table is not encrypted with a KMS key", problems);
        Assert.Contains("BareTable: the table has no point-in-time recovery", problems);
        Assert.Contains("BareTable: the table has no deletion protection", problems);
        Assert.Contains("AnyAction (All): allows the action sqs:*", problems);
        Assert.Contains("AnyAction (EveryQueue): allows sqs:SendMessage on *", problems);
        Assert.Contains(problems, p => p.StartsWith("AnyAction (EveryTable): allows dynamodb:GetItem on arn:", StringComparison.Ordinal));
        // A waiver's Sid never lets a secret, queue or table be reached everywhere.
        Assert.Contains("AnyAction (XRayTraces): allows secretsmanager:GetSecretValue on *", problems);
        Assert.Contains("AnyAction (Unnamed): allows ec2:DescribeInstances on * and no waiver names it", problems);
        Assert.Contains("AnyAction (Inverted): allows by NotAction or NotResource", problems);
        Assert.Contains("Plain: the listener does not use TLS", problems);
        Assert.Contains("Public: its tasks get a public IP", problems);
        Assert.Contains("Ssh: open to the world on tcp 22-22", problems);
        Assert.Contains("Ssh: open to the world on tcp 443-443", problems);
        Assert.Contains("Forever: the log group keeps its logs forever", problems);
        Assert.Equal(15, problems.Count);
    }
}
