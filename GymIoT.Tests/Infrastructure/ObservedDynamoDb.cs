using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// A DynamoDB client that records every request and how it ended, and refuses the requests a test picks as DynamoDB
/// refuses an invalid one (<c>ValidationException</c>); every other call goes on to the real client.
/// </summary>
public class ObservedDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB _target = null!;
    private Func<AmazonWebServiceRequest, bool> _refuses = null!;

    /// <summary>Each request made, with the exception it ended in (null when it succeeded), in the order they ended.</summary>
    public ConcurrentQueue<(AmazonWebServiceRequest Request, Exception? Failure)> Calls { get; } = new();

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB target, Func<AmazonWebServiceRequest, bool>? refuses = null) =>
        Wrap(target, out _, refuses);

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB target, out ObservedDynamoDb observed, Func<AmazonWebServiceRequest, bool>? refuses = null)
    {
        var proxy = Create<IAmazonDynamoDB, ObservedDynamoDb>();
        observed = (ObservedDynamoDb)(object)proxy;
        observed._target = target;
        observed._refuses = refuses ?? (_ => false);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (args?.OfType<AmazonWebServiceRequest>().FirstOrDefault() is not { } request)
        {
            return Forward(method, args);
        }
        if (_refuses(request))
        {
            var refusal = new AmazonDynamoDBException("One or more parameter values were invalid")
            {
                ErrorCode = "ValidationException",
                ErrorType = ErrorType.Sender,
                StatusCode = HttpStatusCode.BadRequest,
            };
            Calls.Enqueue((request, refusal));
            return FromException.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [refusal]);
        }
        var result = Forward(method, args);
        if (result is Task task)
        {
            // Registered before the caller awaits, and run inline, so the call is recorded by the time the caller goes on.
            task.ContinueWith(done => Calls.Enqueue((request, done.Exception?.InnerException)),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return result;
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
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
