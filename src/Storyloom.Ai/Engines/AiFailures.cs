using System.Globalization;
using Storyloom.Ai.Costs;
using Storyloom.Ai.Providers;
using Storyloom.Ai.Safety;
using Storyloom.Core.Pipeline;

namespace Storyloom.Ai.Engines;

/// <summary>Turns what the AI side expects to go wrong into the pipeline's one-line <see cref="BuildException"/>, saying what to do.</summary>
internal static class AiFailures
{
    public static T Run<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return call().GetAwaiter().GetResult();
        }
        catch (BudgetReachedException e)
        {
            throw new BuildException(string.Create(CultureInfo.InvariantCulture,
                $"{what} stopped at the budget of ${e.Cap:0.00} (spent ${e.Spent:0.00}; '{e.Step}' would cost about ${e.NextStepCost:0.00}); run the same command with a higher STORYLOOM_AI_BUDGET to continue: nothing paid for is asked for twice"), e);
        }
        catch (ContentRefusedException e)
        {
            throw new BuildException($"{e.Message}; change the brief and try again", e);
        }
        catch (OpenAiException e)
        {
            var advice = e.Kind switch
            {
                FailureKind.QuotaExceeded => "add credit to the provider account, then run the same command again",
                FailureKind.Unauthorized => "check OPENAI_API_KEY (and that the organisation may use the model)",
                FailureKind.BadRequest => "check the model names (STORYLOOM_AI_*_MODEL) against `storyloom doctor`",
                FailureKind.ContentPolicy => "the provider refused the content; change the brief and try again",
                FailureKind.Unreachable => "check the base URL (OPENAI_BASE_URL, or Settings on a server)",
                _ => "the provider did not answer in time; run the same command again to continue where it stopped",
            };
            throw new BuildException($"{what} failed: {e.Message.Split('\n')[0]}; {advice}", e);
        }
    }
}
