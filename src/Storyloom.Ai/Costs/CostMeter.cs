namespace Storyloom.Ai.Costs;

/// <summary>What one paid call used, as the provider reported it (or as estimated when the response carried no usage).</summary>
public sealed record UsageRecord(string Step, string Model, long InputTokens, long OutputTokens, int Images, decimal Cost, bool FromCache = false);

/// <summary>
/// A run reached its budget before starting a paid step. Nothing already paid for is lost: the asset cache and the
/// recorded usage survive, so the run resumes with a higher cap where it stopped. The job engine turns this into a paused task.
/// </summary>
public sealed class BudgetReachedException(decimal spent, decimal cap, decimal nextStepCost, string step)
    : Exception($"budget of ${cap:0.00} reached (spent ${spent:0.0000}, next step '{step}' would cost about ${nextStepCost:0.0000}); raise the cap to continue")
{
    public decimal Spent { get; } = spent;
    public decimal Cap { get; } = cap;
    public decimal NextStepCost { get; } = nextStepCost;
    public string Step { get; } = step;
}

/// <summary>
/// The money side of one book: checks the cap before each paid step (a step boundary) and records actual usage after it.
/// Thread-safe: pictures are painted concurrently. In-flight steps are reserved, so concurrent steps cannot overshoot together.
/// </summary>
public sealed class CostMeter(PriceTable prices, decimal? cap = null, decimal alreadySpent = 0)
{
    private readonly Lock _gate = new();
    private readonly List<UsageRecord> _records = [];
    private decimal _spent = alreadySpent;
    private decimal _reserved;

    public PriceTable Prices { get; } = prices;

    public decimal? Cap { get; private set; } = cap;

    public decimal Spent { get { lock (_gate) return _spent; } }

    public IReadOnlyList<UsageRecord> Records { get { lock (_gate) return [.. _records]; } }

    /// <summary>Raises (or removes) the cap, e.g. when a paused run is resumed.</summary>
    public void RaiseCap(decimal? cap)
    {
        lock (_gate) Cap = cap;
    }

    /// <summary>Reserves the estimated cost of the next step or throws <see cref="BudgetReachedException"/>; dispose the reservation when the step ends.</summary>
    public Reservation Reserve(string step, decimal estimate)
    {
        lock (_gate)
        {
            if (Cap is { } c && _spent + _reserved + estimate > c) throw new BudgetReachedException(_spent, c, estimate, step);
            _reserved += estimate;
        }
        return new Reservation(this, estimate);
    }

    public UsageRecord RecordTokens(string step, string model, long input, long output)
    {
        var record = new UsageRecord(step, model, input, output, 0, Prices.For(model).ForTokens(input, output));
        Add(record);
        return record;
    }

    public UsageRecord RecordImage(string step, string model, string quality, long input, long output, string? size = null)
    {
        var record = new UsageRecord(step, model, input, output, 1, Prices.For(model).ForImage(quality, size));
        Add(record);
        return record;
    }

    /// <summary>One sentence spoken: priced by its characters and the seconds of sound (the speech answer carries no usage).</summary>
    public UsageRecord RecordSpeech(string step, string model, int characters, double seconds)
    {
        var record = new UsageRecord(step, model, (characters + 3) / 4, 0, 0, Prices.For(model).ForSpeech(characters, seconds));
        Add(record);
        return record;
    }

    /// <summary>A picture served from the asset cache: recorded so reports show it, but free.</summary>
    public void RecordCacheHit(string step, string model) => Add(new UsageRecord(step, model, 0, 0, 0, 0, FromCache: true));

    private void Add(UsageRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
            _spent += record.Cost;
        }
    }

    public sealed class Reservation(CostMeter meter, decimal amount) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            lock (meter._gate) meter._reserved -= amount;
        }
    }
}
