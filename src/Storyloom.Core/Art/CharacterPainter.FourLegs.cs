using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Animals that stand on four legs: a body, four legs that swing with the pose, a neck and the shared head and face.</summary>
internal static partial class CharacterPainter
{
    /// <summary>Local units, feet at y=0, facing +x. Head is the head centre relative to the body centre.</summary>
    private readonly record struct Quad(double Leg, double LegW, double Rx, double Ry, double HeadX, double HeadY, double HeadScale, double Top, double HalfWidth, double NeckW);

    private static bool FourLegged(Species sp) => sp is Species.Horse or Species.Unicorn or Species.Elephant or Species.Lion or Species.Pig
        or Species.Cow or Species.Sheep or Species.Dinosaur or Species.Turtle;

    /// <summary>A family's dog or cat (the pet of a story about a pet) walks on four legs; a dog hero or friend stands like a person.</summary>
    private static bool Pet(Character ch) => ch.Species is Species.Dog or Species.Cat && ch.Role is "dog" or "cat" or "pet" or "puppy" or "kitten";

    private static bool FourLegged(Character ch) => FourLegged(ch.Species) || Pet(ch);

    private static Quad QuadOf(Species sp) => sp switch
    {
        Species.Dog => new(20, 8, 30, 16, 32, -14, 0.8, 78, 62, 12),
        Species.Cat => new(17, 7, 27, 14, 29, -12, 0.75, 70, 56, 10),
        Species.Horse => new(34, 9, 34, 19, 40, -40, 0.95, 120, 66, 18),
        Species.Unicorn => new(34, 9, 34, 19, 40, -40, 0.95, 132, 66, 18),
        Species.Cow => new(26, 10, 36, 22, 40, -20, 1.0, 92, 66, 16),
        Species.Pig => new(14, 10, 30, 22, 30, -6, 0.95, 66, 56, 0),
        Species.Sheep => new(18, 7, 30, 22, 30, -10, 0.85, 68, 54, 0),
        Species.Lion => new(24, 10, 32, 19, 34, -22, 1.0, 96, 70, 0),
        Species.Elephant => new(28, 15, 38, 28, 36, -12, 1.2, 90, 84, 0),
        Species.Dinosaur => new(24, 12, 40, 24, 52, -14, 0.8, 80, 88, 16),
        _ => new(7, 10, 30, 20, 36, -4, 0.7, 42, 54, 12),
    };

    private readonly record struct Stance(double NearFront, double FarFront, double NearBack, double FarBack, double Lift, double Tilt, bool Sit, bool Lie);

    private static void FourLegs(SvgCanvas c, Character ch, Pose pose, string? holding, string? mood)
    {
        var sp = ch.Species;
        var q = QuadOf(sp);
        var body = ch.BodyColor;
        var far = Palette.Darken(body, 0.1);
        var legColor = sp == Species.Sheep ? ch.AccentColor : body;
        var hoof = sp is Species.Horse or Species.Unicorn or Species.Cow or Species.Pig or Species.Sheep ? Palette.Darken(legColor, 0.35) : Palette.Lighten(legColor, 0.35);
        var by = -(q.Leg + q.Ry * 0.55);
        var attachY = by + q.Ry * 0.3;
        var len = -attachY;
        var (fx, bx) = (q.Rx * 0.55, -q.Rx * 0.55);
        var st = pose switch
        {
            Pose.Walking => new Stance(20, -14, -18, 14, 0, 0, false, false),
            Pose.Running => new Stance(48, 30, -46, -28, q.Leg * 0.15, 0, false, false),
            Pose.Jumping => new Stance(62, 46, -56, -40, q.Leg * 0.7, -8, false, false),
            Pose.Waving => new Stance(125, -3, 3, -3, 0, -4, false, false),
            Pose.Pointing => new Stance(88, -3, 3, -3, 0, 0, false, false),
            Pose.Holding => new Stance(70, -3, 3, -3, 0, -3, false, false),
            Pose.Hugging => new Stance(78, 62, -6, -10, 0, 6, false, false),
            Pose.Sitting => new Stance(0, 0, 0, 0, 0, -26, true, false),
            Pose.Sleeping => new Stance(84, 80, 84, 80, 0, 0, false, true),
            _ => new Stance(3, -3, 3, -3, 0, 0, false, false),
        };
        var drop = st.Sit ? len - q.LegW * 0.6 : st.Lie ? -(by + q.Ry * 0.95) : 0;
        var hip = (X: bx, Y: attachY);
        var t = Affine.Translate(0, drop - st.Lift)
            .Then(Affine.Translate(hip.X, hip.Y)).Then(Affine.Rotate(st.Tilt)).Then(Affine.Translate(-hip.X, -hip.Y));
        var shoulder = t.Map(fx, attachY);
        var legLen = st.Lie ? q.LegW * 1.4 : len;

        // Far side first, darker; a sitting animal's front legs stand straight from the shoulder to the ground.
        if (st.Sit) QuadLeg(c, shoulder.X + 4, shoulder.Y, -shoulder.Y, q.LegW, 0, Palette.Darken(legColor, 0.1), hoof);
        c.Push(t);
        if (!st.Sit) QuadLeg(c, fx + 4, attachY, legLen, q.LegW, st.FarFront, Palette.Darken(legColor, 0.1), hoof);
        if (!st.Sit) QuadLeg(c, bx + 4, attachY, legLen, q.LegW, st.FarBack, Palette.Darken(legColor, 0.1), hoof);
        if (st.Sit || st.Lie)
        {
            // A sitting or lying tail stretches out behind along the ground instead of hanging through it.
            c.Pop();
            c.Push(Affine.Translate(0, drop).Then(Affine.Translate(-q.Rx, by - 8)).Then(Affine.Rotate(sp == Species.Dinosaur ? 12 : 65)).Then(Affine.Translate(q.Rx, 8 - by)));
            QuadTail(c, ch, q, by);
            c.Pop();
            c.Push(t);
        }
        else QuadTail(c, ch, q, by);
        QuadBody(c, ch, q, by, far);
        if (st.Sit || st.Lie) c.Ellipse(bx + 2, attachY - 2, q.Rx * 0.38, q.Ry * 0.55, body, Role.Detail);
        else QuadLeg(c, bx, attachY, legLen, q.LegW, st.NearBack, legColor, hoof);
        if (!st.Sit) QuadLeg(c, fx, attachY, legLen, q.LegW, st.NearFront, legColor, hoof);
        c.Pop();
        if (st.Sit)
        {
            QuadLeg(c, shoulder.X, shoulder.Y, -shoulder.Y, q.LegW, 0, legColor, hoof);
            c.Ellipse(bx + q.Rx * 0.25, -q.LegW * 0.4, q.LegW * 0.9, q.LegW * 0.45, hoof, Role.Detail);
        }

        // Neck and head, placed through the body's pose; a sleeper rests its chin on the ground.
        var hs = q.HeadScale;
        var chin = sp switch { Species.Horse or Species.Unicorn or Species.Elephant or Species.Lion => 37.0, _ => 22.0 };
        var head = st.Lie ? (X: q.HeadX * 0.85, Y: -chin * hs) : t.Map(q.HeadX + (pose == Pose.Pointing ? 4 : 0), by + q.HeadY + (pose == Pose.Hugging ? 6 : 0));
        if (q.NeckW > 0)
        {
            var a1 = t.Map(q.Rx * 0.4, by - q.Ry * 0.8);
            var a2 = t.Map(q.Rx * 0.95, by + q.Ry * 0.1);
            c.Polygon([a1, a2, (head.X + q.NeckW * 0.5, head.Y + 8 * hs), (head.X - q.NeckW * 0.6, head.Y - 2 * hs)], body);
        }
        if (sp is Species.Horse or Species.Unicorn && q.NeckW > 0)
        {
            var m1 = t.Map(q.Rx * 0.3, by - q.Ry * 0.85);
            c.Polygon([m1, (m1.X + 6, m1.Y - 6), (head.X - q.NeckW * 0.4, head.Y - 16 * hs), (head.X - q.NeckW * 0.8, head.Y - 4 * hs)], ManeColor(ch, 1), Role.Detail);
        }
        if (ch.Clothing is "scarf" or "overalls" or "sweater" or "jacket")
        {
            c.Push(Affine.Translate(head.X - 4 * hs, head.Y + 20 * hs).Then(Affine.Rotate(-20)).Then(Affine.Scale(hs, hs)));
            if (!st.Lie) c.Rect(-10, 0, 8, 16, Palette.Darken(ch.ClothingColor, 0.06), Role.Detail, 2);
            c.Ellipse(0, 0, 16, 5.5, ch.ClothingColor);
            c.Pop();
        }
        c.Push(Affine.Translate(head.X, head.Y).Then(Affine.Scale(hs, hs)));
        Head(c, ch, sp, body, ch.AccentColor, ch.ClothingColor, mood);
        c.Pop();
        if (holding is not null)
        {
            var raised = pose is Pose.Holding or Pose.Waving or Pose.Pointing or Pose.Hugging or Pose.Jumping;
            var (hx, hy) = raised ? t.Map(End(fx, attachY, legLen, st.NearFront).X, End(fx, attachY, legLen, st.NearFront).Y) : (head.X + 22 * hs, head.Y + 12 * hs);
            // Held out ahead of the face, so a balloon does not cover it.
            PropPainter.Held(c, holding, hx + (raised ? 16 : 0), hy);
        }
    }

    private static void QuadLeg(SvgCanvas c, double px, double py, double len, double w, double angle, string color, string hoof)
    {
        c.Push(Affine.Translate(px, py).Then(Affine.Rotate(-angle)));
        var h = w / 2;
        c.Path(p => p.M(-h, 0).L(-h, len).C(-h, len + h, h, len + h, h, len).L(h, 0).C(h, -h * 1.3, -h, -h * 1.3, -h, 0).Z(), color);
        c.Path(p => p.M(-h, len - w * 0.35).L(h, len - w * 0.35).L(h, len).C(h, len + h, -h, len + h, -h, len).Z(), hoof, Role.Detail);
        c.Pop();
    }

    private static void QuadTail(SvgCanvas c, Character ch, Quad q, double by)
    {
        var body = ch.BodyColor;
        var r = -q.Rx;
        switch (ch.Species)
        {
            case Species.Horse or Species.Unicorn:
                for (var i = 2; i >= 0; i--)
                {
                    var k = i * 3;
                    c.Path(p => p.M(r + 4, by - 12).C(r - 16 - k, by - 10, r - 18 - k, by + 18, r - 10 - k, by + 34 - k).C(r - 6, by + 18, r - 2, by, r + 6, by - 4).Z(), ManeColor(ch, i + 1), i == 2 ? Role.Contour : Role.Detail);
                }
                break;
            case Species.Cow or Species.Lion or Species.Elephant:
                c.Path(p => p.M(r + 2, by - 8).C(r - 12, by - 4, r - 14, by + 10, r - 12, by + 22).L(r - 9, by + 22).C(r - 10, by + 10, r - 8, by - 2, r + 2, by - 3).Z(), body);
                c.Ellipse(r - 10.5, by + 25, 4.5, 6, ch.Species == Species.Lion ? ch.AccentColor : Palette.Darken(body, 0.3), Role.Detail);
                break;
            case Species.Pig:
                c.Stroke(p => p.M(r + 2, by - 6).C(r - 8, by - 12, r - 10, by - 2, r - 4, by - 2).C(r + 1, by - 2, r - 2, by - 10, r - 10, by - 8), Palette.Darken(body, 0.2), 2.2);
                break;
            case Species.Sheep:
                c.Circle(r - 2, by - 6, 8, body);
                break;
            case Species.Dinosaur:
                c.Path(p => p.M(r + 10, by - 14).C(r - 20, by - 8, r - 36, by + 12, r - 48, by + 22).C(r - 30, by + 20, r - 10, by + 16, r + 8, by + 12).Z(), body);
                break;
            case Species.Turtle:
                c.Polygon([(r + 4, by + 2), (r - 8, by + 8), (r + 4, by + 10)], body);
                break;
            case Species.Dog:
                c.Path(p => p.M(r + 4, by - 6).C(r - 8, by - 10, r - 14, by - 22, r - 10, by - 32).C(r - 6, by - 24, r - 2, by - 14, r + 6, by - 2).Z(), body);
                break;
            case Species.Cat:
                c.Path(p => p.M(r + 4, by - 4).C(r - 14, by - 4, r - 20, by - 24, r - 12, by - 40).C(r - 8, by - 42, r - 6, by - 38, r - 8, by - 34)
                    .C(r - 14, by - 20, r - 8, by - 8, r + 6, by + 2).Z(), body);
                break;
        }
    }

    private static void QuadBody(SvgCanvas c, Character ch, Quad q, double by, string far)
    {
        var body = ch.BodyColor;
        var accent = ch.AccentColor;
        switch (ch.Species)
        {
            case Species.Sheep:
                for (var i = 0; i < 12; i++)
                {
                    var a = i * Math.PI * 2 / 12;
                    c.Circle(Math.Cos(a) * q.Rx * 0.9, by + Math.Sin(a) * q.Ry * 0.85, 9, body);
                }
                c.Ellipse(0, by, q.Rx * 0.9, q.Ry * 0.85, body, Role.Detail);
                return;
            case Species.Turtle:
                c.Ellipse(0, by + 6, q.Rx * 0.95, 8, body);
                c.Path(p => p.M(-q.Rx, by + 6).C(-q.Rx, by - q.Ry * 1.35, q.Rx, by - q.Ry * 1.35, q.Rx, by + 6).Z(), accent);
                c.Rect(-q.Rx, by + 2, q.Rx * 2, 5, Palette.Darken(accent, 0.2), Role.Detail, 2.5);
                foreach (var x in new[] { -14.0, 0.0, 14.0 })
                    c.Ellipse(x, by - 8 + Math.Abs(x) * 0.25, 6.5, 5.5, Palette.Lighten(accent, 0.25), Role.Detail);
                return;
            case Species.Dinosaur:
                for (var i = 0; i < 5; i++)
                {
                    var x = -q.Rx * 0.7 + i * q.Rx * 0.32;
                    var y = by - q.Ry * Math.Sqrt(Math.Max(0, 1 - x * x / (q.Rx * q.Rx)));
                    c.Ellipse(x, y - 3, 6.5, 10 - Math.Abs(i - 2) * 1.5, accent, Role.Contour);
                }
                c.Ellipse(0, by, q.Rx, q.Ry, body);
                c.Ellipse(4, by + q.Ry * 0.45, q.Rx * 0.7, q.Ry * 0.4, accent, Role.Detail);
                c.Circle(-12, by - 8, 3.5, Palette.Darken(body, 0.12), Role.Detail);
                c.Circle(6, by - 12, 2.8, Palette.Darken(body, 0.12), Role.Detail);
                return;
        }
        c.Ellipse(0, by, q.Rx, q.Ry, body);
        switch (ch.Species)
        {
            case Species.Cow:
                c.Ellipse(-12, by - 5, 11, 8, accent, Role.Detail, 15);
                c.Ellipse(14, by + 5, 8, 6, accent, Role.Detail, -20);
                c.Ellipse(-2, by + q.Ry * 0.8, 7, 4, "#F4B8C0", Role.Detail);
                break;
            case Species.Lion or Species.Horse or Species.Unicorn or Species.Pig:
                c.Ellipse(4, by + q.Ry * 0.45, q.Rx * 0.6, q.Ry * 0.35, Palette.Lighten(body, 0.25), Role.Detail);
                break;
            case Species.Elephant:
                c.Path(p => p.M(-q.Rx * 0.5, by + 4).Q(-q.Rx * 0.4, by + 10, -q.Rx * 0.3, by + 4), far, Role.Detail);
                break;
        }
    }
}
