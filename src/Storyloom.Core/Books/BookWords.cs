namespace Storyloom.Core.Books;

/// <summary>
/// The few words a book prints besides its story (headings and the copyright lines), in the book's language.
/// English and a few common languages are built in; an AI writer asks its model for any other language
/// (<see cref="Manuscript.Words"/>). Placeholders: {year}, {author}.
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

    private static readonly Dictionary<string, BookWords> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["es"] = new("Fin", "Los personajes", "Sobre el autor",
            "Texto e ilustraciones © {year} {author}. Todos los derechos reservados.",
            "Ninguna parte de este libro puede reproducirse, almacenarse ni compartirse de ninguna forma sin el permiso escrito del autor.",
            "Primera edición, {year}.",
            "{author} hizo este libro para los pequeños lectores y los mayores que comparten historias con ellos. ¡Gracias por leer!"),
        ["fr"] = new("Fin", "Les personnages", "À propos de l'auteur",
            "Texte et illustrations © {year} {author}. Tous droits réservés.",
            "Aucune partie de ce livre ne peut être reproduite, stockée ou partagée sous quelque forme que ce soit sans l'autorisation écrite de l'auteur.",
            "Première édition, {year}.",
            "{author} a créé ce livre pour les jeunes lecteurs et les grands qui partagent des histoires avec eux. Merci de votre lecture !"),
        ["de"] = new("Ende", "Die Figuren", "Über den Autor",
            "Text und Illustrationen © {year} {author}. Alle Rechte vorbehalten.",
            "Kein Teil dieses Buches darf ohne schriftliche Genehmigung des Autors vervielfältigt, gespeichert oder weitergegeben werden.",
            "Erste Auflage, {year}.",
            "{author} hat dieses Buch für junge Leserinnen und Leser gemacht und für die Großen, die mit ihnen Geschichten teilen. Danke fürs Lesen!"),
        ["ar"] = new("النهاية", "تعرّف على الشخصيات", "عن المؤلف",
            "النص والرسوم © {year} {author}. جميع الحقوق محفوظة.",
            "لا يجوز نسخ أي جزء من هذا الكتاب أو تخزينه أو مشاركته بأي شكل دون إذن كتابي من المؤلف.",
            "الطبعة الأولى، {year}.",
            "صنع {author} هذا الكتاب للقرّاء الصغار وللكبار الذين يشاركونهم القصص. شكرًا للقراءة!"),
        ["he"] = new("הסוף", "הכירו את הדמויות", "על המחבר",
            "טקסט ואיורים © {year} {author}. כל הזכויות שמורות.",
            "אין להעתיק, לשמור או לשתף כל חלק מספר זה בכל צורה שהיא ללא אישור בכתב מהמחבר.",
            "מהדורה ראשונה, {year}.",
            "{author} יצר את הספר הזה לקוראים צעירים ולמבוגרים שחולקים איתם סיפורים. תודה שקראתם!"),
    };

    /// <summary>The built-in words of a language (a BCP-47 tag such as "es" or "pt-BR"), or null.</summary>
    public static BookWords? For(string language) =>
        BuiltIn.TryGetValue(language, out var words) || BuiltIn.TryGetValue(language.Split('-')[0], out words) ? words : null;

    /// <summary>The words a book prints: its own, the built-in ones of its language, or English.</summary>
    public static BookWords Of(Manuscript manuscript) => manuscript.Words ?? For(manuscript.Language) ?? English;

    public string Fill(string text, int year, string author) =>
        text.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{author}", author, StringComparison.Ordinal);
}
