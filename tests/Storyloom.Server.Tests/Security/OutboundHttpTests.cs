using System.Net;
using Storyloom.Ai.Network;

namespace Storyloom.Server.Tests.Security;

/// <summary>The guarded client on its own: the address connected to is what is judged, whatever the URL spelled.</summary>
public sealed class OutboundHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.200.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::")]
    public void Internal_addresses_are_refused_by_default(string address) =>
        OutboundPolicy.PublicOnly.Permits("example.test", IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("198.51.200.7")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        OutboundPolicy.PublicOnly.Permits("example.test", IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public void The_allow_list_takes_addresses_cidrs_and_host_names_and_nothing_else()
    {
        var (policy, problems) = OutboundPolicy.Parse("127.0.0.1, 10.20.0.0/16; ollama");
        problems.ShouldBeEmpty();
        policy.Permits("x", IPAddress.Parse("127.0.0.1")).ShouldBeTrue();
        policy.Permits("x", IPAddress.Parse("::ffff:127.0.0.1")).ShouldBeTrue();
        policy.Permits("x", IPAddress.Parse("127.0.0.2")).ShouldBeFalse();
        policy.Permits("x", IPAddress.Parse("10.20.3.4")).ShouldBeTrue();
        policy.Permits("x", IPAddress.Parse("10.21.3.4")).ShouldBeFalse();
        policy.Permits("ollama", IPAddress.Parse("172.18.0.5")).ShouldBeTrue();
        policy.Permits("x", IPAddress.Parse("169.254.169.254")).ShouldBeFalse();
        OutboundPolicy.Parse("http://x/ 1.2.3.4/40").Problems.Count.ShouldBe(2);
        OutboundPolicy.LocalMachine.Permits("localhost", IPAddress.Loopback).ShouldBeTrue();
        OutboundPolicy.LocalMachine.Permits("x", IPAddress.Parse("192.168.1.1")).ShouldBeFalse();
    }

    /// <summary>A host name resolving to loopback is refused at connect time, before a byte is sent; the CLI's policy reaches it.</summary>
    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        await using var listener = SecretListener.Start();
        var guarded = OutboundHttp.SharedClient(OutboundPolicy.PublicOnly, 1 << 20);
        foreach (var url in new[] { $"http://localhost:{listener.Port}/v1/models", $"http://127.0.0.1:{listener.Port}/v1/models", $"http://[::ffff:127.0.0.1]:{listener.Port}/v1/models" })
        {
            var e = await Should.ThrowAsync<HttpRequestException>(() => guarded.GetAsync(url, Ct));
            (e is OutboundBlockedException || e.InnerException is OutboundBlockedException).ShouldBeTrue(e.ToString());
        }
        listener.Connections.ShouldBe(0);

        using var cli = await OutboundHttp.SharedClient(OutboundPolicy.LocalMachine, 1 << 20).GetAsync($"http://127.0.0.1:{listener.Port}/v1/models", Ct);
        cli.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        listener.Connections.ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_fails_while_it_is_read()
    {
        await using var listener = SecretListener.Start();
        var small = OutboundHttp.SharedClient(OutboundPolicy.LocalMachine, 16);
        await Should.ThrowAsync<HttpRequestException>(() => small.GetStringAsync($"http://127.0.0.1:{listener.Port}/", Ct));
    }
}
