using Storyloom.Core.Books;

namespace Storyloom.Core.Art;

/// <summary>Draws any cast member from its bible entry, so the same character looks the same on every page and in line art.</summary>
internal static class CharacterPainter
{
    private readonly record struct Limbs(double FrontLeg, double BackLeg, double FrontArm, double BackArm, bool Sit, double Lean);

    /// <summary>Local units: feet at y=0, top of head at about y=-92; height is the drawn height in points.</summary>
    /// <param name="mood">The face: "happy", "sad", "angry", "scared", "surprised", "calm", "proud", "shy", "excited", "sleepy", "silly", "worried"; null is the usual smile.</param>
    public static void Draw(SvgCanvas c, Character ch, Pose pose, double cx, double feetY, double height, bool facingLeft, string? holding, string? mood = null)
    {
        var top = ch.Species == Species.Rabbit ? 126.0 : ch.Species is Species.Mouse or Species.Fox ? 104.0 : 96.0;
        var s = height / top;
        var flip = facingLeft ? -1 : 1;
        var baseT = Affine.Translate(cx, feetY).Then(Affine.Scale(s * flip, s));
        if (pose == Pose.Sleeping)
        {
            // Lying on the side, head toward the facing direction.
            baseT = Affine.Translate(cx, feetY).Then(Affine.Scale(s * flip, s)).Then(Affine.Translate(-48, -20)).Then(Affine.Rotate(90));
        }
        c.Push(baseT);
        var limbs = pose switch
        {
            Pose.Walking => new Limbs(22, -22, -28, 28, false, 2),
            Pose.Running => new Limbs(45, -40, -55, 70, false, 5),
            Pose.Waving => new Limbs(4, -4, 155, -12, false, 0),
            Pose.Holding => new Limbs(3, -3, 72, 58, false, 0),
            Pose.Sitting => new Limbs(88, 80, 28, -18, true, 0),
            _ => new Limbs(4, -4, 14, -14, false, 0),
        };
        Figure(c, ch, limbs, pose == Pose.Sleeping, holding, mood);
        c.Pop();
    }

    private static void Figure(SvgCanvas c, Character ch, Limbs l, bool asleep, string? holding, string? mood)
    {
        var sp = ch.Species;
        var body = ch.BodyColor;
        var accent = ch.AccentColor;
        var cloth = ch.ClothingColor;
        var isChild = sp == Species.Child;
        var sleeves = ch.Clothing is "jacket" or "sweater" || isChild;
        var limbColor = sp == Species.Robot ? Palette.Darken(body, 0.15) : sleeves ? cloth : body;
        var legColor = isChild ? (ch.Clothing == "dress" ? body : "#4A5A7A") : ch.Clothing == "overalls" ? cloth : sp == Species.Robot ? Palette.Darken(body, 0.15) : body;

        // Legs pivot at the hips; sitting lowers the whole upper body onto the ground.
        var hipY = l.Sit ? -6.0 : -16.0;
        var drop = l.Sit ? 10.0 : 0.0;
        Limb(c, -6, hipY, 15, 9, l.BackLeg, Palette.Darken(legColor, 0.08), isChild ? "#3B3340" : Palette.Darken(body, 0.1), foot: true);

        c.Push(Affine.Translate(l.Lean, drop));
        Tail(c, sp, body, accent);
        if (ch.Clothing == "cape") c.Polygon([(-8, -50), (9, -50), (-4, -8), (-30, -12)], cloth);
        if (ch.Accessory == "backpack") c.Rect(-27, -48, 13, 26, Palette.Darken(cloth, 0.12), Role.Contour, 4);
        if (sp == Species.Dragon) Wing(c, body, accent);
        Limb(c, -12, -44, 20, 7, l.BackArm, Palette.Darken(limbColor, 0.08), isChild ? body : Palette.Darken(limbColor, 0.08), foot: false);
        c.Pop();

        Limb(c, 6, hipY, 15, 9, l.FrontLeg, legColor, isChild ? "#3B3340" : body, foot: true);

        c.Push(Affine.Translate(l.Lean, drop));
        Torso(c, ch, sp, body, accent, cloth);
        c.Push(Affine.Translate(l.Lean * 0.6, 0));
        Head(c, ch, sp, body, accent, cloth, asleep ? "asleep" : mood);
        c.Pop();
        Limb(c, 12, -44, 20, 7, l.FrontArm, limbColor, isChild ? body : limbColor, foot: false);
        if (holding is not null)
        {
            var (hx, hy) = End(12, -44, 22, l.FrontArm);
            PropPainter.Held(c, holding, hx, hy);
        }
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
            c.Ellipse(ex + 2.5, ey + 1, 6.5, 4, endColor);
        else
            c.Circle(ex, ey, 4.6, endColor);
    }

    private static void Tail(SvgCanvas c, Species sp, string body, string accent)
    {
        switch (sp)
        {
            case Species.Fox:
                c.Path(p => p.M(-12, -22).C(-30, -18, -46, -30, -44, -52).C(-36, -44, -26, -40, -14, -34).Z(), body);
                c.Path(p => p.M(-44, -52).C(-46, -44, -42, -40, -36, -40).C(-38, -44, -40, -48, -44, -52).Z(), accent);
                break;
            case Species.Cat:
                c.Path(p => p.M(-12, -20).C(-30, -20, -34, -36, -28, -50).C(-25, -52, -22, -50, -24, -46).C(-28, -36, -24, -28, -12, -26).Z(), body);
                break;
            case Species.Mouse:
                c.Path(p => p.M(-12, -18).C(-28, -14, -36, -24, -40, -36).C(-38, -37, -37, -37, -37, -36).C(-32, -26, -26, -20, -12, -21).Z(), accent);
                break;
            case Species.Dog:
                c.Ellipse(-18, -32, 4, 10, body, Role.Contour, -40);
                break;
            case Species.Rabbit:
                c.Circle(-17, -22, 7, Palette.White);
                break;
            case Species.Bear:
                c.Circle(-16, -22, 5, body);
                break;
            case Species.Dragon:
                c.Path(p => p.M(-12, -16).C(-26, -12, -36, -16, -44, -26).L(-34, -22).C(-28, -22, -20, -24, -12, -28).Z(), body);
                c.Polygon([(-44, -26), (-50, -20), (-46, -32)], accent);
                break;
        }
    }

    private static void Wing(SvgCanvas c, string body, string accent) =>
        c.Path(p => p.M(-6, -46).C(-22, -70, -34, -62, -36, -56).C(-30, -54, -28, -50, -30, -44).C(-22, -46, -16, -42, -8, -36).Z(), Palette.Mix(body, accent, 0.45));

    private static void Torso(SvgCanvas c, Character ch, Species sp, string body, string accent, string cloth)
    {
        var torso = sp == Species.Child ? cloth : body;
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
        else
        {
            c.Ellipse(0, -31, 17, 21, torso);
            if (sp is Species.Fox or Species.Cat or Species.Dragon or Species.Bear or Species.Rabbit or Species.Mouse)
                c.Ellipse(3, -28, 10, 14, sp == Species.Bear ? accent : sp is Species.Rabbit or Species.Mouse ? Palette.Lighten(body, 0.5) : accent, Role.Detail);
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
            case "sweater" when ch.Species != Species.Child:
                c.Path(p => p.M(-17, -31).C(-17, -42, -9.4, -52, 0, -52).C(9.4, -52, 17, -42, 17, -31).L(16, -20).Q(0, -16, -16, -20).Z(), cloth);
                if (ch.Clothing == "jacket") c.Rect(1, -50, 2.2, 32, Palette.Darken(cloth, 0.25), Role.Detail);
                else c.Rect(-16, -32, 32, 4, Palette.Lighten(cloth, 0.45), Role.Detail);
                break;
            case "scarf":
                c.Rect(-6, -48, 8, 20, Palette.Darken(cloth, 0.06), Role.Detail, 2);
                c.Ellipse(0, -48, 15, 5, cloth);
                break;
        }
    }

    private static void Head(SvgCanvas c, Character ch, Species sp, string body, string accent, string cloth, string? mood)
    {
        const double hy = -68;
        switch (sp)
        {
            case Species.Fox:
                Ear(c, -19, hy - 12, -11, hy - 42, -2, hy - 20, body, Palette.Ink);
                Ear(c, 2, hy - 20, 13, hy - 42, 19, hy - 12, body, Palette.Ink);
                break;
            case Species.Cat:
                Ear(c, -20, hy - 10, -14, hy - 34, -3, hy - 20, body, Palette.Cheek);
                Ear(c, 3, hy - 20, 14, hy - 34, 20, hy - 10, body, Palette.Cheek);
                break;
            case Species.Bear:
                c.Circle(-17, hy - 18, 8, body); c.Circle(-17, hy - 18, 4, accent, Role.Detail);
                c.Circle(17, hy - 18, 8, body); c.Circle(17, hy - 18, 4, accent, Role.Detail);
                break;
            case Species.Mouse:
                c.Circle(-20, hy - 18, 13, body); c.Circle(-20, hy - 18, 8, accent, Role.Detail);
                c.Circle(20, hy - 18, 13, body); c.Circle(20, hy - 18, 8, accent, Role.Detail);
                break;
            case Species.Rabbit:
                c.Ellipse(-9, hy - 36, 7, 22, body, Role.Contour, -8); c.Ellipse(-9, hy - 35, 3.5, 16, accent, Role.Detail, -8);
                c.Ellipse(9, hy - 36, 7, 22, body, Role.Contour, 8); c.Ellipse(9, hy - 35, 3.5, 16, accent, Role.Detail, 8);
                break;
            case Species.Dragon:
                Ear(c, -14, hy - 18, -12, hy - 36, -6, hy - 21, accent, accent);
                Ear(c, 6, hy - 21, 12, hy - 36, 14, hy - 18, accent, accent);
                break;
            case Species.Owl:
                Ear(c, -18, hy - 8, -16, hy - 30, -6, hy - 16, body, body);
                Ear(c, 6, hy - 16, 16, hy - 30, 18, hy - 8, body, body);
                break;
            case Species.Robot:
                c.Rect(-1.5, hy - 36, 3, 14, Palette.Darken(body, 0.2), Role.Detail);
                c.Circle(0, hy - 37, 4, accent, Role.Detail);
                break;
            case Species.Child:
                c.Circle(-21, hy + 2, 5, body); c.Circle(21, hy + 2, 5, body);
                break;
        }
        if (sp == Species.Robot) c.Rect(-22, hy - 22, 44, 40, body, Role.Contour, 8);
        else if (sp == Species.Owl) c.Ellipse(0, hy + 2, 24, 21, body);
        else c.Circle(0, hy, sp == Species.Child ? 22 : 24, body);
        if (sp == Species.Child) Hair(c, accent, hy);

        // Muzzles sit toward the facing side (+x).
        switch (sp)
        {
            case Species.Fox:
                c.Path(p => p.M(-8, hy + 2).Q(4, hy + 16, 22, hy + 4).Q(10, hy - 4, -8, hy + 2).Z(), accent, Role.Detail);
                c.Circle(22, hy + 3, 3, Palette.Eye, Role.Dark);
                break;
            case Species.Bear:
            case Species.Dog:
                c.Ellipse(6, hy + 8, 11, 8, sp == Species.Bear ? accent : Palette.Lighten(body, 0.55), Role.Detail);
                c.Ellipse(8, hy + 4, 4, 3, Palette.Eye, Role.Dark);
                break;
            case Species.Dragon:
                c.Ellipse(10, hy + 6, 15, 10, body, Role.Detail);
                c.Circle(16, hy + 3, 1.5, Palette.Eye, Role.Dark);
                c.Circle(21, hy + 3, 1.5, Palette.Eye, Role.Dark);
                break;
            case Species.Owl:
                c.Circle(-5, hy - 2, 9, Palette.White, Role.Detail);
                c.Circle(11, hy - 2, 9, Palette.White, Role.Detail);
                c.Polygon([(0, hy + 6), (6, hy + 6), (3, hy + 13)], "#F2A33A", Role.Detail);
                break;
            case Species.Cat:
            case Species.Mouse:
            case Species.Rabbit:
                c.Polygon([(4, hy + 5), (10, hy + 5), (7, hy + 9)], Palette.Cheek, Role.Detail);
                break;
        }
        if (sp == Species.Dog)
        {
            var earColor = accent;
            c.Ellipse(-19, hy + 2, 7, 15, earColor, Role.Contour, 15);
            c.Ellipse(19, hy + 2, 7, 15, earColor, Role.Contour, -15);
        }
        Eyes(c, sp, hy, mood, accent);
        if (sp is Species.Cat or Species.Mouse)
        {
            c.Stroke(p => p.M(14, hy + 7).L(28, hy + 4), Palette.Ink, 0.9);
            c.Stroke(p => p.M(14, hy + 9).L(28, hy + 11), Palette.Ink, 0.9);
        }
        if (sp == Species.Robot) c.Rect(-8, hy + 8, 16, 4, Palette.Darken(body, 0.3), Role.Detail, 2);
        else if (sp != Species.Owl)
        {
            var mx = sp is Species.Fox or Species.Dragon ? 10.0 : sp == Species.Child ? 2.0 : 7.0;
            var my = hy + (sp is Species.Bear or Species.Dog ? 12 : 11);
            Faces.Mouth(c, mood, mx, my);
        }
        if (sp == Species.Rabbit) c.Rect(5, hy + 12, 4, 4, Palette.White, Role.Detail);
        if (!c.LineArt && sp != Species.Robot)
        {
            var blush = mood is "shy" or "angry" ? 5.0 : 3.5;
            var cheek = mood == "angry" ? "#EF6F6F" : Palette.Cheek;
            c.Circle(-9, hy + 8, blush, cheek, Role.Background);
            c.Circle(16, hy + 8, blush, cheek, Role.Background);
        }
        Faces.Extras(c, mood, sp == Species.Child ? (-6.0, 10.0) : (-4.0, 12.0), hy);
        Accessory(c, ch, sp, cloth, hy);
    }

    private static void Ear(SvgCanvas c, double x1, double y1, double x2, double y2, double x3, double y3, string color, string inner)
    {
        c.Polygon([(x1, y1), (x2, y2), (x3, y3)], color);
        var (mx, my) = ((x1 + x2 + x3) / 3, (y1 + y2 + y3) / 3);
        if (inner != color) c.Polygon([(mx + (x1 - mx) * 0.5, my + (y1 - my) * 0.5), (mx + (x2 - mx) * 0.55, my + (y2 - my) * 0.55), (mx + (x3 - mx) * 0.5, my + (y3 - my) * 0.5)], inner, Role.Detail);
    }

    private static void Hair(SvgCanvas c, string hair, double hy) =>
        c.Path(p => p.M(-23, hy + 2).C(-26, hy - 20, -10, hy - 28, 4, hy - 24).C(16, hy - 22, 24, hy - 12, 22, hy - 2)
            .C(16, hy - 10, 6, hy - 12, -2, hy - 14).C(-8, hy - 10, -16, hy - 6, -18, hy + 4).Z(), hair);

    private static void Eyes(SvgCanvas c, Species sp, double hy, string? mood, string accent)
    {
        var asleep = mood is "asleep" or "calm";
        var (x1, x2) = sp == Species.Owl ? (-5.0, 11.0) : sp == Species.Child ? (-6.0, 10.0) : (-4.0, 12.0);
        var ey = sp == Species.Owl ? hy - 2 : hy - 2;
        foreach (var x in new[] { x1, x2 })
        {
            if (asleep)
            {
                c.Path(p => p.M(x - 4, ey).Q(x, ey + 3.5, x + 4, ey).Q(x, ey + 1.6, x - 4, ey).Z(), Palette.Eye, Role.Dark);
                continue;
            }
            if (sp == Species.Robot)
            {
                c.Circle(x - 1, ey - 2, 6, accent, Role.Detail);
                c.Circle(x - 1, ey - 2, 2.2, Palette.Eye, Role.Dark);
                continue;
            }
            if (Faces.Eye(c, mood, x, ey)) continue;
            c.Ellipse(x, ey, sp == Species.Owl ? 4 : 3.2, sp == Species.Owl ? 4.4 : 4.2, Palette.Eye, Role.Dark);
            c.Circle(x + 1.1, ey - 1.6, 1.2, Palette.White, Role.Background);
        }
    }

    private static void Accessory(SvgCanvas c, Character ch, Species sp, string cloth, double hy)
    {
        switch (ch.Accessory)
        {
            case "hat":
                var top = sp == Species.Robot ? hy - 22 : hy - 18;
                c.Path(p => p.M(-20, top + 6).C(-20, top - 16, 20, top - 16, 20, top + 6).Z(), cloth);
                c.Rect(-22, top + 3, 44, 6, Palette.Darken(cloth, 0.18), Role.Detail, 3);
                c.Circle(0, top - 10, 4.5, Palette.Lighten(cloth, 0.5), Role.Detail);
                break;
            case "glasses":
                var (x1, x2) = sp == Species.Child ? (-6.0, 10.0) : (-4.0, 12.0);
                c.Circle(x1, hy - 2, 6, "none", Role.Detail);
                c.Circle(x2, hy - 2, 6, "none", Role.Detail);
                c.Stroke(p => p.M(x1 + 6, hy - 3).L(x2 - 6, hy - 3), Palette.Ink, 1.4);
                break;
            case "bow":
                var bx = sp == Species.Rabbit ? -10.0 : -14.0;
                var by = sp == Species.Rabbit ? hy - 22 : hy - 18;
                c.Polygon([(bx, by), (bx - 9, by - 6), (bx - 9, by + 6)], cloth, Role.Detail);
                c.Polygon([(bx, by), (bx + 9, by - 6), (bx + 9, by + 6)], cloth, Role.Detail);
                c.Circle(bx, by, 2.8, Palette.Darken(cloth, 0.2), Role.Detail);
                break;
        }
    }
}
