using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Storyloom.Ai.Network;

/// <summary>A connection the <see cref="OutboundPolicy"/> refused; the message names the host, never what the address was.</summary>
public sealed class OutboundBlockedException(string host)
    : HttpRequestException($"{host} could not be reached")
{
    public string Host { get; } = host;
}

/// <summary>
/// The one way the server calls a URL that a user or an administrator can set (AI providers, alert webhooks, Canva). The check
/// runs in <see cref="SocketsHttpHandler.ConnectCallback"/> on the address actually connected to, after the handler's own name
/// lookup, so DNS rebinding, numeric host forms (2130706433, 0x7f.1) and IPv4-mapped IPv6 cannot slip past it. Redirects and
/// proxies are off (a proxy would connect on our behalf, unchecked); connecting has a time limit and answers a size cap.
/// </summary>
public static class OutboundHttp
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, HttpClient> Shared = new(StringComparer.Ordinal);

    /// <summary>The handler for IHttpClientFactory clients (webhooks, Canva).</summary>
    public static HttpMessageHandler Handler(OutboundPolicy policy, long maxResponseBytes) =>
        new SizeCap(maxResponseBytes) { InnerHandler = Sockets(policy) };

    /// <summary>One client per policy and cap for the AI SDK, shared by every provider in the process (one connection pool).</summary>
    public static HttpClient SharedClient(OutboundPolicy policy, long maxResponseBytes) =>
        Shared.GetOrAdd($"{policy.Key}|{maxResponseBytes}", _ => new HttpClient(Handler(policy, maxResponseBytes)) { Timeout = Timeout.InfiniteTimeSpan });

    private static SocketsHttpHandler Sockets(OutboundPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = ConnectTimeout,
        // A host that starts resolving elsewhere is checked again on the next connection.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(OutboundPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var host = endpoint.Host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, ct);
            }
            catch (SocketException e)
            {
                throw new HttpRequestException($"{host} could not be reached", e);
            }
        }
        var allowed = addresses.Where(a => policy.Permits(host, a)).ToList();
        if (allowed.Count == 0) throw new OutboundBlockedException(host);
        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                // What we are connected to, not what was asked for, is what must pass.
                if (socket.RemoteEndPoint is not IPEndPoint remote || !policy.Permits(host, remote.Address))
                {
                    socket.Dispose();
                    throw new OutboundBlockedException(host);
                }
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new HttpRequestException($"{host} could not be reached", last);
    }

    /// <summary>
    /// Whether a URL may be saved: an http(s) URL whose host, when it resolves now, resolves only to addresses the policy permits.
    /// A name that does not resolve yet passes (the connect-time check still applies); null when fine, else a reason.
    /// </summary>
    public static async Task<string?> ProblemAsync(string url, OutboundPolicy policy, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return "must be an http(s) URL";
        var host = uri.IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var quick = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quick.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, quick.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                return null;
            }
        }
        return addresses.All(a => policy.Permits(host, a))
            ? null
            : "points at a private, loopback or link-local address, which the server does not call; an administrator can allow such hosts with Storyloom__Network__AllowedPrivateHosts";
    }

    /// <summary>Fails a response larger than the cap while it is read, so no answer can fill the memory.</summary>
    private sealed class SizeCap(long max) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (response.Content.Headers.ContentLength > max)
            {
                response.Dispose();
                throw new HttpRequestException($"{request.RequestUri?.Host} answered more than {max} bytes");
            }
            var inner = response.Content;
            var capped = new StreamContent(new CappedStream(await inner.ReadAsStreamAsync(ct), max));
            foreach (var h in inner.Headers) capped.Headers.TryAddWithoutValidation(h.Key, h.Value);
            response.Content = capped;
            return response;
        }
    }

    private sealed class CappedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > max) throw new HttpRequestException($"the answer is larger than {max} bytes");
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
