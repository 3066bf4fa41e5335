using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Draws any cast member from its bible entry, so the same character looks the same on every page and in line art.</summary>
internal static partial class CharacterPainter
{
    private readonly record struct Limbs(double FrontLeg, double BackLeg, double FrontArm, double BackArm, bool Sit, double Lean, double Lift = 0);

    /// <summary>An upright body in local units (feet at y=0, facing +x): hips, legs, shoulders, arms, torso and head.</summary>
    private readonly record struct Build(double Top, double HipY, double Leg, double LegW, double ShoulderY, double Arm, double ArmW,
        double TorsoY, double TorsoRx, double TorsoRy, double HeadY, double HeadScale);

    private static readonly Build Chibi = new(96, -16, 15, 9, -44, 20, 7, -31, 17, 21, -68, 1);
    private static readonly Build Grown = new(130, -38, 36, 10, -82, 36, 8, -60, 17, 25, -104, 0.86);
    private static readonly Build Infant = new(64, -8, 9, 8, -28, 12, 6, -19, 14, 13, -43, 0.9);

    /// <summary>How tall a species stands next to an adult (1.0): the same height passed in gives every character its size.</summary>
    public static double SizeOf(Species sp) => sp switch
    {
        Species.Adult => 1.0,
        Species.Grandparent => 0.96,
        Species.Child => 0.7,
        Species.Baby => 0.4,
        Species.Elephant => 1.15,
        Species.Dinosaur => 1.0,
        Species.Horse or Species.Unicorn => 1.1,
        Species.Cow => 0.95,
        Species.Dragon => 0.85,
        Species.Bear or Species.Lion => 0.8,
        Species.Robot => 0.72,
        Species.Sheep => 0.65,
        Species.Fox or Species.Dog or Species.Cat or Species.Rabbit or Species.Monkey or Species.Pig => 0.62,
        Species.Penguin or Species.Owl => 0.56,
        Species.Mouse or Species.Duck => 0.45,
        Species.Frog or Species.Turtle => 0.4,
        _ => 0.7,
    };

    /// <summary>
    /// The height to pass to <see cref="Draw"/> so that this one character fills a box of the given height and width
    /// (for a picture of a single character, where sizes between species do not matter).
    /// </summary>
    /// <summary>The size of this character next to an adult: an animal parent (Mama Bear) stands taller than its cub, a pet smaller than its child.</summary>
    private static double SizeOf(Character ch) => SizeOf(ch.Species) * (ch.Role == "grown-up" && !People(ch.Species) ? 1.3 : Pet(ch) ? 0.75 : 1);

    public static double HeightToFill(Species sp, double height, double width)
    {
        var (top, half) = FourLegged(sp) ? (QuadOf(sp).Top, QuadOf(sp).HalfWidth) : (BuildOf(sp).Top, BuildOf(sp).Top * 0.42);
        return Math.Min(height, width / Math.Max(1, 2 * half / top)) / SizeOf(sp);
    }

    /// <summary>
    /// How wide <paramref name="ch"/> is drawn, as a share of the picture's adult <paramref name="height"/> (a dinosaur, all tail,
    /// is more than twice as wide as it is tall), so a scene can space its cast without piling them on each other.
    /// </summary>
    public static double WidthOf(Character ch, Pose pose, double height)
    {
        var sp = ch.Species;
        var four = FourLegged(ch);
        var (top, halfWidth) = four ? (QuadOf(sp).Top, QuadOf(sp).HalfWidth) : (BuildOf(sp).Top, BuildOf(sp).Top * 0.42);
        if (pose == Pose.Sleeping && !four) halfWidth = top * 0.55;
        return 2 * height * SizeOf(ch) * halfWidth / top;
    }

    private static bool People(Species sp) => sp is Species.Child or Species.Adult or Species.Grandparent or Species.Baby;

    private static Build BuildOf(Species sp) => sp switch
    {
        Species.Adult or Species.Grandparent => Grown,
        Species.Baby => Infant,
        Species.Rabbit => Chibi with { Top = 126 },
        Species.Mouse or Species.Fox => Chibi with { Top = 104 },
        Species.Monkey => Chibi with { Top = 100 },
        Species.Frog => Chibi with { Top = 90 },
        _ => Chibi,
    };

    /// <summary>
    /// Draws one character. <paramref name="height"/> is an adult's standing height for this picture: a child is drawn
    /// about 0.7 of it, a baby 0.4, an elephant larger (see <see cref="SizeOf"/>), clamped to stay inside the canvas.
    /// Sleeping lies horizontally, centred on <paramref name="cx"/>, resting on the line <paramref name="feetY"/>, eyes closed.
    /// </summary>
    /// <param name="mood">The face: "happy", "sad", "angry", "scared", "surprised", "calm", "proud", "shy", "excited", "sleepy", "silly", "worried"; null is the usual smile.</param>
    public static void Draw(SvgCanvas c, Character ch, Pose pose, double cx, double feetY, double height, bool facingLeft, string? holding, string? mood = null)
    {
        var sp = ch.Species;
        var four = FourLegged(ch);
        var (top, halfWidth) = four ? (QuadOf(sp).Top, QuadOf(sp).HalfWidth) : (BuildOf(sp).Top, BuildOf(sp).Top * 0.42);
        if (pose == Pose.Sleeping && !four) halfWidth = top * 0.55;
        var size = height * SizeOf(ch);
        // Nothing leaves the canvas: not above the top edge, not wider than the page.
        if (c.Transform == Affine.Identity)
        {
            size = Math.Min(size, Math.Max((feetY - 2) * 0.94, height * 0.2));
            size = Math.Min(size, c.Width * 0.48 / (halfWidth / top));
            var half = size * halfWidth / top;
            if (c.Width > 2 * half) cx = Math.Clamp(cx, half, c.Width - half);
        }
        var s = size / top;
        var flip = facingLeft ? -1 : 1;
        var baseT = Affine.Translate(cx, feetY).Then(Affine.Scale(s * flip, s));
        if (pose == Pose.Sleeping && !four)
        {
            // Lying on the side, head toward the facing direction, resting on the feet line.
            var b = BuildOf(sp);
            var thick = Math.Max(b.TorsoRx, 22 * b.HeadScale);
            baseT = baseT.Then(Affine.Translate(-top * 0.5, -thick)).Then(Affine.Rotate(90));
        }
        c.Push(baseT);
        if (four) FourLegs(c, ch, pose, holding, pose == Pose.Sleeping ? "asleep" : mood);
        else
        {
            var limbs = pose switch
            {
                Pose.Walking => new Limbs(22, -22, -28, 28, false, 2),
                Pose.Running => new Limbs(45, -40, -55, 70, false, 5),
                Pose.Waving => new Limbs(4, -4, 155, -12, false, 0),
                Pose.Holding => new Limbs(3, -3, 72, 58, false, 0),
                Pose.Sitting => new Limbs(88, 80, 28, -18, true, 0),
                Pose.Hugging => new Limbs(6, -8, 84, 74, false, 4),
                Pose.Jumping => new Limbs(34, -38, 150, -150, false, 0, 0.16),
                Pose.Pointing => new Limbs(8, -8, 96, -10, false, 1),
                Pose.Sleeping => new Limbs(2, -2, 8, -8, false, 0),
                _ => new Limbs(4, -4, 14, -14, false, 0),
            };
            if (sp == Species.Grandparent && !limbs.Sit && pose != Pose.Sleeping) limbs = limbs with { Lean = limbs.Lean + 3 };
            Figure(c, ch, BuildOf(sp), limbs, pose, holding, pose == Pose.Sleeping ? "asleep" : mood);
        }
        c.Pop();
    }

    private static void Figure(SvgCanvas c, Character ch, Build b, Limbs l, Pose pose, string? holding, string? mood)
    {
        var sp = ch.Species;
        var body = ch.BodyColor;
        var accent = ch.AccentColor;
        var cloth = ch.ClothingColor;
        var person = People(sp);
        var clothed = Wears(sp);
        var sleeves = person || clothed && ch.Clothing is "jacket" or "sweater";
        var limbColor = sp == Species.Robot ? Palette.Darken(body, 0.15) : sleeves ? cloth : sp is Species.Penguin or Species.Duck ? Palette.Darken(body, 0.1) : body;
        var legColor = sp == Species.Baby ? cloth
            : person ? (ch.Clothing == "dress" ? body : ch.Clothing == "overalls" ? cloth : Trousers(ch))
            : clothed && ch.Clothing == "overalls" ? cloth : sp == Species.Robot ? Palette.Darken(body, 0.15) : body;
        var footColor = sp == Species.Baby ? body : person ? "#3B3340" : sp is Species.Penguin or Species.Duck ? Feet(ch) : Palette.Darken(body, 0.1);
        var handColor = person ? body : sp is Species.Penguin or Species.Duck ? limbColor : limbColor;
        var armX = 12 * b.TorsoRx / 17;

        // Legs pivot at the hips; sitting lowers the whole upper body onto the ground, jumping lifts everything.
        var lift = -l.Lift * b.Top;
        c.Push(Affine.Translate(0, lift));
        var hipY = l.Sit ? -b.LegW * 0.67 : b.HipY;
        var drop = l.Sit ? hipY - b.HipY : 0.0;
        Limb(c, -6, hipY, b.Leg, b.LegW, l.BackLeg, Palette.Darken(legColor, 0.08), Palette.Darken(footColor, 0.1), foot: true);

        c.Push(Affine.Translate(l.Lean, drop));
        Tail(c, sp, body, accent);
        if (clothed && ch.Clothing == "cape") c.Polygon([(-8, b.ShoulderY - 6), (9, b.ShoulderY - 6), (-4, b.HipY + 8), (-30, b.HipY + 4)], cloth);
        if (ch.Accessory == "backpack" && clothed && sp != Species.Baby) c.Rect(-27, b.ShoulderY - 4, 13, (b.HipY - b.ShoulderY) * 0.9, Palette.Darken(cloth, 0.12), Role.Contour, 4);
        if (sp == Species.Dragon) Wing(c, body, accent);
        Limb(c, -armX, b.ShoulderY, b.Arm, b.ArmW, l.BackArm, Palette.Darken(limbColor, 0.08), Palette.Darken(handColor, 0.08), foot: false);
        c.Pop();

        Limb(c, 6, hipY, b.Leg, b.LegW, l.FrontLeg, legColor, footColor, foot: true);

        c.Push(Affine.Translate(l.Lean, drop));
        c.Push(Affine.Translate(0, b.TorsoY).Then(Affine.Scale(b.TorsoRx / 17, b.TorsoRy / 21)).Then(Affine.Translate(0, 31)));
        Torso(c, ch, sp, body, accent, cloth);
        c.Pop();
        if (person && ch.Clothing == "dress" && b.Leg > 20)
            c.Path(p => p.M(-b.TorsoRx * 0.8, b.HipY - 6).L(b.TorsoRx * 0.8, b.HipY - 6).L(b.TorsoRx * 1.25, b.HipY + b.Leg * 0.45).Q(0, b.HipY + b.Leg * 0.55, -b.TorsoRx * 1.25, b.HipY + b.Leg * 0.45).Z(), cloth);
        c.Push(Affine.Translate(l.Lean * 0.6, b.HeadY).Then(Affine.Scale(b.HeadScale, b.HeadScale)));
        Head(c, ch, sp, body, accent, cloth, mood);
        c.Pop();
        if (sp == Species.Grandparent && holding is null && pose is Pose.Standing or Pose.Walking) Cane(c, armX, b, l.FrontArm);
        Limb(c, armX, b.ShoulderY, b.Arm, b.ArmW, l.FrontArm, limbColor, handColor, foot: false);
        if (pose == Pose.Pointing)
        {
            var (fx, fy) = End(armX, b.ShoulderY, b.Arm + 5, l.FrontArm);
            c.Circle(fx, fy, 2, handColor, Role.Detail);
        }
        if (holding is not null)
        {
            var (hx, hy) = End(armX, b.ShoulderY, b.Arm + 2, l.FrontArm);
            PropPainter.Held(c, holding, hx, hy);
        }
        c.Pop();
        c.Pop();
    }

    private static (double X, double Y) End(double px, double py, double len, double angle) =>
        (px + len * Math.Sin(angle * Math.PI / 180), py + len * Math.Cos(angle * Math.PI / 180));

    private static void Limb(SvgCanvas c, double px, double py, double len, double w, double angle, string color, string endColor, bool foot)
    {
        c.Push(Affine.Translate(px, py).Then(Affine.Rotate(-angle)));
        var h = w / 2;
        c.Path(p => p.M(-h, 0).L(-h, len).C(-h, len + h * 1.3, h, len + h * 1.3, h, len).L(h, 0).C(h, -h * 1.3, -h, -h * 1.3, -h, 0).Z(), color);
        c.Pop();
        var (ex, ey) = End(px, py, len, angle);
        if (foot)
            c.Ellipse(ex + 2.5, ey + 1, 6.5 * Math.Max(1, w / 9), 4, endColor);
        else
            c.Circle(ex, ey, 4.6 * Math.Max(0.8, w / 7), endColor);
    }

    private static void Wing(SvgCanvas c, string body, string accent) =>
        c.Path(p => p.M(-6, -46).C(-22, -70, -34, -62, -36, -56).C(-30, -54, -28, -50, -30, -44).C(-22, -46, -16, -42, -8, -36).Z(), Palette.Mix(body, accent, 0.45));

    /// <summary>Whether the body can wear the bible's clothes (overalls, a dress, a cape); a scarf fits anyone with a neck.</summary>
    private static bool Wears(Species sp) => sp is not (Species.Robot or Species.Owl or Species.Penguin or Species.Duck or Species.Frog) && !FourLegged(sp);

    private static string Feet(Character ch) => ch.Species == Species.Penguin ? "#F29B38" : ch.AccentColor;

    private static void Torso(SvgCanvas c, Character ch, Species sp, string body, string accent, string cloth)
    {
        var torso = People(sp) ? cloth : body;
        if (sp == Species.Robot)
        {
            c.Rect(-16, -50, 32, 38, body, Role.Contour, 5);
            c.Rect(-9, -42, 18, 14, Palette.Darken(body, 0.2), Role.Detail, 3);
            c.Circle(-4, -35, 2.2, accent, Role.Detail);
            c.Circle(4, -35, 2.2, Palette.Cheek, Role.Detail);
            return;
        }
        if (sp == Species.Owl)
        {
            c.Ellipse(0, -40, 22, 32, body);
            c.Ellipse(2, -34, 14, 20, accent, Role.Detail);
            for (var i = 0; i < 3; i++) c.Path(p => p.M(-4 + i * 5, -38 + i * 4).Q(-2 + i * 5, -35 + i * 4, 0 + i * 5, -38 + i * 4).Q(-2 + i * 5, -36.5 + i * 4, -4 + i * 5, -38 + i * 4).Z(), Palette.Darken(accent, 0.2), Role.Detail);
        }
        else if (sp is Species.Penguin or Species.Duck)
        {
            c.Ellipse(0, -34, 21, 30, body);
            c.Ellipse(4, -28, 14, 22, sp == Species.Penguin ? accent : Palette.Lighten(body, 0.4), Role.Detail);
        }
        else if (sp == Species.Frog)
        {
            c.Ellipse(0, -28, 19, 19, body);
            c.Ellipse(3, -25, 12, 13, accent, Role.Detail);
        }
        else
        {
            c.Ellipse(0, -31, 17, 21, torso);
            if (sp is Species.Fox or Species.Cat or Species.Dragon or Species.Bear or Species.Rabbit or Species.Mouse or Species.Monkey)
                c.Ellipse(3, -28, 10, 14, sp is Species.Bear or Species.Monkey ? accent : sp is Species.Rabbit or Species.Mouse ? Palette.Lighten(body, 0.5) : accent, Role.Detail);
            if (sp == Species.Baby)
            {
                c.Ellipse(3, -42, 9, 5, Palette.White, Role.Detail);
                c.Circle(3, -26, 1.8, Palette.Lighten(cloth, 0.5), Role.Detail);
                c.Circle(3, -19, 1.8, Palette.Lighten(cloth, 0.5), Role.Detail);
                return;
            }
        }
        if (!Wears(sp))
        {
            if (ch.Clothing is "scarf" or "overalls" or "sweater" or "jacket") Scarf(c, cloth, -48);
            return;
        }
        switch (ch.Clothing)
        {
            case "overalls":
                c.Path(p => p.M(-17, -31).C(-17, -20, -9.4, -10, 0, -10).C(9.4, -10, 17, -20, 17, -31).Z(), cloth);
                c.Rect(-9, -43, 18, 13, cloth, Role.Detail, 2);
                c.Rect(-11, -50, 4, 9, cloth, Role.Detail);
                c.Rect(7, -50, 4, 9, cloth, Role.Detail);
                c.Circle(-6, -40, 1.6, Palette.Eye, Role.Dark);
                c.Circle(6, -40, 1.6, Palette.Eye, Role.Dark);
                break;
            case "dress":
                c.Path(p => p.M(-11, -48).L(11, -48).L(22, -12).Q(0, -6, -22, -12).Z(), cloth);
                c.Rect(-11, -30, 22, 3, Palette.Lighten(cloth, 0.4), Role.Detail);
                break;
            case "jacket":
            case "sweater" when !People(sp):
                c.Path(p => p.M(-17, -31).C(-17, -42, -9.4, -52, 0, -52).C(9.4, -52, 17, -42, 17, -31).L(16, -20).Q(0, -16, -16, -20).Z(), cloth);
                if (ch.Clothing == "jacket") c.Rect(1, -50, 2.2, 32, Palette.Darken(cloth, 0.25), Role.Detail);
                else c.Rect(-16, -32, 32, 4, Palette.Lighten(cloth, 0.45), Role.Detail);
                break;
            case "sweater":
                c.Rect(-16, -32, 32, 4, Palette.Lighten(cloth, 0.45), Role.Detail);
                break;
            case "scarf":
                Scarf(c, cloth, -48);
                break;
        }
    }

    private static void Scarf(SvgCanvas c, string cloth, double y)
    {
        c.Rect(-6, y, 8, 20, Palette.Darken(cloth, 0.06), Role.Detail, 2);
        c.Ellipse(0, y, 15, 5, cloth);
    }
}
