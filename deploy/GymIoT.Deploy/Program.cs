using Amazon.CDK;
using GymIoT.Deploy;

var app = new App();
_ = new GymIoTStack(app, GymIoTStack.DefaultName, new StackProps
{
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
    },
    Description = "GymIoT: machine queues, tables, and the aggregator, notifier, coach and dashboard on ECS Fargate.",
});
app.Synth();
