using Amazon.CDK;
using GymIoT.Deploy;

// The CDK CLI passes the account and Region of the caller's AWS configuration; the stack needs the Region (the load
// balancer's log delivery differs by Region).
var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") ?? System.Environment.GetEnvironmentVariable("AWS_REGION");
if (string.IsNullOrWhiteSpace(region))
{
    Console.Error.WriteLine("No AWS Region: set AWS_REGION (e.g. export AWS_REGION=eu-south-1) or a Region in your AWS profile, then run cdk again.");
    return 1;
}

var app = new App();
_ = new GymIoTStack(app, GymIoTStack.DefaultName, new StackProps
{
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = region,
    },
    Description = "GymIoT: machine queues, tables, and the aggregator, notifier, coach and dashboard on ECS Fargate.",
});
app.Synth();
return 0;
