namespace Storyloom.Core.Books;

/// <summary>
/// The few words a book prints besides its story (headings and the copyright lines), in the book's language.
/// English and a few common languages are built in; an AI writer asks its model for any other language
/// (<see cref="Manuscript.Words"/>). Placeholders: {year}, {author}; in the software notice {tool}, {text}, {pictures}, {seed}.
/// The notice's lines are init properties with English defaults, so a manuscript saved before they existed still reads.
/// </summary>
public sealed record BookWords(
    string TheEnd,
    string MeetTheCharacters,
    string AboutTheAuthor,
    string Copyright,
    string NoCopying,
    string FirstEdition,
    string AboutAuthor)
{
    public static readonly BookWords English = new(
        "The End",
        "Meet the Characters",
        "About the Author",
        "Text and illustrations copyright © {year} {author}. All rights reserved.",
        "No part of this book may be reproduced, stored or shared in any form without written permission from the author.",
        "First edition, {year}.",
        "{author} made this book for young readers and the grown-ups who share stories with them. Thank you for reading!");

    public string SoftwareBoth { get; init; } = "The text and illustrations were generated with software ({tool}).";
    public string SoftwareEach { get; init; } = "The text was generated with software ({text}) and the illustrations with {pictures}.";
    public string AiModel { get; init; } = "{tool}, an AI model";
    public string NoAiModel { get; init; } = "No AI model was used.";
    /// <summary>Printed only when the brief says the author reviewed the book (<see cref="BookSpec.ReviewedByAuthor"/>).</summary>
    public string Reviewed { get; init; } = "The author reviewed the text and every illustration.";
    /// <summary>Printed only when the brief asks for the credit (<see cref="BookSpec.Credit"/>).</summary>
    public string MadeWith { get; init; } = "Made with Storyloom · book seed {seed}";
    /// <summary>The last page's words when the brief gives no author and no about-the-author text: nothing about anyone.</summary>
    public string AboutBook { get; init; } = "This book was made for young readers and the grown-ups who share stories with them. Thank you for reading!";

    private static readonly Dictionary<string, BookWords> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["es"] = new("Fin", "Los personajes", "Sobre el autor",
            "Texto e ilustraciones © {year} {author}. Todos los derechos reservados.",
            "Ninguna parte de este libro puede reproducirse, almacenarse ni compartirse de ninguna forma sin el permiso escrito del autor.",
            "Primera edición, {year}.",
            "{author} hizo este libro para los pequeños lectores y los mayores que comparten historias con ellos. ¡Gracias por leer!")
        {
            SoftwareBoth = "El texto y las ilustraciones se generaron con software ({tool}).",
            SoftwareEach = "El texto se generó con software ({text}) y las ilustraciones con {pictures}.",
            AiModel = "{tool}, un modelo de IA",
            NoAiModel = "No se utilizó ningún modelo de IA.",
            Reviewed = "El autor revisó el texto y cada ilustración.",
            MadeWith = "Hecho con Storyloom · semilla del libro {seed}",
            AboutBook = "Este libro se hizo para los pequeños lectores y los mayores que comparten historias con ellos. ¡Gracias por leer!",
        },
        ["fr"] = new("Fin", "Les personnages", "À propos de l'auteur",
            "Texte et illustrations © {year} {author}. Tous droits réservés.",
            "Aucune partie de ce livre ne peut être reproduite, stockée ou partagée sous quelque forme que ce soit sans l'autorisation écrite de l'auteur.",
            "Première édition, {year}.",
            "{author} a créé ce livre pour les jeunes lecteurs et les grands qui partagent des histoires avec eux. Merci de votre lecture !")
        {
            SoftwareBoth = "Le texte et les illustrations ont été générés par logiciel ({tool}).",
            SoftwareEach = "Le texte a été généré par logiciel ({text}) et les illustrations avec {pictures}.",
            AiModel = "{tool}, un modèle d'IA",
            NoAiModel = "Aucun modèle d'IA n'a été utilisé.",
            Reviewed = "L'auteur a relu le texte et chaque illustration.",
            MadeWith = "Créé avec Storyloom · graine du livre {seed}",
            AboutBook = "Ce livre a été créé pour les jeunes lecteurs et les grands qui partagent des histoires avec eux. Merci de votre lecture !",
        },
        ["de"] = new("Ende", "Die Figuren", "Über den Autor",
            "Text und Illustrationen © {year} {author}. Alle Rechte vorbehalten.",
            "Kein Teil dieses Buches darf ohne schriftliche Genehmigung des Autors vervielfältigt, gespeichert oder weitergegeben werden.",
            "Erste Auflage, {year}.",
            "{author} hat dieses Buch für junge Leserinnen und Leser gemacht und für die Großen, die mit ihnen Geschichten teilen. Danke fürs Lesen!")
        {
            SoftwareBoth = "Text und Illustrationen wurden mit Software erstellt ({tool}).",
            SoftwareEach = "Der Text wurde mit Software erstellt ({text}), die Illustrationen mit {pictures}.",
            AiModel = "{tool}, ein KI-Modell",
            NoAiModel = "Es wurde kein KI-Modell verwendet.",
            Reviewed = "Der Autor hat den Text und jede Illustration geprüft.",
            MadeWith = "Erstellt mit Storyloom · Buch-Seed {seed}",
            AboutBook = "Dieses Buch ist für junge Leserinnen und Leser gemacht und für die Großen, die mit ihnen Geschichten teilen. Danke fürs Lesen!",
        },
        ["ar"] = new("النهاية", "تعرّف على الشخصيات", "عن المؤلف",
            "النص والرسوم © {year} {author}. جميع الحقوق محفوظة.",
            "لا يجوز نسخ أي جزء من هذا الكتاب أو تخزينه أو مشاركته بأي شكل دون إذن كتابي من المؤلف.",
            "الطبعة الأولى، {year}.",
            "صنع {author} هذا الكتاب للقرّاء الصغار وللكبار الذين يشاركونهم القصص. شكرًا للقراءة!")
        {
            SoftwareBoth = "أُنشئ النص والرسوم باستخدام برنامج ({tool}).",
            SoftwareEach = "أُنشئ النص باستخدام برنامج ({text}) والرسوم باستخدام {pictures}.",
            AiModel = "{tool}، وهو نموذج ذكاء اصطناعي",
            NoAiModel = "لم يُستخدم أي نموذج للذكاء الاصطناعي.",
            Reviewed = "راجع المؤلف النص وكل رسم.",
            MadeWith = "صُنع باستخدام Storyloom · بذرة الكتاب {seed}",
            AboutBook = "صُنع هذا الكتاب للقرّاء الصغار وللكبار الذين يشاركونهم القصص. شكرًا للقراءة!",
        },
        ["he"] = new("הסוף", "הכירו את הדמויות", "על המחבר",
            "טקסט ואיורים © {year} {author}. כל הזכויות שמורות.",
            "אין להעתיק, לשמור או לשתף כל חלק מספר זה בכל צורה שהיא ללא אישור בכתב מהמחבר.",
            "מהדורה ראשונה, {year}.",
            "{author} יצר את הספר הזה לקוראים צעירים ולמבוגרים שחולקים איתם סיפורים. תודה שקראתם!")
        {
            SoftwareBoth = "הטקסט והאיורים נוצרו בעזרת תוכנה ({tool}).",
            SoftwareEach = "הטקסט נוצר בעזרת תוכנה ({text}) והאיורים בעזרת {pictures}.",
            AiModel = "{tool}, מודל בינה מלאכותית",
            NoAiModel = "לא נעשה שימוש במודל בינה מלאכותית.",
            Reviewed = "המחבר בדק את הטקסט ואת כל איור.",
            MadeWith = "נוצר עם Storyloom · זרע הספר {seed}",
            AboutBook = "הספר הזה נוצר לקוראים צעירים ולמבוגרים שחולקים איתם סיפורים. תודה שקראתם!",
        },
    };

    /// <summary>The built-in words of a language (a BCP-47 tag such as "es" or "pt-BR"), or null.</summary>
    public static BookWords? For(string language) =>
        BuiltIn.TryGetValue(language, out var words) || BuiltIn.TryGetValue(language.Split('-')[0], out words) ? words : null;

    /// <summary>The words a book prints: its own, the built-in ones of its language, or English.</summary>
    public static BookWords Of(Manuscript manuscript) => manuscript.Words ?? For(manuscript.Language) ?? English;

    /// <summary>
    /// The line saying which software made the text and the pictures, so it stays true when an AI engine is used; printed only
    /// with the credit the user asked for. It claims no review: that is <see cref="Reviewed"/>, printed only when the user says so.
    /// </summary>
    public string SoftwareNotice(ContentCredit text, ContentCredit pictures)
    {
        string Tool(ContentCredit c) => c.IsAiModel ? AiModel.Replace("{tool}", c.Tool, StringComparison.Ordinal) : c.Tool;
        var made = text.Tool == pictures.Tool
            ? SoftwareBoth.Replace("{tool}", Tool(text), StringComparison.Ordinal)
            : SoftwareEach.Replace("{text}", Tool(text), StringComparison.Ordinal).Replace("{pictures}", Tool(pictures), StringComparison.Ordinal);
        return text.IsAiModel || pictures.IsAiModel ? made : $"{made} {NoAiModel}";
    }

    /// <summary>Fills {year} and {author}; with no author the placeholder goes with the space beside it ("© 2026. All rights reserved.").</summary>
    public string Fill(string text, int year, string author) =>
        (string.IsNullOrWhiteSpace(author)
            ? text.Replace(" {author}", "", StringComparison.Ordinal).Replace("{author} ", "", StringComparison.Ordinal)
            : text)
        .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{author}", author.Trim(), StringComparison.Ordinal);

    /// <summary>The author's page: the given text, else the neutral line about the author, else (no author) one about no one.</summary>
    public string AboutAuthorText(BookSpec spec) =>
        !string.IsNullOrWhiteSpace(spec.AboutAuthor) ? spec.AboutAuthor.Trim()
        : string.IsNullOrWhiteSpace(spec.Author) ? AboutBook
        : Fill(AboutAuthor, 0, spec.Author);

    /// <summary>Who holds the copyright as printed: the author, else the imprint, else no one named.</summary>
    public static string Holder(BookSpec spec) => string.IsNullOrWhiteSpace(spec.Author) ? spec.Imprint?.Trim() ?? "" : spec.Author.Trim();
}
