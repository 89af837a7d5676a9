using System.Net;
using Aspire.Hosting.Testing;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GymIoT.Tests.Security;

/// <summary>The AppHost started as Production: none of Development's conveniences is left open.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(ProductionCollection.Name)]
public sealed class ProductionSwitchTests(ProductionFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task The_demo_staff_account_a_Development_run_left_in_the_store_cannot_log_in()
    {
        // What the Development seeder writes: the staff member with the demo password.
        var staff = DemoMembers.Staff;
        var password = new DemoAccountOptions().Password;
        await new MemberStore(_dynamoDb).EnrollAsync(staff);
        await new AccountStore(_dynamoDb, new MemberStore(_dynamoDb))
            .SetPasswordIfMissingAsync(staff.MemberId, new PasswordHasher<Member>().HashPassword(staff, password), staff.Role);
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));

        var login = await session.LogInAsync(staff.MemberId, password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(LoginOutcome.WrongCredentials, await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff")).StatusCode);
    }

    [Theory]
    [InlineData("/bursts")]
    [InlineData("/history")]
    public async Task The_simulator_runs_but_takes_no_requests(string path)
    {
        using var simulator = fixture.App.CreateHttpClient("device-simulator");

        Assert.Equal(HttpStatusCode.OK, (await simulator.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await simulator.PostAsync(path, new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_sent_over_HTTPS_only()
    {
        var username = $"prd{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");

        var login = await session.LogInAsync(username, "a long password");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("GymIoT.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        // Over plain HTTP the browser keeps it to itself: the member is not logged in here.
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task One_address_posting_a_form_past_the_limit_is_told_to_wait()
    {
        // Log-outs without the form's token: each is a 400 the limiter counts, so nothing else in this app is touched.
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        var limit = new AccountRateLimitOptions().LogoutsPerMinute;

        var responses = new List<HttpResponseMessage>();
        for (var post = 0; post < limit + 5; post++)
        {
            responses.Add(await session.PostWithoutTokenAsync("/account/logout"));
        }

        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, refused.Count);
        Assert.Equal(AccountRateLimits.Refusal, await refused[0].Content.ReadAsStringAsync());
        Assert.NotNull(refused[0].Headers.RetryAfter);
    }

    [Fact]
    public async Task Behind_the_load_balancer_a_made_up_first_forwarded_address_is_limited_as_the_real_one()
    {
        var limit = new AccountRateLimitOptions().LogoutsPerMinute;

        var statuses = new List<HttpStatusCode>();
        for (var post = 0; post < limit + 5; post++)
        {
            // A client that writes its own X-Forwarded-For, a new one each time: the load balancer appends the address it saw.
            using var spoofer = new DashboardSession(fixture.Endpoint("dashboard"), new Dictionary<string, string> { ["X-Forwarded-For"] = $"6.6.{post}.6, 203.0.113.50" });
            statuses.Add((await spoofer.PostWithoutTokenAsync("/account/logout")).StatusCode);
        }

        Assert.Equal(limit, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        using var neighbour = new DashboardSession(fixture.Endpoint("dashboard"), new Dictionary<string, string> { ["X-Forwarded-For"] = "6.6.6.6, 203.0.113.51" });
        Assert.Equal(HttpStatusCode.BadRequest, (await neighbour.PostWithoutTokenAsync("/account/logout")).StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_but_the_load_balancers_probe()
    {
        using var foreign = new DashboardSession(fixture.Endpoint("dashboard"), new Dictionary<string, string> { ["Host"] = "evil.example" });

        Assert.Equal(HttpStatusCode.BadRequest, (await foreign.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await foreign.PostWithoutTokenAsync("/profile")).StatusCode);
        // The load balancer's probe comes with the task's address as its host.
        Assert.Equal(HttpStatusCode.OK, (await foreign.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task One_address_holds_at_most_ten_live_connections_nobody_signed_in_to()
    {
        var dashboard = fixture.Endpoint("dashboard");
        using var http = new HttpClient { BaseAddress = dashboard };
        var sockets = new List<System.Net.WebSockets.ClientWebSocket>();
        var refused = 0;
        try
        {
            for (var connection = 0; connection < LiveCircuits.MaxAnonymousPerAddress + 3; connection++)
            {
                // As blazor.web.js connects: negotiate, then the WebSocket that stays open while the page lives.
                var negotiated = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
                var token = System.Text.Json.JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
                var socket = new System.Net.WebSockets.ClientWebSocket();
                sockets.Add(socket);
                try
                {
                    await socket.ConnectAsync(new Uri($"ws://{dashboard.Authority}/_blazor?id={token}"), CancellationToken.None);
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                    refused++;
                }
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        Assert.Equal(3, refused);
    }

    public void Dispose() => _dynamoDb.Dispose();
}
