using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Storyloom.Ai.Network;

/// <summary>
/// Which addresses an outbound call may connect to. Public addresses always; loopback, private, link-local, carrier-grade NAT,
/// unique-local, multicast, unspecified and the machine's own addresses only when listed (a host name, an address or a CIDR), or,
/// for the CLI on its own machine, loopback.
/// </summary>
public sealed class OutboundPolicy
{
    private readonly IReadOnlyList<(IPAddress Network, int Prefix)> _networks;
    private readonly HashSet<string> _hosts;

    private OutboundPolicy(bool allowLoopback, IReadOnlyList<(IPAddress, int)> networks, IEnumerable<string> hosts, string key)
    {
        AllowLoopback = allowLoopback;
        _networks = networks;
        _hosts = new HashSet<string>(hosts, StringComparer.OrdinalIgnoreCase);
        Key = key;
    }

    /// <summary>Public addresses only: what the server allows when the administrator listed nothing.</summary>
    public static OutboundPolicy PublicOnly { get; } = new(false, [], [], "public");

    /// <summary>The CLI runs for its own user on its own machine, so a model server on loopback (Ollama) stays reachable.</summary>
    public static OutboundPolicy LocalMachine { get; } = new(true, [], [], "loopback");

    public bool AllowLoopback { get; }

    /// <summary>A stable text of the policy, for sharing one connection pool per policy.</summary>
    public string Key { get; }

    /// <summary>
    /// Reads an allow list such as "127.0.0.1, 10.0.0.0/8, ollama, ::1" (commas, semicolons or spaces between entries).
    /// Entries that are neither an address, a CIDR nor a host name are returned as problems.
    /// </summary>
    public static (OutboundPolicy Policy, IReadOnlyList<string> Problems) Parse(string? allowed)
    {
        var networks = new List<(IPAddress, int)>();
        var hosts = new List<string>();
        var problems = new List<string>();
        foreach (var entry in (allowed ?? "").Split([',', ';', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && IPAddress.TryParse(entry[..slash], out var net) && int.TryParse(entry[(slash + 1)..], out var prefix)
                && prefix >= 0 && prefix <= (net.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            {
                networks.Add((net, prefix));
            }
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var one))
            {
                networks.Add((one, one.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                hosts.Add(entry.TrimEnd('.'));
            }
            else
            {
                problems.Add($"'{entry}' is neither a host name, an IP address nor a CIDR");
            }
        }
        if (networks.Count == 0 && hosts.Count == 0) return (PublicOnly, problems);
        var key = string.Join(',', networks.Select(n => $"{n.Item1}/{n.Item2}").Concat(hosts.Select(h => h.ToLowerInvariant())).Order(StringComparer.Ordinal));
        return (new OutboundPolicy(false, networks, hosts, key), problems);
    }

    /// <summary>Whether a connection to <paramref name="address"/>, reached through the URL host <paramref name="host"/>, is allowed.</summary>
    public bool Permits(string host, IPAddress address)
    {
        var a = Canonical(address);
        if (!IsInternal(a)) return true;
        if (AllowLoopback && IPAddress.IsLoopback(a)) return true;
        if (_hosts.Contains(host.TrimEnd('.'))) return true;
        return _networks.Any(n => InNetwork(a, Canonical(n.Network), n.Prefix));
    }

    /// <summary>
    /// True for every address a user must not reach through the server: loopback, RFC 1918, link-local (cloud metadata),
    /// carrier-grade NAT, unique-local and link-local IPv6, multicast, unspecified, reserved ranges, the machine's own addresses,
    /// and IPv6 forms that carry any of those IPv4 addresses (mapped, compatible, NAT64, 6to4).
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        var a = Canonical(address);
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = a.GetAddressBytes();
            var internalV4 = b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113);
            return internalV4 || OwnAddresses().Contains(a);
        }
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return true;
        var v6 = a.GetAddressBytes();
        if (a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.IPv6Loopback)) return true;
        if ((v6[0] & 0xFE) == 0xFC) return true; // fc00::/7 unique-local
        if (v6[0] == 0xFE && (v6[1] & 0xC0) is 0x80 or 0xC0) return true; // fe80::/10 link-local, fec0::/10 site-local
        if (v6[0] == 0xFF) return true; // multicast
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8) return true; // documentation
        // ::a.b.c.d (IPv4-compatible), 64:ff9b::a.b.c.d (NAT64) and 2002:a.b.c.d:: (6to4) carry an IPv4 address.
        if (v6.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return IsInternal(new IPAddress(v6.AsSpan(12, 4)));
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B && v6.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return IsInternal(new IPAddress(v6.AsSpan(12, 4)));
        if (v6[0] == 0x20 && v6[1] == 0x02) return IsInternal(new IPAddress(v6.AsSpan(2, 4)));
        return OwnAddresses().Contains(a);
    }

    private static IPAddress Canonical(IPAddress a)
    {
        var plain = a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
        return plain.AddressFamily == AddressFamily.InterNetworkV6 && plain.ScopeId != 0 ? new IPAddress(plain.GetAddressBytes()) : plain;
    }

    private static bool InNetwork(IPAddress a, IPAddress network, int prefix)
    {
        if (a.AddressFamily != network.AddressFamily) return false;
        var x = a.GetAddressBytes();
        var y = network.GetAddressBytes();
        for (var i = 0; i < x.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((x[i] & mask) != (y[i] & mask)) return false;
        }
        return true;
    }

    private static readonly Lock OwnLock = new();
    private static (DateTime At, HashSet<IPAddress> Addresses) _own = (DateTime.MinValue, []);

    /// <summary>The machine's own unicast addresses, looked up at most once a minute (interfaces change rarely).</summary>
    private static HashSet<IPAddress> OwnAddresses()
    {
        lock (OwnLock)
        {
            if (DateTime.UtcNow - _own.At < TimeSpan.FromMinutes(1)) return _own.Addresses;
            var set = new HashSet<IPAddress>();
            try
            {
                foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                {
                    foreach (var u in nic.GetIPProperties().UnicastAddresses)
                    {
                        set.Add(Canonical(u.Address));
                    }
                }
            }
            catch (NetworkInformationException)
            {
                // No interface list (a locked-down container): the fixed ranges above still apply.
            }
            _own = (DateTime.UtcNow, set);
            return set;
        }
    }
}
