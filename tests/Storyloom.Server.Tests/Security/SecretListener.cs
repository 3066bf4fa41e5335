using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Storyloom.Server.Tests.Security;

/// <summary>
/// A private service on loopback, as an attacker would aim at: it counts every connection and answers each request with a
/// 400 whose error message is a secret, in the OpenAI error format.
/// </summary>
public sealed class SecretListener : IAsyncDisposable
{
    public const string Secret = "internal-secret-7c41";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    private SecretListener(IPAddress address)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _loop = AcceptAsync();
    }

    public static SecretListener Start(IPAddress? address = null) => new(address ?? IPAddress.Loopback);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var seen = new StringBuilder();
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                patience.CancelAfter(TimeSpan.FromSeconds(10));
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, patience.Token);
                    if (n == 0) return;
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }
                var body = $"{{\"error\":{{\"message\":\"{Secret}\",\"type\":\"invalid_request_error\",\"code\":\"{Secret}\"}}}}";
                var answer = $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), patience.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The caller went away: nothing to answer.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
