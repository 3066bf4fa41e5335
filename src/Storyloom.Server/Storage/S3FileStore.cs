using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Storyloom.Server.Storage;

/// <summary>
/// Files in a bucket of an S3-compatible store (AWS S3, MinIO, moto), for nodes that share no disk. A put of one object is
/// atomic in S3, so readers see the old file or the new one. Keys get <see cref="StorageOptions.Prefix"/> in front.
/// </summary>
internal sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly bool _createBucket;

    public S3FileStore(StorageOptions options)
    {
        _bucket = options.Bucket!;
        _prefix = options.Prefix ?? "";
        _createBucket = options.CreateBucket;
        var config = new AmazonS3Config();
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
            // Stores other than AWS (older MinIO, moto) do not all take the SDK's default CRC32 trailers; ask only when S3 requires it.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        config.ForcePathStyle = options.ForcePathStyle ?? !string.IsNullOrEmpty(options.ServiceUrl);
        _s3 = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        Location = $"s3://{_bucket}/{_prefix}" + (string.IsNullOrEmpty(options.ServiceUrl) ? "" : $" at {options.ServiceUrl}");
    }

    public string Location { get; }

    private string KeyOf(string key) => _prefix + StoreKeys.Check(key);

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        // The SDK needs a length: a stream that cannot seek goes through a temp file first (never the whole book in memory).
        FileStream? spill = null;
        try
        {
            if (!content.CanSeek)
            {
                spill = new FileStream(Path.Combine(Path.GetTempPath(), $"storyloom-put-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(spill, ct);
                spill.Position = 0;
            }
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = KeyOf(key),
                InputStream = spill ?? content,
                AutoCloseStream = false,
                ContentType = ContentTypes.Of(key),
            }, ct);
        }
        finally
        {
            if (spill is not null)
            {
                await spill.DisposeAsync();
            }
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await _s3.GetObjectAsync(_bucket, KeyOf(key), ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_bucket, KeyOf(key), ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) => _s3.DeleteObjectAsync(_bucket, KeyOf(key), ct);

    public async IAsyncEnumerable<StoredFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + StoreKeys.CheckPrefix(prefix) };
        while (true)
        {
            var page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return new StoredFile(o.Key[_prefix.Length..], o.Size ?? 0, o.LastModified?.ToUniversalTime() ?? DateTime.MinValue);
            }
            if (page.IsTruncated != true)
            {
                yield break;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>The bucket answers and takes a write; a missing bucket is made when <see cref="StorageOptions.CreateBucket"/> is set.</summary>
    public async Task<StorageProbe> ProbeAsync(CancellationToken ct)
    {
        try
        {
            if (_createBucket && !await BucketExistsAsync(ct))
            {
                try
                {
                    await _s3.PutBucketAsync(_bucket, ct);
                }
                catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
                {
                    // Another node made it first.
                }
            }
            var key = $".probe/{Guid.NewGuid():N}";
            await PutAsync(key, new MemoryStream("ok"u8.ToArray()), ct);
            await DeleteAsync(key, ct);
            return new StorageProbe(Location, null, null);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket" || e.StatusCode == HttpStatusCode.NotFound)
        {
            return Problem($"the bucket '{_bucket}' does not exist; create it, or set Storyloom__Storage__CreateBucket=true to have it made");
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || e.ErrorCode is "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied")
        {
            return Problem($"the store refused the credentials ({e.ErrorCode}); check Storyloom__Storage__AccessKey/SecretKey or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and the bucket's policy");
        }
        catch (AmazonClientException e) when (e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            return Problem("no credentials: set Storyloom__Storage__AccessKey and SecretKey, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            return Problem($"cannot reach the store ({e.Message.Split('\n')[0]}); check Storyloom__Storage__ServiceUrl and that the store is running");
        }
    }

    private async Task<bool> BucketExistsAsync(CancellationToken ct)
    {
        try
        {
            await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, MaxKeys = 1 }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket" || e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private StorageProbe Problem(string problem) => new(Location, null, $"{Location}: {problem}");

    public void Dispose() => _s3.Dispose();
}

/// <summary>Content types by file name, for stores that keep one with each file.</summary>
internal static class ContentTypes
{
    public static string Of(string key) => Path.GetExtension(key) switch
    {
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".zip" => "application/zip",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
