using System.Net;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// A DynamoDB client that refuses the requests a test picks as DynamoDB refuses an invalid one (<c>ValidationException</c>)
/// and passes every other call on to the real client.
/// </summary>
public class RefusingDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB _target = null!;
    private Func<AmazonWebServiceRequest, bool> _refuses = null!;

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB target, Func<AmazonWebServiceRequest, bool> refuses)
    {
        var proxy = Create<IAmazonDynamoDB, RefusingDynamoDb>();
        var refusing = (RefusingDynamoDb)(object)proxy;
        refusing._target = target;
        refusing._refuses = refuses;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (args?.OfType<AmazonWebServiceRequest>().FirstOrDefault() is { } request && _refuses(request))
        {
            var refusal = new AmazonDynamoDBException("One or more parameter values were invalid")
            {
                ErrorCode = "ValidationException",
                ErrorType = ErrorType.Sender,
                StatusCode = HttpStatusCode.BadRequest,
            };
            return FromException.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [refusal]);
        }
        try
        {
            return method.Invoke(_target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private static readonly MethodInfo FromException = typeof(Task).GetMethods()
        .Single(m => m is { Name: nameof(Task.FromException), IsGenericMethodDefinition: true });
}
