using System.Diagnostics;
using System.Globalization;

namespace ClinikoIdP.EndToEndTests.ScaleOut;

/// <summary>
/// Debian's nginx as the load balancer: round-robin over the nodes on a loopback port, passing the client's address
/// and scheme on, and naming in an <c>X-Upstream</c> response header the node that answered each request.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    public const string UpstreamHeader = "X-Upstream";

    /// <summary>A request carrying this header with a node's index ("0", "1") goes to that node instead of the next in turn.</summary>
    public const string PinHeader = "X-Pin-Node";

    private readonly Process process;
    private readonly string directory;

    private Nginx(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts nginx on <paramref name="port"/> in front of the nodes on <paramref name="nodePorts"/>, which need not be
    /// listening yet (nginx answers 502 until one is).
    /// </summary>
    public static async Task<Nginx> StartAsync(int port, IEnumerable<int> nodePorts)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install Debian's nginx (./test.sh does).");
        var directory = Path.Combine(Path.GetTempPath(), "clinikoidp-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var ports = nodePorts.ToList();
        var servers = string.Join("\n", ports.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=1s;"));
        var pinnedGroups = string.Join("\n", ports.Select((p, i) => $"  upstream node{i} {{ server 127.0.0.1:{p}; }}"));
        var pins = string.Join("\n", ports.Select((_, i) => $"    \"{i}\" node{i};"));
        var runAs = Environment.UserName == "root" ? "user root;" : "";
        var config = $$"""
            {{runAs}}
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream clinikoidp {
            {{servers}}
              }
            {{pinnedGroups}}
              map $http_{{PinHeader.ToLowerInvariant().Replace('-', '_')}} $node_group {
                default clinikoidp;
            {{pins}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://$node_group;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_connect_timeout 2s;
                  proxy_next_upstream error timeout;
                  add_header {{UpstreamHeader}} $upstream_addr always;
                }
              }
            }
            """;
        var configFile = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configFile, config);

        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Path.Combine(directory, "error.log"));
        var nginx = new Nginx(Process.Start(start)!, directory, port);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            Assert.False(nginx.process.HasExited, "nginx exited: " + await nginx.process.StandardError.ReadToEndAsync());
            try
            {
                using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/.well-known/openid-configuration"));
                // Only nginx names the upstream: an answer without the header came from some other process on the port.
                Assert.True(
                    answer.Headers.Contains(UpstreamHeader),
                    $"Port {port} is answered by a process other than nginx. nginx: {await nginx.ErrorLogAsync()}");
                return nginx;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("nginx did not start listening.");
    }

    private async Task<string> ErrorLogAsync()
    {
        var log = Path.Combine(directory, "error.log");
        var printed = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
        return printed + (File.Exists(log) ? await File.ReadAllTextAsync(log) : "");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // nginx's files may still be closing; the temporary directory is cleaned by the OS eventually.
        }
    }
}
