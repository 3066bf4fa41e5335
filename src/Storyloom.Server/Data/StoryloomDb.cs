using System.Text;
using Microsoft.EntityFrameworkCore;
using Storyloom.Server.Accounts;
using Storyloom.Server.Assets;
using Storyloom.Server.Audit;
using Storyloom.Server.Books;
using Storyloom.Server.Canva;
using Storyloom.Server.Characters;
using Storyloom.Server.Tasks;
using Storyloom.Server.Templates;

namespace Storyloom.Server.Data;

/// <summary>The one DbContext. The schema comes from the hand-written migrations in Data/Migrations, not from EF.</summary>
public sealed class StoryloomDb(DbContextOptions<StoryloomDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Book> Books => Set<Book>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<PictureCandidate> PictureCandidates => Set<PictureCandidate>();
    public DbSet<BookCharacter> BookCharacters => Set<BookCharacter>();
    public DbSet<Character> Characters => Set<Character>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<GenerationTask> GenerationTasks => Set<GenerationTask>();
    public DbSet<TaskStep> TaskSteps => Set<TaskStep>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Files.BookVersion> BookVersions => Set<Files.BookVersion>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Engines.AiSettings> AiSettings => Set<Engines.AiSettings>();
    public DbSet<Monitoring.AlertRule> AlertRules => Set<Monitoring.AlertRule>();
    public DbSet<CanvaConnection> CanvaConnections => Set<CanvaConnection>();
    public DbSet<CanvaAuthRequest> CanvaAuthRequests => Set<CanvaAuthRequest>();
    public DbSet<CanvaTemplateMapping> CanvaTemplateMappings => Set<CanvaTemplateMapping>();
    public DbSet<CanvaBookTemplate> CanvaBookTemplates => Set<CanvaBookTemplate>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<User>().ToTable("users");
        b.Entity<RefreshToken>().ToTable("refresh_tokens");
        b.Entity<ApiKey>().ToTable("api_keys");
        b.Entity<Book>().ToTable("books");
        b.Entity<Book>().HasMany(x => x.Pages).WithOne().HasForeignKey(p => p.BookId);
        b.Entity<Book>().HasMany(x => x.Characters).WithOne().HasForeignKey(c => c.BookId);
        b.Entity<Page>().ToTable("pages");
        b.Entity<PictureCandidate>().ToTable("picture_candidates");
        b.Entity<BookCharacter>().ToTable("book_characters").HasKey(x => new { x.BookId, x.CharacterId });
        b.Entity<Character>().ToTable("characters");
        b.Entity<Template>().ToTable("templates");
        b.Entity<GenerationTask>().ToTable("generation_tasks");
        b.Entity<TaskStep>().ToTable("task_steps").HasKey(x => new { x.TaskId, x.Name });
        b.Entity<TaskEvent>().ToTable("task_events");
        b.Entity<Asset>().ToTable("assets");
        b.Entity<Files.BookVersion>().ToTable("book_versions");
        b.Entity<AuditEntry>().ToTable("audit_log");
        b.Entity<Engines.AiSettings>().ToTable("ai_settings").HasKey(x => x.UserId);
        b.Entity<Monitoring.AlertRule>().ToTable("alert_rules");
        b.Entity<CanvaConnection>().ToTable("canva_connections").HasKey(x => x.UserId);
        b.Entity<CanvaAuthRequest>().ToTable("canva_auth_requests").HasKey(x => x.State);
        b.Entity<CanvaTemplateMapping>().ToTable("canva_template_mappings").HasKey(x => new { x.UserId, x.BrandTemplateId });
        b.Entity<CanvaBookTemplate>().ToTable("canva_book_templates").HasKey(x => new { x.BookId, x.Part });
        b.Entity<Hosting.IdempotentRequest>().ToTable("idempotency_keys").HasKey(x => new { x.UserId, x.Key });

        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                {
                    // Stored as UTC; read back as UTC so PostgreSQL's timestamptz and SQLite's text agree.
                    property.SetValueConverter(property.ClrType == typeof(DateTime) ? UtcConverter : NullableUtcConverter);
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>What this context changed that other parts must hear of once it is committed (<see cref="Cluster.ChangeSignals"/>).</summary>
    internal HashSet<(string Kind, Guid Id)> PendingSignals { get; } = [];

    /// <summary>Saves, and moves the read stamp of every book whose pages or cast changed (<see cref="ReadStamps"/>) in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var untracked = ReadStamps.Advance(ChangeTracker);
        ReadStamps.CollectSignals(ChangeTracker, untracked, PendingSignals);
        if (untracked.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = ReadStamps.Now();
            await Books.Where(b => untracked.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, now), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime> UtcConverter =
        new(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?> NullableUtcConverter =
        new(v => v.HasValue ? v.Value.ToUniversalTime() : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
