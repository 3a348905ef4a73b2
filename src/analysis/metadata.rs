//! Metadata cues in the text: dates, datelines, reprint notices, the outlet's name.
//!
//! Articles copied from the web rarely say plainly who published them and when. They do carry
//! cues: a date line under the headline, a dateline ("MOSCOW, January 23. /TASS/."), a copyright
//! notice ("© 2026 Kell Gazette"), a self-reference ("Join our ... channel", "KNA journalists
//! report ..."), a reprint notice ("originally published by X and reprinted with permission").
//! Each function here reads one kind of cue from one line; the cleaner decides which lines to
//! ask. A date is only given when its year is known: a date without a year is not an ISO date.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::word_count;

/// Compiles a pattern, with ASCII word boundaries: a Unicode `\b` makes the regex engine fall
/// back to its slowest matcher on non-ASCII text, and the words these patterns look for are
/// ASCII.
pub(crate) fn regex(pattern: &str) -> Regex {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    // The patterns are literals that the unit tests exercise; should one ever fail to compile,
    // a never-matching regex keeps the program running.
    Regex::new(&pattern)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// A date in any of the common written forms, with named parts.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?x)
        (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}}))
        | (?P<mdy>(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)
        | (?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH}),?(?:\s+(?P<y2>\d{{4}}))?)
        | (?P<dotted>(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})\.(?P<y3>\d{{4}}))
        "
    ))
});

/// A line that is nothing but a date, maybe with a label, weekday and time.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?ix)^
        (?:(?:published|updated|posted|last\ updated|first\ published|modified|date)\s*(?:on|at)?\s*:?\s*)?
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.]+Z?)?
          | {MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
          | \d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?(?:\s+\d{{4}})?
          | \d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})
        (?:\s*[,|·•-]?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|[A-Z]{{2,4}})(?:\s*[+-]\s*\d{{1,2}}(?::\d{{2}})?)?)?)?
        \s*$"
    ))
});

/// Whether `line` is only a date (and returns the ISO date when its year is known).
pub fn date_line(line: &str) -> Option<Option<String>> {
    DATE_LINE.is_match(line.trim()).then(|| find_date(line))
}

/// The first date with a year in `text`, as `YYYY-MM-DD`.
pub fn find_date(text: &str) -> Option<String> {
    DATE.captures_iter(text).find_map(|c| {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
        let (year, month, day) = if c.name("iso").is_some() {
            (num("iy")?, num("im")?, num("id")?)
        } else if c.name("mdy").is_some() {
            (num("y1")?, month("m1")?, num("d1")?)
        } else if c.name("dmy").is_some() {
            (num("y2")?, month("m2")?, num("d2")?)
        } else {
            (num("y3")?, num("m3")?, num("d3")?)
        };
        valid_date(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
    })
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == key)
        .and_then(|p| u32::try_from(p + 1).ok())
}

fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1800..=2200).contains(&year) && (1..=days).contains(&day)
}

/// "MOSCOW, January 23. /TASS/." or "WASHINGTON (AP) —" at the start of a paragraph.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?x)^
        (?P<place>\p{{Lu}}[\p{{Lu}}\p{{Ll}}\x20.'’-]{{1,40}}?)
        (?:,\s*(?P<date>(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s*\d{{4}})?)\.?)?
        \s*(?:/\s*(?P<slash>\p{{Lu}}[\p{{L}}-]{{1,15}})\s*/|\((?P<paren>\p{{Lu}}[\p{{L}}\x20-]{{1,20}})\))
        \s*\.?\s*(?:[-–—:]\s*)?"
    ))
});

/// The dateline's agency, e.g. `TASS` in "MOSCOW, January 23. /TASS/. ...".
pub fn dateline_agency(paragraph: &str) -> Option<String> {
    // Cheap first look: a dateline's agency sits in slashes or brackets near the start.
    let head = &paragraph.as_bytes()[..paragraph.len().min(90)];
    if !head.iter().any(|b| matches!(b, b'/' | b'(')) {
        return None;
    }
    let c = DATELINE.captures(paragraph)?;
    let place = c.name("place")?.as_str();
    // The place of a dateline is written in capitals ("MOSCOW", "NEW YORK") or is a city name;
    // a sentence opening with a parenthesis ("The bank (ECB) said") is not a dateline.
    if place.split_whitespace().count() > 3
        || place.chars().filter(|ch| ch.is_lowercase()).count() > 0 && c.name("date").is_none()
    {
        return None;
    }
    c.name("slash")
        .or_else(|| c.name("paren"))
        .map(|m| m.as_str().trim().to_owned())
}

/// The byte length of a dateline prefix, if the paragraph opens with one.
pub fn dateline_len(paragraph: &str) -> Option<usize> {
    dateline_agency(paragraph)?;
    DATELINE.find(paragraph).map(|m| m.end())
}

/// A dated dateline's ISO date (only when it carries a year).
pub fn dateline_date(paragraph: &str) -> Option<String> {
    let c = DATELINE.captures(paragraph)?;
    c.name("date").and_then(|d| find_date(d.as_str()))
}

/// News agencies whose copy other outlets run under their own name.
const WIRE_SERVICES: &[&str] = &[
    "AP",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "UPI",
    "DPA",
    "dpa",
    "EFE",
    "ANSA",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Bloomberg",
    "PA",
    "CP",
    "AAP",
    "Kyodo",
    "Yonhap",
    "ANI",
    "PTI",
    "IANS",
    "Anadolu",
    "APA",
    "ATS",
    "CTK",
    "PAP",
    "MTI",
];

#[must_use]
pub fn is_wire_service(name: &str) -> bool {
    WIRE_SERVICES.iter().any(|w| w.eq_ignore_ascii_case(name))
}

static REPRINT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        (?:originally|first)\s+(?:published|appeared|ran|posted)\s+(?:by|in|on|at)\s+(?:the\ website\ of\s+)?(?P<a>[^.,;:()]+?)(?:\s+(?:and|on|in|under|with|as)\b|[.,;:()]|$)
        | (?:republished|reprinted|reproduced|syndicated)\s+(?:here\s+)?(?:with\s+(?:kind\s+)?permission\s+)?(?:from|of)\s+(?P<b>[^.,;:()]+?)(?:\s+(?:and|on|in|under|with)\b|[.,;:()]|$)
        ",
    )
});

/// The outlet a reprint notice names.
pub fn reprint_source(line: &str) -> Option<String> {
    // `is_match` runs the fast DFA; only a matching line pays for the capture groups.
    if !REPRINT.is_match(line) {
        return None;
    }
    let c = REPRINT.captures(line)?;
    let name = c.name("a").or_else(|| c.name("b"))?.as_str().trim();
    (word_count(name) <= 8 && name.chars().next().is_some_and(char::is_uppercase))
        .then(|| name.to_owned())
}

static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}\p{N}&/.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&/.'’-]*|of|the|and|&))*?";
    regex(&format!(
        r"(?x)
        (?:(?:©|\(c\))\s*|(?i:copyright)\s*(?:©\s*)?)\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*(?P<copy>{name})(?:\s*[.,·|•]|\s+(?:All|Inc|LLC|Ltd|Limited|GmbH|\p{{Ll}})|\s*$)
        | ^(?P<staff>{name})\s+(?:journalists|reporters|correspondents|editors)\s+(?:have\s+)?(?:report|reported|cover|covered|are|work)\b
        | \bour\s+(?:\p{{Ll}}+\s+)*?(?P<our>(?:\p{{Lu}}[\p{{L}}\p{{N}}&/.-]*\s+){{1,3}}?)(?:Telegram\s+|WhatsApp\s+|YouTube\s+|Facebook\s+|Instagram\s+|TikTok\s+)?(?:channel|newsletter|app|podcast|page)\b
        "
    ))
});

/// An outlet naming itself in its own page furniture.
pub fn outlet_self_reference(line: &str) -> Option<String> {
    if !SELF_REFERENCE.is_match(line) {
        return None;
    }
    let c = SELF_REFERENCE.captures(line)?;
    let name = c
        .name("copy")
        .or_else(|| c.name("staff"))
        .or_else(|| c.name("our"))?
        .as_str()
        .trim()
        .trim_end_matches(['.', ',']);
    let lowered = name.to_lowercase();
    let generic = [
        "all rights reserved",
        "all",
        "copyright",
        "the",
        "photo",
        "ap photo",
    ];
    (!name.is_empty() && !generic.contains(&lowered.as_str()) && word_count(name) <= 6)
        .then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_common_forms() {
        assert_eq!(
            find_date("September 03, 2018").as_deref(),
            Some("2018-09-03")
        );
        assert_eq!(find_date("12 March 2026").as_deref(), Some("2026-03-12"));
        assert_eq!(
            find_date("Published 2018-03-28T10:00Z").as_deref(),
            Some("2018-03-28")
        );
        assert_eq!(
            find_date("Nov. 11, 2017 in Da Nang").as_deref(),
            Some("2017-11-11")
        );
        assert_eq!(find_date("on 28.03.2018").as_deref(), Some("2018-03-28"));
        assert_eq!(
            find_date("January 23, 13:01 UTC+3"),
            None,
            "no year, no ISO date"
        );
        assert_eq!(find_date("February 30, 2020"), None);
    }

    #[test]
    fn recognises_date_lines() {
        assert_eq!(
            date_line("September 03, 2018"),
            Some(Some("2018-09-03".to_owned()))
        );
        assert_eq!(date_line("January 23, 13:01 UTC+3"), Some(None));
        assert_eq!(
            date_line("Updated: Mon 4 March 2024 10.30 GMT"),
            Some(Some("2024-03-04".to_owned()))
        );
        assert_eq!(date_line("March 12 was the day the council voted."), None);
    }

    #[test]
    fn reads_datelines() {
        assert_eq!(
            dateline_agency("MOSCOW, January 23. /TASS/. A call is planned.").as_deref(),
            Some("TASS")
        );
        assert_eq!(
            dateline_agency("WASHINGTON (AP) — The Senate voted.").as_deref(),
            Some("AP")
        );
        assert_eq!(
            dateline_agency("CALDER, March 12 /NCR/ - The council voted.").as_deref(),
            Some("NCR")
        );
        // Places and agencies of more than one word.
        assert_eq!(
            dateline_agency("NEW YORK (Coastal Wire) - Markets fell.").as_deref(),
            Some("Coastal Wire")
        );
        assert_eq!(
            dateline_agency("The central bank (ECB) said rates would rise."),
            None
        );
        assert_eq!(
            dateline_date("KELL, May 3, 2024. /KNA/. Text.").as_deref(),
            Some("2024-05-03")
        );
        let p = "MOSCOW, January 23. /TASS/. A call is planned.";
        assert_eq!(&p[dateline_len(p).unwrap_or(0)..], "A call is planned.");
    }

    #[test]
    fn reads_reprint_notices() {
        assert_eq!(
            reprint_source("This article was originally published by Radio Kell/Radio Free Kell and is reprinted with permission.").as_deref(),
            Some("Radio Kell/Radio Free Kell")
        );
        assert_eq!(
            reprint_source("Republished with permission from The Kell Ledger.").as_deref(),
            Some("The Kell Ledger")
        );
        assert_eq!(
            reprint_source("This story first appeared in Kell Weekly.").as_deref(),
            Some("Kell Weekly")
        );
        assert_eq!(
            reprint_source("The report was first published in part last year."),
            None
        );
    }

    #[test]
    fn reads_self_references() {
        assert_eq!(
            outlet_self_reference("© 2026 Kell Gazette. All rights reserved.").as_deref(),
            Some("Kell Gazette")
        );
        assert_eq!(
            outlet_self_reference("Copyright 2019 The Daily Kell").as_deref(),
            Some("The Daily Kell")
        );
        assert_eq!(
            outlet_self_reference("KNA journalists report the news in 12 languages.").as_deref(),
            Some("KNA")
        );
        assert_eq!(
            outlet_self_reference("Join our brand new verified KGZ Telegram channel and get news!")
                .as_deref(),
            Some("KGZ")
        );
        assert_eq!(
            outlet_self_reference("© AP Photo/Sam Doe"),
            None,
            "a photo credit is not the outlet"
        );
    }
}
