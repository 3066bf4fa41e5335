using System.Text;
using Storyloom.Server.Hosting;
using Storyloom.Server.Storage;

namespace Storyloom.Server.Tests.Storage;

/// <summary>What every store promises, run against the local folder and against an S3-compatible server (moto) on loopback.</summary>
public abstract class FileStoreContractTests : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IFileStore Store { get; private set; } = null!;

    protected abstract Task<IFileStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => Store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_put_file_reads_back_byte_for_byte_and_a_second_put_replaces_it()
    {
        var bytes = new byte[3 << 20];
        new Random(7).NextBytes(bytes);
        await Store.PutAsync("books/abc/v1/interior.pdf", bytes, Ct);
        (await Store.GetAsync("books/abc/v1/interior.pdf", Ct)).ShouldBe(bytes);
        (await Store.ExistsAsync("books/abc/v1/interior.pdf", Ct)).ShouldBeTrue();

        await Store.PutAsync("books/abc/v1/interior.pdf", "%PDF-1.7 smaller"u8.ToArray(), Ct);
        await using var stream = await Store.OpenReadAsync("books/abc/v1/interior.pdf", Ct);
        using var reader = new StreamReader(stream.ShouldNotBeNull());
        (await reader.ReadToEndAsync(Ct)).ShouldBe("%PDF-1.7 smaller");
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_whole()
    {
        var text = string.Concat(Enumerable.Repeat("once upon a time ", 20_000));
        await Store.PutAsync("assets/ab/abcdef", new ForwardOnly(Encoding.UTF8.GetBytes(text)), Ct);
        Encoding.UTF8.GetString((await Store.GetAsync("assets/ab/abcdef", Ct)).ShouldNotBeNull()).ShouldBe(text);
    }

    [Fact]
    public async Task A_missing_file_is_null_not_an_error_and_deleting_it_is_fine()
    {
        (await Store.OpenReadAsync("books/none/v1/cover.pdf", Ct)).ShouldBeNull();
        (await Store.GetAsync("books/none/v1/cover.pdf", Ct)).ShouldBeNull();
        (await Store.ExistsAsync("books/none/v1/cover.pdf", Ct)).ShouldBeFalse();
        await Store.DeleteAsync("books/none/v1/cover.pdf", Ct);

        await Store.PutAsync("books/one/v1/cover.pdf", "x"u8.ToArray(), Ct);
        await Store.DeleteAsync("books/one/v1/cover.pdf", Ct);
        (await Store.ExistsAsync("books/one/v1/cover.pdf", Ct)).ShouldBeFalse();
        (await ListAsync("books/one/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Listing_by_prefix_gives_only_those_keys_in_order_with_their_sizes()
    {
        await Store.PutAsync("books/b1/v2/listing.json", "{}"u8.ToArray(), Ct);
        await Store.PutAsync("books/b1/v1/interior.pdf", "12345"u8.ToArray(), Ct);
        await Store.PutAsync("books/b1/v1/cover.pdf", "123"u8.ToArray(), Ct);
        await Store.PutAsync("books/b10/v1/cover.pdf", "1"u8.ToArray(), Ct);

        (await ListAsync("books/b1/")).Select(f => (f.Key, f.Size)).ShouldBe(
            [("books/b1/v1/cover.pdf", 3L), ("books/b1/v1/interior.pdf", 5L), ("books/b1/v2/listing.json", 2L)]);
        (await ListAsync("books/b1/v1/")).Count.ShouldBe(2);
        (await ListAsync("books/b1")).Count.ShouldBe(4);
        (await ListAsync("books/nothing/")).ShouldBeEmpty();
        (await ListAsync("books/b1/")).ShouldAllBe(f => f.LastModified > DateTime.UtcNow.AddMinutes(-5) && f.LastModified.Kind == DateTimeKind.Utc);

        (await Store.DeleteAllAsync("books/b1/", Ct)).ShouldBe(3);
        (await ListAsync("books/")).Select(f => f.Key).ShouldBe(["books/b10/v1/cover.pdf"]);
    }

    [Theory]
    [InlineData("../storyloom.db")]
    [InlineData("books/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("books//v1")]
    [InlineData("books\\v1")]
    [InlineData("")]
    public async Task A_key_that_could_leave_the_store_is_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, "x"u8.ToArray(), Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
    }

    [Fact]
    public async Task The_probe_says_the_store_is_usable_and_leaves_nothing_behind()
    {
        var probe = await Store.ProbeAsync(Ct);
        probe.Problem.ShouldBeNull();
        probe.Detail.ShouldContain(Store.Location);
        (await ListAsync("")).ShouldBeEmpty();
    }

    protected async Task<List<StoredFile>> ListAsync(string prefix)
    {
        var files = new List<StoredFile>();
        await foreach (var f in Store.ListAsync(prefix, Ct))
        {
            files.Add(f);
        }
        return files;
    }

    /// <summary>Like a request body: read once, front to back, no length.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}

public sealed class LocalFolderStoreTests : FileStoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyloom-store-").FullName;

    protected override Task<IFileStore> CreateStoreAsync() => Task.FromResult(StorageSetup.Create(new StoryloomOptions { DataDirectory = _dir }));

    [Fact]
    public async Task Files_are_plain_files_under_the_data_folder_and_no_temp_file_is_left()
    {
        await Store.PutAsync("assets/ab/abc", "picture"u8.ToArray(), Ct);
        (await File.ReadAllTextAsync(Path.Combine(_dir, "assets", "ab", "abc"), Ct)).ShouldBe("picture");
        Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        await Store.DeleteAsync("assets/ab/abc", Ct);
        Directory.Exists(Path.Combine(_dir, "assets")).ShouldBeFalse("empty folders go with the last file");
    }

    public override ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return base.DisposeAsync();
    }
}

public sealed class S3FileStoreTests(MotoServer moto) : FileStoreContractTests, IClassFixture<MotoServer>
{
    protected override async Task<IFileStore> CreateStoreAsync() => Create(await moto.CreateBucketAsync());

    private IFileStore Create(string bucket, Action<StorageOptions>? change = null)
    {
        var options = new StoryloomOptions { DataDirectory = Path.GetTempPath() };
        options.Storage = new StorageOptions
        {
            Provider = "s3", Bucket = bucket, ServiceUrl = moto.ServiceUrl, AccessKey = MotoServer.AccessKey, SecretKey = MotoServer.SecretKey,
        };
        change?.Invoke(options.Storage);
        options.Storage.Problems().ShouldBeEmpty();
        return StorageSetup.Create(options);
    }

    [Fact]
    public async Task A_missing_bucket_is_a_clear_problem_and_is_made_when_asked()
    {
        var bucket = $"missing-{Guid.NewGuid():N}"[..24];
        using (var missing = (IDisposable)Create(bucket))
        {
            var probe = await ((IFileStore)missing).ProbeAsync(Ct);
            probe.Problem.ShouldNotBeNull().ShouldContain($"the bucket '{bucket}' does not exist");
            probe.Problem.ShouldContain("CreateBucket");
            probe.Problem.ShouldNotContain(MotoServer.SecretKey);
        }
        using var made = (IDisposable)Create(bucket, s => s.CreateBucket = true);
        (await ((IFileStore)made).ProbeAsync(Ct)).Problem.ShouldBeNull();
        (await moto.KeysAsync(bucket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_store_that_does_not_answer_says_where_it_looked()
    {
        using var nowhere = (IDisposable)StorageSetup.Create(new StoryloomOptions
        {
            Storage = new StorageOptions { Provider = "s3", Bucket = "b", ServiceUrl = "http://127.0.0.1:9", AccessKey = "a", SecretKey = "s" },
        });
        var probe = await ((IFileStore)nowhere).ProbeAsync(Ct);
        probe.Problem.ShouldNotBeNull().ShouldContain("cannot reach the store");
        probe.Problem.ShouldContain("http://127.0.0.1:9");
    }

    [Fact]
    public async Task A_prefix_keeps_two_installs_apart_in_one_bucket()
    {
        var bucket = await moto.CreateBucketAsync();
        using var a = (IDisposable)Create(bucket, s => s.Prefix = "one/");
        using var b = (IDisposable)Create(bucket, s => s.Prefix = "two/");
        await ((IFileStore)a).PutAsync("books/x/v1/cover.pdf", "a"u8.ToArray(), Ct);
        (await ((IFileStore)b).ExistsAsync("books/x/v1/cover.pdf", Ct)).ShouldBeFalse();
        (await moto.KeysAsync(bucket)).ShouldBe(["one/books/x/v1/cover.pdf"]);
        await foreach (var f in ((IFileStore)a).ListAsync("books/", Ct))
        {
            f.Key.ShouldBe("books/x/v1/cover.pdf");
        }
    }

    [Fact]
    public void Settings_that_cannot_work_are_one_line_each()
    {
        new StorageOptions { Provider = "ftp" }.Problems().ShouldHaveSingleItem().ShouldContain("use local or s3");
        var problems = new StorageOptions { Provider = "s3", ServiceUrl = "minio:9000", AccessKey = "only-one", Prefix = "/x" }.Problems().ToList();
        problems.Count.ShouldBe(4);
        problems.ShouldContain(p => p.Contains("Bucket is missing", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("AccessKey and SecretKey go together", StringComparison.Ordinal));
    }
}
