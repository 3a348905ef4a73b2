//! Clean: tell the article's lines from the page furniture copied along with it.
//!
//! Text copied from a web page carries menus, teasers for other stories, photo captions, share
//! buttons, comment prompts, legal notices, template placeholders and "Most read" lists. Each
//! line is judged in three passes:
//!
//! 1. **What the line says by itself**: phrases that only page furniture uses ("Leave a Reply",
//!    "Read more:", "© AP Photo/...", "{{item.date}}", a bare date, a byline).
//! 2. **Where the line stands**: a run of three or more short lines is a menu; the line after a
//!    bare "Read also" is a teaser headline; a line seen before is a repeat; short lines before
//!    the headline are section labels.
//! 3. **Where the article ends**: after the body has begun, a credit line ("With reporting
//!    by"), a comment prompt, a copyright notice or a "Most read" list closes the article, and
//!    everything after it is footer; after the last prose paragraph, lines that are not prose are
//!    footer too.
//!
//! Prose (a line of six or more words ending a sentence) is never removed by the positional
//! rules of pass 2 and 3 except after an explicit end marker, so an unusual article loses no
//! paragraph to a guess. Every removed line keeps its reason, so the user can see and dispute it.
//! The same pass collects metadata cues (title, date, outlet, reprint source).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::metadata::{self, regex};

/// Why a line was taken out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Navigation,
    SectionLabel,
    Teaser,
    Caption,
    Media,
    RepeatedHeadline,
    Duplicate,
    Share,
    Comments,
    Template,
    List,
    Advertisement,
    Promotion,
    Legal,
    Credit,
    Byline,
    Date,
    ReprintNotice,
    Tags,
    Footer,
}

impl Reason {
    /// The reason in a user's words.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::SectionLabel => "section label",
            Reason::Teaser => "teaser for another article",
            Reason::Caption => "photo caption or credit",
            Reason::Media => "media placeholder",
            Reason::RepeatedHeadline => "repeated headline",
            Reason::Duplicate => "repeated line",
            Reason::Share => "share buttons",
            Reason::Comments => "comment prompt",
            Reason::Template => "template placeholder",
            Reason::List => "list of other articles",
            Reason::Advertisement => "advertisement",
            Reason::Promotion => "promotion",
            Reason::Legal => "legal notice",
            Reason::Credit => "reporting credit",
            Reason::Byline => "byline",
            Reason::Date => "date line",
            Reason::ReprintNotice => "reprint notice",
            Reason::Tags => "tags",
            Reason::Footer => "after the end of the article",
        }
    }

    /// Markers that close the article when they follow its body.
    fn ends_article(self) -> bool {
        matches!(
            self,
            Reason::Credit | Reason::Comments | Reason::List | Reason::Legal | Reason::Tags
        )
    }
}

/// What a kept line is within the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    Standfirst,
    Subheading,
    Body,
}

/// A line of the source: 1-based number, byte range of its trimmed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub number: usize,
    /// The last source line, when a hard-wrapped paragraph spans several (else `number`).
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Number of words, counted once.
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptLine {
    pub number: usize,
    /// The last source line of a hard-wrapped paragraph (else `number`).
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// 1-based line number in the source.
    pub line: usize,
    pub text: String,
    pub reason: Reason,
}

/// Metadata found in the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub syndicated_from: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub kept: Vec<KeptLine>,
    pub removed: Vec<RemovedLine>,
    pub cues: Cues,
}

/// Splits `text` into lines with trimmed byte ranges; blank lines are included with empty text.
#[must_use]
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let trimmed = body.trim_matches(is_space);
        out.push(Line {
            number: index + 1,
            last: index + 1,
            start: offset + lead,
            end: offset + lead + trimmed.len(),
            text: trimmed,
            words: word_count(trimmed),
        });
        offset += raw.len();
    }
    out
}

/// White space for cleaning purposes, including the BOM and no-break spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Separates article lines from furniture and gathers metadata cues.
#[must_use]
pub fn clean(text: &str) -> Cleaned {
    let physical = lines(text);
    let lines = join_wrapped(text, &physical);
    let norms: Vec<String> = lines.iter().map(|l| normalize(l.text)).collect();
    let mut verdicts: Vec<Option<Reason>> = lines
        .iter()
        .zip(&norms)
        .map(|(l, norm)| judge_line(l, norm))
        .collect();
    mark_teaser_headlines(&lines, &mut verdicts);
    mark_menus(&lines, &mut verdicts);
    let title = choose_title(&lines, &norms, &verdicts);
    mark_repeats(&lines, &norms, &mut verdicts, title);
    let roles = mark_head_and_tail(&lines, &mut verdicts, title);

    let mut cleaned = Cleaned::default();
    for (index, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        match (verdicts[index], roles[index]) {
            (Some(reason), _) => {
                for part in &physical[line.number - 1..line.last] {
                    cleaned.removed.push(RemovedLine {
                        line: part.number,
                        // Squeezed: Markdown's blanked markup would otherwise show as gaps.
                        text: part.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        reason,
                    });
                }
            }
            (None, role) => cleaned.kept.push(KeptLine {
                number: line.number,
                last: line.last,
                start: line.start,
                end: line.end,
                role,
            }),
        }
    }
    cleaned.cues = gather_cues(text, &lines, &verdicts, &cleaned.kept, title);
    cleaned
}

// ---------------------------------------------------------------------------------------------
// Pass 1: what a line says by itself.

/// Lower-cases and strips surrounding symbols, for comparing a line with a phrase list.
fn normalize(text: &str) -> String {
    let lowered = text
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '{' && c != '}')
        .to_lowercase()
        .replace(['’', '‘'], "'");
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

const NAVIGATION: &[&str] = &[
    "accessibility links",
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "jump to content",
    "main menu",
    "menu",
    "navigation",
    "search",
    "go to search",
    "news search topics",
    "search topics",
    "loading",
    "more news",
    "news feed",
    "sections",
    "all sections",
    "select the city",
    "currency converter",
    "use filter",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "home",
    "homepage",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "show more",
    "load more",
    "see all",
    "view all",
    "see more",
    "click here",
    "to find out more, click here",
    "back to main page",
    "back to top",
    "back to top button",
    "close",
    "ok",
    "ок",
    "breaking news",
    "breaking",
    "live",
    "watch live",
    "listen to this article",
    "font size",
    "text size",
    "source",
    "sources",
    "latest",
    "photo",
    "photos",
    "video",
    "videos",
    "infographics",
    "now",
    "today",
    "this week",
    "open in app",
    "accept cookies",
];

const SHARE: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "share by email",
    "tweet",
    "email",
    "e-mail",
    "print",
    "copy link",
    "copy url",
    "link copied",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "vk",
    "flipboard",
    "messenger",
    "comments",
    "comment",
    "show comments",
    "view comments",
    "add a comment",
    "save",
    "save article",
    "gift this article",
    "bookmark",
];

const COMMENTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "post comment",
    "cancel reply",
    "comments are closed",
    "join the conversation",
    "add your comment",
    "load comments",
    "you must be logged in to post a comment",
    // The same prompts as blog and news platforms word them in other languages.
    "schreibe einen kommentar",
    "kommentar schreiben",
    "kommentare schreiben",
    "kommentar verfassen",
    "kommentieren",
    "kommentare geschlossen",
    "antwort hinterlassen",
    "hinterlasse einen kommentar",
    "laisser un commentaire",
    "ajouter un commentaire",
    "laissez un commentaire",
    "deja un comentario",
    "deja tu comentario",
    "dejar un comentario",
    "escreva um comentário",
    "deixe um comentário",
    "deixe seu comentário",
    "dodaj komentarz",
    "skomentuj",
    "lascia un commento",
    "laat een reactie achter",
];

const ADVERTISEMENT: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
    "реклама",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
    "werbung",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "article continues below",
    "scroll to continue with content",
];

/// Headers of lists of other articles; after the body they close it.
const LISTS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "most commented",
    "top stories",
    "trending",
    "trending now",
    "popular now",
    "in other media",
    "more stories",
    "related stories",
    "related articles",
    "related news",
    "related content",
    "more in this section",
    "editor's picks",
    "recommended for you",
    "you may also like",
    "you might also like",
    "elsewhere on the web",
    "around the web",
    "latest news",
    "latest stories",
    "more from this author",
];

const TAGS: &[&str] = &[
    "topics",
    "persons",
    "people",
    "tags",
    "themes",
    "keywords",
    "filed under",
];

static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:read more|read also|read next|see also|also read|also see|you may also like|you might also like|don'?t miss|must read|editor'?s picks?)\b|^(?:lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte (?:dich|sie) auch interessieren|weiterführende links|à lire aussi|lire aussi|à lire également|voir aussi|lea también|lee también|te puede interesar|leia também|leia mais|veja também|czytaj też|czytaj także|czytaj więcej|zobacz też|zobacz także|dowiedz się więcej|leggi anche|lees ook)(?:[^\p{L}\p{N}]|$)|^(?:more|watch|listen|video|podcast|gallery|related|recommended|also on|more on this(?: story)?)\s*(?::|$)",
    )
});
static TEASER_MARKER_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:read more|read also|read next|see also|also read|related|recommended|more on this(?: story)?|lesen sie auch|mehr zum thema|weiterführende links|à lire aussi|lire aussi|voir aussi|lea también|leia também|veja também|czytaj też|czytaj także|zobacz też|zobacz także|dowiedz się więcej|leggi anche|lees ook)\W*$",
    )
});
static SHARE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\d+\s+(?:comments?|shares?|pages? in this article|min(?:ute)? read)$")
});
static TEMPLATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\{\{.*\}\}|\{%.*%\}|<%.*%>|\$\{[\w.]+\}"));
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:with (?:additional )?reporting (?:by|from)|additional reporting by|reporting by|reported by|editing by|edited by|compiled by|writing by|contributed by|reporting was contributed by|[\w .,'’-]{2,80} contributed (?:reporting|to this (?:report|story|article))|this (?:story|article|report) (?:was|has been) (?:updated|corrected))\b",
    )
});
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)all rights reserved|^©\s*(?:\d{4}|copyright)|^\(c\)\s*\d{4}|^copyright\b|may not be (?:published|reproduced|broadcast|rewritten|redistributed)|reproduction[^.]{0,40}prohibited",
    )
});
static LEGAL_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)terms of (?:use|service)|privacy policy|cookie (?:policy|settings)")
});
static PROMOTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:join|follow|subscribe|sign up|download|get|support|like)\b.{0,80}\b(?:channel|newsletter|app|telegram|twitter|facebook|instagram|youtube|whatsapp|podcast|alerts|journalism|notifications)\b|\bsubscribe (?:from|for|now|today)\b|\bsupport (?:our|independent) (?:\w+ )?(?:journalism|news|reporting)\b|\bbecome a (?:member|subscriber|supporter)\b",
    )
});
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        \((?:file\ )?(?:photo|image|picture|video|illustration)s?(?:\ [^)]{0,60})?\)\s*$
        | ^(?:photo|photograph|image|picture|credit|illustration|pictured|photo\ by|photo\ credit|image\ credit|source\ of\ photo)\s*[:|]
        | \b(?:Photo|Photograph|Picture|Image|Credit)(?:\ by)?\s*:\s*\p{Lu}[^.:]{0,60}$
        | \(\s*\p{Lu}[^()/]*(?:/\s*\p{Lu}[^()/]*)+\)\s*$
        | \b(?:AP|AFP|REUTERS|Reuters|Getty\ Images|EPA|EFE|TASS|Sputnik|Xinhua|ZUMA|Zuma\ Press|Shutterstock|Alamy|Bloomberg|NurPhoto|Anadolu)(?:\ Photo)?\s*/\s*\p{Lu}
        | \p{Lu}\w+\s+\p{Lu}\w+\s*/\s*(?:Getty\ Images|AFP|Reuters|AP|EPA|Shutterstock|Alamy)\b
        ",
    )
});
static MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\W_]*(?:\d+x\d+\s+)?(?:image|video|photo|gallery|audio|play video|watch video|enlarge this image|toggle caption|hide caption|view gallery|embedded video)[\W_]*$",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:By|BY|by)\s+\p{Lu}"));
static ONLY_SYMBOLS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[\W_&&[^\p{L}\p{N}]]+$|^\d{1,3}$"));

/// Number of words (tokens holding a letter or digit).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether the line ends like a sentence (closing quotes and brackets aside).
fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', ' ']);
    core.ends_with(['.', '!', '?', '…', ':'])
}

/// A line of running text: a sentence of six words or more, or a long stretch of words.
fn is_prose(line: &Line<'_>) -> bool {
    line.words >= 6 && ends_sentence(line.text) || line.words >= 20
}

/// A line that reads as a sentence, however short ("Her neighbour agreed."). Headlines,
/// labels and lists of links do not end like sentences.
fn is_sentence(line: &Line<'_>) -> bool {
    line.words >= 3 && ends_sentence(line.text) || line.words >= 20
}

#[cfg(test)]
fn judge_alone(text: &str) -> Option<Reason> {
    judge(text, &normalize(text), word_count(text))
}

fn judge_line(line: &Line<'_>, norm: &str) -> Option<Reason> {
    judge(line.text, norm, line.words)
}

/// Pass 1 for one line, given its normalised text and word count.
fn judge(text: &str, norm: &str, words: usize) -> Option<Reason> {
    if text.is_empty() {
        return None;
    }
    let in_list = |list: &[&str]| list.contains(&norm);
    if TEMPLATE.is_match(text) {
        return Some(Reason::Template);
    }
    if norm.is_empty() || ONLY_SYMBOLS.is_match(text) {
        return Some(Reason::Navigation);
    }
    if in_list(COMMENTS)
        || norm.starts_with("your email address will not be published")
        || norm.starts_with("required fields are marked")
    {
        return Some(Reason::Comments);
    }
    if in_list(SHARE) || SHARE_COUNT.is_match(norm) {
        return Some(Reason::Share);
    }
    if in_list(ADVERTISEMENT) {
        return Some(Reason::Advertisement);
    }
    if in_list(LISTS) {
        return Some(Reason::List);
    }
    if in_list(TAGS) || norm.starts_with("tags:") || norm.starts_with("topics:") {
        return Some(Reason::Tags);
    }
    if in_list(NAVIGATION) {
        return Some(Reason::Navigation);
    }
    if words <= 40 && metadata::reprint_source(text).is_some() {
        return Some(Reason::ReprintNotice);
    }
    if words <= 40 && CREDIT.is_match(text) {
        return Some(Reason::Credit);
    }
    if LEGAL.is_match(text) || words <= 25 && LEGAL_SHORT.is_match(text) {
        return Some(Reason::Legal);
    }
    if words <= 25 && TEASER.is_match(text) {
        return Some(Reason::Teaser);
    }
    if words <= 60 && (CAPTION.is_match(text) || text.contains('©')) {
        return Some(Reason::Caption);
    }
    if MEDIA.is_match(text) {
        return Some(Reason::Media);
    }
    if words <= 40 && PROMOTION.is_match(text) {
        return Some(Reason::Promotion);
    }
    if metadata::date_line(text).is_some() {
        return Some(Reason::Date);
    }
    if is_byline(text) {
        return Some(Reason::Byline);
    }
    None
}

/// "By Ana Brill, Local Affairs Correspondent": capitalised names, no sentence.
fn is_byline(text: &str) -> bool {
    if !BYLINE.is_match(text)
        || word_count(text) > 16
        || ends_sentence(text) && !text.ends_with(['.'])
    {
        return false;
    }
    let joiners = [
        "and", "of", "the", "for", "in", "at", "de", "van", "von", "da", "la", "le", "del",
    ];
    text.split_whitespace().skip(1).all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || joiners.contains(&w)
    })
}

// ---------------------------------------------------------------------------------------------
// Hard-wrapped text.

/// Joins the lines of hard-wrapped paragraphs (text wrapped at a fixed width, as in e-mail and
/// much Markdown) into one logical line each, so the later passes judge paragraphs, not
/// fragments. A file counts as wrapped when its longer lines all end near one width; a line
/// then continues into the next when the next line's first word would not have fitted on it.
/// Text that is not wrapped comes back line for line.
fn join_wrapped<'a>(text: &'a str, physical: &[Line<'a>]) -> Vec<Line<'a>> {
    let Some(width) = wrap_width(physical) else {
        return physical.to_vec();
    };
    let mut lines: Vec<Line<'a>> = Vec::with_capacity(physical.len());
    for (index, line) in physical.iter().enumerate() {
        let continues = {
            index > 0
                && !line.text.is_empty()
                && lines.last().is_some_and(|previous: &Line<'_>| {
                    let tail = physical[index - 1].text;
                    let first_word = line.text.split_whitespace().next().unwrap_or("");
                    // Wrappers differ by a column or two (some count the trailing space).
                    let no_room = tail.chars().count() + 1 + first_word.chars().count() + 2 > width;
                    let lower = first_word.chars().next().is_some_and(char::is_lowercase);
                    previous.last == index && !tail.is_empty() && (no_room || lower)
                })
        };
        match lines.last_mut() {
            Some(previous) if continues => {
                previous.last = line.number;
                previous.end = line.end;
                previous.text = &text[previous.start..previous.end];
                previous.words += line.words;
            }
            _ => lines.push(*line),
        }
    }
    lines
}

/// The wrap width of a hard-wrapped file, or `None` when its lines are not wrapped.
fn wrap_width(physical: &[Line<'_>]) -> Option<usize> {
    let long: Vec<usize> = physical
        .iter()
        .map(|l| l.text.chars().count())
        .filter(|&n| n >= 40)
        .collect();
    let width = long.iter().copied().max()?;
    // Wrapped text: at least five long lines, none past 100 characters, most within 15 of the
    // widest, and lines that follow one another (a wrapped paragraph has several).
    let near = long.iter().filter(|&&n| n + 15 >= width).count();
    let followed = physical
        .windows(2)
        .filter(|w| w[0].text.chars().count() >= 40 && w[1].text.chars().count() >= 20)
        .count();
    (long.len() >= 5 && width <= 100 && near * 3 >= long.len() * 2 && followed * 2 >= long.len())
        .then_some(width)
}

// ---------------------------------------------------------------------------------------------
// Pass 2: where a line stands.

/// Indices of the non-blank lines, in order.
fn non_blank<'a>(lines: &'a [Line<'_>]) -> impl Iterator<Item = usize> + 'a {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .map(|(i, _)| i)
}

/// A bare "Read also" marks the following headline as a teaser too.
fn mark_teaser_headlines(lines: &[Line<'_>], verdicts: &mut [Option<Reason>]) {
    let indices: Vec<usize> = non_blank(lines).collect();
    for pair in indices.windows(2) {
        let (marker, next) = (pair[0], pair[1]);
        if TEASER_MARKER_ONLY.is_match(lines[marker].text)
            && verdicts[next].is_none()
            && !is_prose(&lines[next])
            && lines[next].words <= 25
        {
            verdicts[marker] = Some(Reason::Teaser);
            verdicts[next] = Some(Reason::Teaser);
        }
    }
}

/// Three or more consecutive short lines (no blank line between) form a menu.
fn mark_menus(lines: &[Line<'_>], verdicts: &mut [Option<Reason>]) {
    let short = |l: &Line<'_>| {
        !l.text.is_empty() && l.words <= 6 && (!ends_sentence(l.text) || l.words <= 3)
    };
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && short(&lines[end]) {
            end += 1;
        }
        if end - start >= 3 {
            for verdict in &mut verdicts[start..end] {
                verdict.get_or_insert(Reason::Navigation);
            }
        }
        start = end.max(start + 1);
    }
}

/// The headline: among the lines before the first prose paragraph, the one repeated most
/// (pages often repeat their headline), else the first headline-shaped line.
fn choose_title(
    lines: &[Line<'_>],
    norms: &[String],
    verdicts: &[Option<Reason>],
) -> Option<usize> {
    let head: Vec<usize> = non_blank(lines)
        .take_while(|&i| verdicts[i].is_some() || !is_sentence(&lines[i]))
        .filter(|&i| verdicts[i].is_none())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for i in non_blank(lines) {
        *counts.entry(norms[i].as_str()).or_default() += 1;
    }
    let headline_shaped = |i: &usize| {
        let text = lines[*i].text;
        (4..=30).contains(&lines[*i].words) && !text.ends_with('.')
    };
    let repeated = head
        .iter()
        .filter(|i| headline_shaped(i))
        .map(|&i| (counts.get(norms[i].as_str()).copied().unwrap_or(1), i))
        .filter(|&(count, _)| count > 1)
        // Most repeats first; among equals, the earliest line.
        .max_by_key(|&(count, i)| (count, std::cmp::Reverse(i)))
        .map(|(_, i)| i);
    repeated.or_else(|| head.iter().copied().find(headline_shaped))
}

/// A line identical to an earlier one is a repeat: of the headline, of a longer line (a caption
/// or teaser shown twice), or of a short label that recurs three times or more (a gallery's
/// title on every slide). A label used twice ("UPDATE:") is left to the other rules.
fn mark_repeats(
    lines: &[Line<'_>],
    norms: &[String],
    verdicts: &mut [Option<Reason>],
    title: Option<usize>,
) {
    let title_key = title.map(|t| norms[t].as_str());
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for i in non_blank(lines) {
        *counts.entry(norms[i].as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for i in non_blank(lines).collect::<Vec<_>>() {
        let key = norms[i].as_str();
        if key.is_empty() {
            continue;
        }
        if seen.contains_key(&key) && Some(i) != title {
            let is_title = title_key == Some(key);
            if is_title {
                verdicts[i] = Some(Reason::RepeatedHeadline);
            } else if lines[i].words >= 5 || counts.get(key).is_some_and(|&n| n >= 3) {
                verdicts[i].get_or_insert(Reason::Duplicate);
            }
        } else {
            seen.insert(key, i);
        }
    }
    // A repeat before the chosen title is still the headline repeated.
    if let (Some(t), Some(key)) = (title, title_key) {
        for i in non_blank(lines).take_while(|&i| i < t) {
            if norms[i] == key {
                verdicts[i] = Some(Reason::RepeatedHeadline);
            }
        }
    }
}

/// Pass 3, and roles for the kept lines: the head (title, standfirst, labels), the body
/// (paragraphs and subheadings) and the tail (footer).
fn mark_head_and_tail(
    lines: &[Line<'_>],
    verdicts: &mut [Option<Reason>],
    title: Option<usize>,
) -> Vec<Role> {
    let mut roles = vec![Role::Body; lines.len()];
    let body_start = non_blank(lines).find(|&i| verdicts[i].is_none() && is_sentence(&lines[i]));
    let Some(body_start) = body_start else {
        // No running text at all: keep what pass 1 and 2 kept, as body.
        if let Some(t) = title {
            roles[t] = Role::Title;
        }
        return roles;
    };

    // Head: before the body.
    for i in non_blank(lines).take_while(|&i| i < body_start) {
        if verdicts[i].is_some() {
            continue;
        }
        let words = lines[i].words;
        match title {
            Some(t) if i == t => roles[i] = Role::Title,
            Some(t) if i > t && words >= 5 => roles[i] = Role::Standfirst,
            None if words >= 8 => roles[i] = Role::Standfirst,
            _ => verdicts[i] = Some(Reason::SectionLabel),
        }
    }

    // Tail: an end marker after the body has begun closes the article.
    let end_marker = non_blank(lines)
        .skip_while(|&i| i <= body_start)
        .find(|&i| verdicts[i].is_some_and(Reason::ends_article));
    if let Some(end) = end_marker {
        for i in non_blank(lines).skip_while(|&i| i <= end) {
            verdicts[i].get_or_insert(Reason::Footer);
        }
    }
    // After the last sentence, what does not read as a sentence is footer.
    let last_sentence = non_blank(lines)
        .filter(|&i| verdicts[i].is_none() && is_sentence(&lines[i]))
        .last();
    if let Some(last_sentence) = last_sentence {
        for i in non_blank(lines).skip_while(|&i| i <= last_sentence) {
            verdicts[i].get_or_insert(Reason::Footer);
        }
    }
    // Body: short kept lines between paragraphs are subheadings.
    for i in non_blank(lines).skip_while(|&i| i < body_start) {
        if verdicts[i].is_none() && !is_sentence(&lines[i]) {
            roles[i] = Role::Subheading;
        }
    }
    roles
}

// ---------------------------------------------------------------------------------------------
// Metadata cues.

fn gather_cues(
    text: &str,
    lines: &[Line<'_>],
    verdicts: &[Option<Reason>],
    kept: &[KeptLine],
    title: Option<usize>,
) -> Cues {
    let mut cues = Cues {
        title: title.filter(|&t| verdicts[t].is_none()).map(|t| {
            lines[t]
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }),
        ..Cues::default()
    };
    // Dates: a date line, else a byline or dateline carrying one with a year.
    let date_from = |reason: Option<Reason>| {
        non_blank(lines)
            .filter(|&i| verdicts[i] == reason)
            .find_map(|i| metadata::find_date(lines[i].text))
    };
    cues.date = date_from(Some(Reason::Date)).or_else(|| date_from(Some(Reason::Byline)));
    let first_body = kept.iter().find(|k| k.role == Role::Body);
    if cues.date.is_none() {
        cues.date = first_body.and_then(|k| metadata::dateline_date(&text[k.start..k.end]));
    }
    // Reprint notices, anywhere.
    cues.syndicated_from = non_blank(lines).find_map(|i| metadata::reprint_source(lines[i].text));
    // Outlet: self-references in the page furniture, then the dateline's agency.
    let self_reference = non_blank(lines)
        .filter(|&i| verdicts[i].is_some())
        .find_map(|i| metadata::outlet_self_reference(lines[i].text));
    let agency = first_body.and_then(|k| metadata::dateline_agency(&text[k.start..k.end]));
    cues.outlet = self_reference.clone().or_else(|| agency.clone());
    // A wire agency's dateline under another outlet's name marks wire copy.
    if let (None, Some(own), Some(agency)) = (&cues.syndicated_from, &self_reference, agency)
        && metadata::is_wire_service(&agency)
        && &agency != own
    {
        cues.syndicated_from = Some(agency);
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<(String, Option<Reason>)> {
        let cleaned = clean(text);
        let mut out: Vec<(usize, String, Option<Reason>)> = cleaned
            .removed
            .iter()
            .map(|r| (r.line, r.text.clone(), Some(r.reason)))
            .chain(
                cleaned
                    .kept
                    .iter()
                    .map(|k| (k.number, text[k.start..k.end].to_owned(), None)),
            )
            .collect();
        out.sort_by_key(|(n, _, _)| *n);
        out.into_iter().map(|(_, t, r)| (t, r)).collect()
    }

    fn removed_as(text: &str, line: &str) -> Option<Reason> {
        reasons(text)
            .into_iter()
            .find(|(t, _)| t == line)
            .unwrap_or_else(|| panic!("no line {line:?}"))
            .1
    }

    const PAGE: &str = "Skip to main content\nHome\nLocal\nSport\n\nBridge reopens after three-year repair\n\nBridge reopens after three-year repair\nThe city says traffic will be light for a week\nMarch 4, 2025\nBy Jo Vance\nThe old span at dawn (file photo)\n\nThe Kell Bridge reopened on Monday after a repair that took three years.\n\nRead also\nMarket stalls to move for summer works\n\n\"We are proud of the crews,\" the mayor said.\n\nTraffic rules\n\nBuses will return to the bridge from Friday, officials said.\n\nShare\n\nWith reporting by Lee Park\n\nOur newsroom has covered the bridge since 2019 and will keep doing so.\n© 2025 Kell Gazette. All rights reserved.\nLeave a Reply\nMost read\n1\nAnother story headline here\n";

    #[test]
    fn keeps_every_article_line_with_roles() {
        let cleaned = clean(PAGE);
        let kept: Vec<(&str, Role)> = cleaned
            .kept
            .iter()
            .map(|k| (&PAGE[k.start..k.end], k.role))
            .collect();
        assert_eq!(
            kept,
            vec![
                ("Bridge reopens after three-year repair", Role::Title),
                (
                    "The city says traffic will be light for a week",
                    Role::Standfirst
                ),
                (
                    "The Kell Bridge reopened on Monday after a repair that took three years.",
                    Role::Body
                ),
                ("\"We are proud of the crews,\" the mayor said.", Role::Body),
                ("Traffic rules", Role::Subheading),
                (
                    "Buses will return to the bridge from Friday, officials said.",
                    Role::Body
                ),
            ]
        );
    }

    #[test]
    fn gives_each_removed_line_a_reason() {
        assert_eq!(
            removed_as(PAGE, "Skip to main content"),
            Some(Reason::Navigation)
        );
        assert_eq!(removed_as(PAGE, "Local"), Some(Reason::Navigation));
        assert_eq!(removed_as(PAGE, "March 4, 2025"), Some(Reason::Date));
        assert_eq!(removed_as(PAGE, "By Jo Vance"), Some(Reason::Byline));
        assert_eq!(
            removed_as(PAGE, "The old span at dawn (file photo)"),
            Some(Reason::Caption)
        );
        assert_eq!(removed_as(PAGE, "Read also"), Some(Reason::Teaser));
        assert_eq!(
            removed_as(PAGE, "Market stalls to move for summer works"),
            Some(Reason::Teaser)
        );
        assert_eq!(removed_as(PAGE, "Share"), Some(Reason::Share));
        assert_eq!(
            removed_as(PAGE, "With reporting by Lee Park"),
            Some(Reason::Credit)
        );
        assert_eq!(
            removed_as(
                PAGE,
                "Our newsroom has covered the bridge since 2019 and will keep doing so."
            ),
            Some(Reason::Footer)
        );
        assert_eq!(
            removed_as(PAGE, "© 2025 Kell Gazette. All rights reserved."),
            Some(Reason::Legal)
        );
        assert_eq!(removed_as(PAGE, "Leave a Reply"), Some(Reason::Comments));
        assert_eq!(
            removed_as(PAGE, "Another story headline here"),
            Some(Reason::Navigation),
            "a menu-like run"
        );
        let removed = clean(PAGE).removed;
        let repeats: Vec<usize> = removed
            .iter()
            .filter(|r| r.reason == Reason::RepeatedHeadline)
            .map(|r| r.line)
            .collect();
        assert_eq!(repeats, vec![8]);
    }

    #[test]
    fn gathers_metadata_cues() {
        let cues = clean(PAGE).cues;
        assert_eq!(
            cues.title.as_deref(),
            Some("Bridge reopens after three-year repair")
        );
        assert_eq!(cues.date.as_deref(), Some("2025-03-04"));
        assert_eq!(cues.outlet.as_deref(), Some("Kell Gazette"));
        assert_eq!(cues.syndicated_from, None);
    }

    #[test]
    fn plain_article_loses_nothing() {
        let text = "LONDON -- The river rose by a metre overnight.\n\n\"It was fast,\" said Ana Kell, who lives nearby.\n\nHer neighbour agreed.\n\nOfficials said the barrier held.\n";
        let cleaned = clean(text);
        assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
        assert_eq!(cleaned.kept.len(), 4);
    }

    #[test]
    fn short_sentences_and_repeated_labels_stay() {
        let text = "Ana knew the river well.\n\nShe had crossed it every day for forty years, her son said.\n\nUPDATE:\n\nThe ferry ran again on Monday.\n\nUPDATE:\n\nIt stopped on Tuesday after a storm warning.\n";
        let cleaned = clean(text);
        assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
        assert_eq!(cleaned.kept[0].role, Role::Body);
    }

    #[test]
    fn a_label_on_every_gallery_slide_is_a_repeat() {
        let text = "The storm moved east on Monday, forecasters said.\n\nStorm gallery\n\nA flooded road near the coast.\n\nStorm gallery\n\nA fallen tree on a car.\n\nStorm gallery\n\nCrews cleared the roads by Tuesday, officials said.\n";
        let cleaned = clean(text);
        let repeats: Vec<usize> = cleaned
            .removed
            .iter()
            .filter(|r| r.reason == Reason::Duplicate)
            .map(|r| r.line)
            .collect();
        assert_eq!(repeats, vec![7, 11]);
    }

    #[test]
    fn repeated_headline_is_chosen_as_title_over_a_section_label() {
        let text = "World & Europe\n\nTalks resume in Geneva – officials\n\nTalks resume in Geneva – officials\n\nA short standfirst line about the talks resuming\n\nDelegations met on Monday for the first time in a year.\n";
        assert_eq!(
            removed_as(text, "World & Europe"),
            Some(Reason::SectionLabel)
        );
        let cleaned = clean(text);
        assert_eq!(
            cleaned.cues.title.as_deref(),
            Some("Talks resume in Geneva – officials")
        );
        assert_eq!(cleaned.kept.len(), 3);
    }

    #[test]
    fn captions_and_credits() {
        for caption in [
            "Leaders at the summit. (Ana Lee/Kell Press/Wire)",
            "© AP Photo/Sam Doe",
            "Photo: Dana Whit / Gazette",
            "The mayor at the podium. © Jo Ma/Getty Images",
            "Crowds on the quay. REUTERS/Kim Lo",
            "Traders outside the hall on Monday. Photo: Lena Marsh / The Gazette",
        ] {
            assert_eq!(judge_alone(caption), Some(Reason::Caption), "{caption}");
        }
        assert_eq!(judge_alone("• 16x9 Image"), Some(Reason::Media));
        assert_eq!(
            judge_alone("The court ruled on Tuesday (local time)."),
            None
        );
    }

    #[test]
    fn teaser_markers_and_comment_prompts_in_other_languages() {
        for teaser in [
            "Lesen Sie auch: Der Hafen bleibt geschlossen",
            "À lire aussi » Le port reste fermé",
            "Lea también: El puerto sigue cerrado",
            "Czytaj też: Port pozostaje zamknięty",
        ] {
            assert_eq!(judge_alone(teaser), Some(Reason::Teaser), "{teaser}");
        }
        for prompt in [
            "Kommentar verfassen",
            "Deja un comentario",
            "Dodaj komentarz",
        ] {
            assert_eq!(judge_alone(prompt), Some(Reason::Comments), "{prompt}");
        }
        // A sentence that merely starts like one is the article's.
        assert_eq!(
            judge_alone("Lesenswert fand der Bürgermeister den Bericht nicht, sagte er."),
            None
        );
    }

    #[test]
    fn teasers_templates_ads_promotions() {
        assert_eq!(
            judge_alone("READ MORE: Why the vote matters"),
            Some(Reason::Teaser)
        );
        assert_eq!(
            judge_alone("Read more No bridge for the east bank: what we know"),
            Some(Reason::Teaser)
        );
        assert_eq!(judge_alone("{{item.group_date}}"), Some(Reason::Template));
        assert_eq!(judge_alone("Реклама"), Some(Reason::Advertisement));
        assert_eq!(
            judge_alone("Join our brand new verified KGZ Telegram channel and get news first!"),
            Some(Reason::Promotion)
        );
        assert_eq!(judge_alone("1 pages in this article"), Some(Reason::Share));
        assert_eq!(
            judge_alone("Your email address will not be published."),
            Some(Reason::Comments)
        );
        assert_eq!(
            judge_alone("More than 100 people attended the meeting."),
            None
        );
        assert_eq!(
            judge_alone("Related charges were dropped last year, the court said."),
            None
        );
        assert_eq!(judge_alone("Recommended changes were adopted."), None);
        assert_eq!(judge_alone("Related:"), Some(Reason::Teaser));
    }

    #[test]
    fn reprint_notice_sets_the_source() {
        let text = "This article was originally published by Kell Radio and is reprinted with permission.\n\nThe bridge opened on Monday after three years of work.\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.removed[0].reason, Reason::ReprintNotice);
        assert_eq!(cleaned.cues.syndicated_from.as_deref(), Some("Kell Radio"));
    }

    #[test]
    fn dateline_agency_names_the_outlet() {
        let text = "KELL, May 3. /KNA/. The bridge opened on Monday after three years of work.\n";
        assert_eq!(clean(text).cues.outlet.as_deref(), Some("KNA"));
    }

    #[test]
    fn a_file_of_furniture_keeps_nothing() {
        let text = "Home\nNews\nSport\nWeather\n\nShare\nLeave a Reply\n";
        assert!(clean(text).kept.is_empty());
    }

    #[test]
    fn hard_wrapped_paragraphs_are_judged_whole() {
        let text = "Ferry strike ends after two weeks\n\nThe ferry between Kell and Orm resumed on Monday after a two-week\nstrike that stranded hundreds of commuters and left the island's\nshops short of supplies for most of the month.\n\nCrews accepted a pay offer late on Sunday, the union said, ending a\ndispute that began when the operator cut overtime rates without\nconsulting the workforce or the island council.\n\nShare\n";
        let cleaned = clean(text);
        let kept: Vec<(usize, usize, Role)> = cleaned
            .kept
            .iter()
            .map(|k| (k.number, k.last, k.role))
            .collect();
        assert_eq!(
            kept,
            vec![(1, 1, Role::Title), (3, 5, Role::Body), (7, 9, Role::Body)]
        );
        assert_eq!(cleaned.removed.len(), 1);
    }

    #[test]
    fn long_unwrapped_lines_are_not_joined() {
        let text = "A headline for a story about the river\nThe river rose by a metre overnight and flooded the lower town, officials said on Monday morning.\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.kept.len(), 2);
        assert_eq!(cleaned.kept[0].role, Role::Title);
    }

    #[test]
    fn crlf_and_bom_are_handled() {
        let text =
            "\u{feff}Home\r\nNews\r\nSport\r\n\r\nThe ferry resumed service on Monday morning.\r\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.kept.len(), 1);
        let k = &cleaned.kept[0];
        assert_eq!(
            &text[k.start..k.end],
            "The ferry resumed service on Monday morning."
        );
    }
}
