namespace Storyloom.Core.Story;

/// <summary>
/// Common-word lists by age band, after the Dolch and Fry sight words plus everyday picture-book nouns; a word counts as
/// common when it or its stem ("looked", "puppies", "hopping") is on the list of its band or a younger one.
/// </summary>
internal static class CommonWords
{
    private const string Early =
        "a about after again all always am an and any are around as ask at ate away baby back bad ball be bear because bed been " +
        "before best better big bird birthday black blue boat book both box boy bread bring brown bug bunny but buy by cake call came " +
        "can car carry cat chair chick child clean cold come could cow cry cup cut dad daddy day did do does dog doll done don't door " +
        "down draw drink duck each eat egg eight end every eye eyes fall far farm fast father feel feet find first fish five fly for " +
        "found four fox friend frog from full fun funny game gave get girl give go goes going good goodnight got grandma grandpa grass green " +
        "grow had hand happy has hat have he head hear hello help her here hi hide hill him his hold home hop hot house how hug hurt i " +
        "if in into is it its it's jump just keep kind kiss kite know last laugh let let's light like little live long look lost lot " +
        "love made make mama man many may me mine milk more morning most mother mouse much must my name nap near need nest new next nice " +
        "night no nose not now of off oh ok okay old on once one only open or our out over own papa park pet pick pig pink place " +
        "play please pull purple push put rain ran read red ride right ring road rock room round run sad said sand sat saw say school " +
        "sea see seven shall she sheep shoe shop show shut sing sister sit six sleep slow small smile snow so some soon splash spot star " +
        "stars stop story sun swim table take tall tell ten than thank thanks that the their them then there these they thing think this " +
        "those three time to today together too took top toy tree try tummy two under up upon us very wait wake walk want warm was wash " +
        "water wave way we well went were wet what when where which white who why will wind window wish with woof yes yellow you your yum " +
        "zoo hooray shh moon sky flower tiny soft hop yawn bath boots coat teddy blanket lamp pillow bunny puppy kitten apple cookie " +
        "tree trees leaf leaves nap quiet loud peek boo wow bye bounce clap giggle hush";

    private const string Middle =
        "above across afraid against air almost alone along already also among angry animal animals another answer anyone anything " +
        "anywhere arm asked asleep awake bag bake band bank bark barn basket beach beautiful became become bell below beside between " +
        "bike bit bite blanket bloom board body bone bottom bounce branch brave break breakfast breath breathe bright brother brush " +
        "build built bus busy button cage calm camp candle cap care careful castle catch caught cave center chase cheek cheer chin " +
        "circle city class classroom climb close closer cloud clown coat collect color corner count country cousin cover crab crayon " +
        "creek crowd cub cuddle curl dance dark dear deep desk different dig dinner dirt done dragon dream dress drop dry during each " +
        "ear early earth edge else empty enough even evening ever everyone everything except excited face fair family favorite fear " +
        "feather feeling fence few field fill fine finger finish fire floor flower follow food forest forget forgot fresh front fruit " +
        "garden gate gentle gift glad glow gold gone grab great ground group grown guess hair half hall hang hard heart heavy held " +
        "high hole honey hope horse hour hug hum hungry hurry idea inside island join juice kept kick kid king kitchen knee knew lake " +
        "lamp land large late lay lead learn least leave left leg less lesson letter lie life line lion listen lonely lots low lucky " +
        "lunch map mark matter maybe meet middle might mind minute miss moment money monkey month mud music narrow neck never news " +
        "noise nothing notice number ocean odd ones other outside paint pair paper party past path pattern pay peek pencil people " +
        "perhaps picnic picture piece plan plant pocket point pond pool present pretend pretty proud puddle puzzle queen question " +
        "quick quiet quite race rainbow reach ready real remember rest river robot rocket roll roof rope row rule safe same save scared " +
        "scarf seat second secret seed share shell shine shiny short should shoulder shout shy side sign silly since skip sleepy slide " +
        "slowly smell snack sniff snuggle soft someone something sometimes song sorry sound space special speak spin spring stand start " +
        "stay step stick still stone straight strange street string strong such summer supper sure surprise sweet swing tail talk taste " +
        "teacher team tear teeth thought through throw tight tiptoe tired toes touch tower town track trail treasure treat trick true " +
        "turn twirl voice wagon wall wander warm watch wear week whisper whole wide wild win wing winter wise without wobble woke wonder " +
        "wood woods word work world worry write wrong yard year yet young bus slide lunchbox backpack recess playground hallway " +
        "neighbor neighbors cocoa goodbye hello smiled waved wiggle wiggled giggled hopped skipped peeked gobble nibble sparkle";

    private const string Late =
        "able according actually adventure afternoon ahead alike allow although amazing amount ancient announce anxious appear " +
        "arrive attention autumn avoid balance basket beneath beyond blink blossom borrow boulder bravery breeze bubble bundle burrow " +
        "cabin calmly capture carefully carpet cast celebrate certain chance change chatter cheerful chest choose chorus clever " +
        "cliff clue collection comfort common complete confident consider continue courage crackle crash crawl creature creep " +
        "crooked crumb curious daring decide delight describe determined discover distance drift drizzle eager echo edge effort " +
        "either empty encourage energy enormous entire entrance escape especially exactly examine excitement explain explore " +
        "expression faint familiar fault fetch figure flash flicker float flutter fog footprint footprints fortune fountain frozen " +
        "gather gaze generous gentle giant glance gleam glimmer glimpse glisten gloomy grateful greet grin grumble guard guide " +
        "handful harbor harvest hedge hesitate hollow horizon hover huge hurried imagine important instead interesting invite " +
        "journey kindness knock ladder lantern laughter lean ledge lighthouse limb linger lively meadow measure melt memory " +
        "message mighty mischief mist moss mountain mumble murmur mystery nearby neat nervous nestle noticed nudge offer orchard " +
        "ordinary patient pause peaceful peer pebble perfect plenty polite ponder possible pounce practice prepare promise protect " +
        "puddle puzzled quietly ramble realize reason recess reply rescue return ripple rumble rustle scamper scatter scent search " +
        "settle shadow shelter shimmer shiver shore signal silence simple sketch slip snore soar solve sparkle spark splendid " +
        "sprinkle squeeze squint stare steady stream stretch stripe struggle suddenly sunlight sunrise sunset swirl terrible thick " +
        "thunder tickle timid toward trouble trust tumble tunnel twinkle unusual upon usual valley village warmth whistle whole " +
        "wonderful worried wrapped beyond beside meanwhile somewhere everywhere anyone anything someone something maybe gently " +
        "softly slowly quietly bravely kindly sleepily happily proudly eagerly shyly nervously finally suddenly";

    private static readonly HashSet<string> EarlySet = Split(Early);
    private static readonly HashSet<string> MiddleSet = [.. EarlySet, .. Split(Middle)];
    private static readonly HashSet<string> LateSet = [.. MiddleSet, .. Split(Late)];

    /// <summary>0–5 share one list of first words; 6–8 adds everyday school words; 9–12 adds story-book words.</summary>
    public static IReadOnlySet<string> For(Books.AgeBand band) => band switch
    {
        Books.AgeBand.Age0To2 or Books.AgeBand.Age3To5 => EarlySet,
        Books.AgeBand.Age6To8 => MiddleSet,
        _ => LateSet,
    };

    public static bool Contains(IReadOnlySet<string> list, string word) => list.Contains(word) || Stems(word).Any(list.Contains);

    /// <summary>Plain suffix stripping: "puppies" → "puppy", "hopping" → "hop", "smiled" → "smile"; good enough to look a word up.</summary>
    private static IEnumerable<string> Stems(string w)
    {
        if (w.EndsWith("'s", StringComparison.Ordinal)) yield return w[..^2];
        foreach (var suffix in new[] { "s", "es", "ed", "d", "ing", "ly", "er", "est", "y", "ily", "ness", "ful" })
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal) || w.Length - suffix.Length < 2) continue;
            var stem = w[..^suffix.Length];
            yield return stem;
            yield return stem + "e";
            if (stem.EndsWith('i')) yield return stem[..^1] + "y";
            if (stem.Length > 2 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
    }

    private static HashSet<string> Split(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
