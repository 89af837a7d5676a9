using GymIoT.AppHost.Backend;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);
using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());

// AWS backend: queues and tables, provisioned before any service starts
var aws = builder.AddAwsBackend(loggerFactory.CreateLogger("GymIoT.AppHost"));

builder.Build().Run();
