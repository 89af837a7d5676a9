using GymIoT.Core.Aws;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AwsNameRulesTests
{
    [Fact]
    public void Every_queue_and_dead_letter_queue_name_is_valid_on_AWS()
    {
        Assert.All(QueueNames.WithDeadLetters,
            name => Assert.True(AwsNameRules.IsValidQueueName(name), name));
    }

    [Fact]
    public void Every_table_name_is_valid_on_AWS()
    {
        Assert.All(TableNames.All, name => Assert.True(AwsNameRules.IsValidTableName(name), name));
    }

    [Theory]
    [InlineData("Tapis roulant")]
    [InlineData("")]
    [InlineData("queue/with/slash")]
    [InlineData("é")]
    [InlineData("Errors.fifo.fifo")]
    public void Queue_names_AWS_rejects_are_refused(string name)
    {
        Assert.False(AwsNameRules.IsValidQueueName(name));
        var error = Assert.Throws<ArgumentException>(() => AwsNameRules.EnsureValidQueueName(name));
        Assert.Contains("not a valid SQS queue name", error.Message);
    }

    [Fact]
    public void Queue_names_are_limited_to_80_characters()
    {
        Assert.True(AwsNameRules.IsValidQueueName(new string('q', 80)));
        Assert.False(AwsNameRules.IsValidQueueName(new string('q', 81)));
        Assert.True(AwsNameRules.IsValidQueueName(new string('q', 75) + ".fifo"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Users table")]
    [InlineData("Users#1")]
    public void Table_names_AWS_rejects_are_refused(string name)
    {
        Assert.False(AwsNameRules.IsValidTableName(name));
        Assert.Throws<ArgumentException>(() => AwsNameRules.EnsureValidTableName(name));
    }
}
