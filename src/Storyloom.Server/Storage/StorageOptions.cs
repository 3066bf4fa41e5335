namespace Storyloom.Server.Storage;

/// <summary>
/// The "Storyloom:Storage" section: where assets and book files live. <c>local</c> (default) keeps them in a folder;
/// <c>s3</c> in a bucket of any S3-compatible store (AWS, MinIO, moto). Credentials come from AccessKey/SecretKey or, when
/// those are empty, from the usual AWS_* environment variables and profiles.
/// </summary>
public sealed class StorageOptions
{
    public const string Local = "local";
    public const string S3 = "s3";

    public string Provider { get; set; } = Local;
    /// <summary>local: the folder (default: the data directory).</summary>
    public string? Folder { get; set; }
    /// <summary>s3: the bucket; it must exist unless <see cref="CreateBucket"/> is set.</summary>
    public string? Bucket { get; set; }
    /// <summary>s3: keys start with this inside the bucket (e.g. "storyloom/"), so one bucket can hold several installs.</summary>
    public string? Prefix { get; set; }
    /// <summary>s3: the endpoint of an S3-compatible store (http://minio:9000); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>s3: the region (default us-east-1 with a ServiceUrl; AWS_REGION otherwise).</summary>
    public string? Region { get; set; }
    /// <summary>s3: bucket in the path (http://host/bucket/key), which MinIO and moto need; default: on with a ServiceUrl.</summary>
    public bool? ForcePathStyle { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    /// <summary>s3: make the bucket at start-up when it is missing (compose, tests); off by default, so a typo fails loudly.</summary>
    public bool CreateBucket { get; set; }

    public bool IsS3 => string.Equals(Provider, S3, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Problems()
    {
        if (!IsS3 && !string.Equals(Provider, Local, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Storyloom:Storage:Provider is '{Provider}'; use local or s3";
            yield break;
        }
        if (!IsS3)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            yield return "Storyloom:Storage:Bucket is missing; set Storyloom__Storage__Bucket to the bucket that holds the files";
        }
        if (!string.IsNullOrEmpty(ServiceUrl) && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            yield return $"Storyloom:Storage:ServiceUrl '{ServiceUrl}' is not an http(s) URL; use e.g. http://127.0.0.1:9000";
        }
        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return "Storyloom:Storage:AccessKey and SecretKey go together; set both, or neither to use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
        }
        if (Prefix is { Length: > 0 } prefix && (prefix.StartsWith('/') || !prefix.EndsWith('/')))
        {
            yield return $"Storyloom:Storage:Prefix '{prefix}' must not start with '/' and must end with '/' (e.g. storyloom/)";
        }
    }
}
