//! Bytes of a file → UTF-8 text, naming the encoding that was used.
//!
//! Order of evidence, strongest first: a byte-order mark (UTF-32 before UTF-16, whose mark
//! starts UTF-32LE's); a known binary signature (PNG, PDF, ZIP, ...) when the rest of the file
//! is not text either; the zero-byte pattern of BOM-less UTF-32 and UTF-16; valid UTF-8 (or
//! ISO-2022-JP, which is 7-bit and so also valid UTF-8, told apart by `chardetng`); a charset
//! declared by an HTML page, unless its bytes contradict it; UTF-8 with a few broken sequences
//! (decoded with U+FFFD, and said so); and last `chardetng`, the detector Firefox uses for
//! unlabelled legacy pages (Windows-1252, KOI8-R, Shift_JIS, ...). `encoding_rs` decodes
//! everything but UTF-32, which the web never adopted and which is decoded here.
//!
//! Offsets everywhere in Parallax are byte offsets into the decoded text. A UTF-8 file's
//! byte-order mark is therefore kept as the first character (U+FEFF, three bytes), so offsets
//! equal offsets into the file itself; the cleaner treats it as white space. For the same
//! reason the text is tidied only in ways that keep its length: every kind of line break (a
//! lone CR of classic Mac files, NEL, U+2028, U+2029) becomes `\n` padded with spaces, and
//! control characters become spaces.

use encoding_rs::{Encoding, ISO_2022_JP, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8`, `windows-1252` (or `UTF-32LE`, `UTF-32BE`).
    pub encoding: &'static str,
    /// Things the user should know about how the bytes were read.
    pub notes: Vec<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    Blank,
    #[error("this is a binary file ({0}), not an article")]
    Binary(&'static str),
}

/// Known signatures of binary formats a user might pick by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows program"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document",
    ),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// How much of the file the binary and UTF-16 sniffers look at.
const SNIFF_LEN: usize = 64 * 1024;

/// The UTF-32 encodings, which `encoding_rs` does not have.
pub const UTF_32LE: &str = "UTF-32LE";
pub const UTF_32BE: &str = "UTF-32BE";

/// Decodes `bytes`; `declared` is a charset label the container declared (an HTML `<meta
/// charset>`), followed unless the bytes contradict it.
///
/// # Errors
/// Empty or blank input, and input that is binary rather than text.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(big_endian) = utf32_bom(bytes) {
        let text = utf32(&bytes[4..], big_endian);
        return finish(text, utf32_name(big_endian), Vec::new());
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = if encoding == UTF_8 {
            // Keep the BOM so offsets stay file offsets (see the module docs).
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            text.into_owned()
        };
        return finish(text, encoding.name(), Vec::new());
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if let Some(big_endian) = bomless_utf32(bytes) {
        let name = utf32_name(big_endian);
        let note = format!("read as {name} (no byte-order mark)");
        return finish(utf32(bytes, big_endian), name, vec![note]);
    }
    if let Some((encoding, text)) = bomless_utf16(bytes) {
        let note = format!("read as {} (no byte-order mark)", encoding.name());
        return finish(text, encoding.name(), vec![note]);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary("binary data"));
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let mut notes = Vec::new();
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.is_ascii() && text.contains('\x1b') && detect(bytes, true) == ISO_2022_JP {
            let (text, _) = ISO_2022_JP.decode_without_bom_handling(bytes);
            let note = match declared {
                Some(declared) if declared == ISO_2022_JP => Vec::new(),
                _ => vec!["read as ISO-2022-JP (detected)".to_owned()],
            };
            return finish(text.into_owned(), ISO_2022_JP.name(), note);
        }
        if let Some(declared) = declared
            && declared != UTF_8
            && !text.is_ascii()
        {
            notes.push(format!(
                "the page declares {}, but its bytes are UTF-8; read as UTF-8",
                declared.name()
            ));
        }
        return finish(text.to_owned(), UTF_8.name(), notes);
    }
    if let Some(declared) = declared {
        // A page cannot declare UTF-16 in its markup (its bytes would not be ASCII-readable
        // then), and browsers read such a page as UTF-8; any other declaration holds unless its
        // decoder finds malformed bytes.
        let possible = declared != UTF_16LE && declared != UTF_16BE && declared != UTF_8;
        if possible
            && let Some(text) = declared.decode_without_bom_handling_and_without_replacement(bytes)
        {
            let note = format!("read as {}, the charset the page declares", declared.name());
            return finish(text.into_owned(), declared.name(), vec![note]);
        }
        notes.push(format!(
            "the page declares {}, but its bytes are not {}",
            declared.name(),
            declared.name()
        ));
    }
    let (valid_multibyte, invalid) = utf8_evidence(bytes);
    if valid_multibyte > 0 && invalid * 20 <= valid_multibyte.max(1) {
        notes.push(format!(
            "not valid UTF-8: {invalid} broken byte sequence{} replaced with \u{FFFD}",
            if invalid == 1 { "" } else { "s" }
        ));
        return finish(
            String::from_utf8_lossy(bytes).into_owned(),
            UTF_8.name(),
            notes,
        );
    }
    let encoding = detect(bytes, false);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    notes.push(format!("not UTF-8; read as {} (detected)", encoding.name()));
    finish(text.into_owned(), encoding.name(), notes)
}

/// `chardetng`'s guess for unlabelled bytes; ISO-2022-JP only when asked (it is 7-bit, so
/// only worth asking of ASCII bytes with escapes).
fn detect(bytes: &[u8], iso_2022_jp: bool) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(if iso_2022_jp {
        chardetng::Iso2022JpDetection::Allow
    } else {
        chardetng::Iso2022JpDetection::Deny
    });
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The encoding named `label` as a saved comparison records it (a WHATWG name or a UTF-32
/// one); UTF-8 for a name this build does not know.
#[must_use]
pub fn encoding_named(label: &str) -> &'static str {
    match label {
        UTF_32LE => UTF_32LE,
        UTF_32BE => UTF_32BE,
        _ => Encoding::for_label(label.as_bytes()).map_or(UTF_8.name(), Encoding::name),
    }
}

/// Common tail: line breaks of every kind become `\n`, control characters spaces (both
/// keeping the length, so offsets hold); blank text is refused.
fn finish(
    mut text: String,
    encoding: &'static str,
    mut notes: Vec<String>,
) -> Result<Decoded, DecodeError> {
    unify_line_breaks(&mut text);
    notes.extend(blank_controls(&mut text));
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        encoding,
        notes,
    })
}

/// Turns a lone CR (classic Mac OS), NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH
/// SEPARATOR (U+2029) into `\n` (two for a paragraph separator), padded with spaces to the
/// same length in bytes. CRLF stays as it is: the cleaner reads it.
pub fn unify_line_breaks(text: &mut String) {
    let odd = |c: char| matches!(c, '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !text.contains(odd) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push('\r'),
            '\r' => out.push('\n'),
            '\u{85}' => out.push_str("\n "),
            '\u{2028}' => out.push_str("\n  "),
            '\u{2029}' => out.push_str("\n\n "),
            c => out.push(c),
        }
    }
    *text = out;
}

/// Replaces control characters (NUL and the rest of C0 but tab, line feed, carriage return and
/// form feed; DEL) with spaces, which keeps the length. Returns the note to give the user when
/// it replaced any.
pub fn blank_controls(text: &mut String) -> Option<String> {
    let control = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f';
    if !text.contains(control) {
        return None;
    }
    let nuls = text.matches('\0').count();
    let others = text.matches(control).count() - nuls;
    *text = text.replace(control, " ");
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    Some(match (nuls, others) {
        (n, 0) => format!("{n} NUL byte{} replaced with spaces", plural(n)),
        (0, n) => format!("{n} control character{} replaced with spaces", plural(n)),
        (n, m) => format!(
            "{n} NUL byte{} and {m} control character{} replaced with spaces",
            plural(n),
            plural(m)
        ),
    })
}

/// A binary format's name, when the file starts with its signature and the rest is not text
/// either: a plain article may happen to begin with "MZ", "BZh" or "ID3".
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    let kind = signature(bytes)?;
    let textual = std::str::from_utf8(&bytes[..bytes.len().min(SNIFF_LEN)])
        .or_else(|error| {
            // A sample cut inside a character is still text.
            let end = error.valid_up_to();
            if error.error_len().is_none() {
                std::str::from_utf8(&bytes[..end])
            } else {
                Err(error)
            }
        })
        .is_ok();
    (!textual || looks_binary(bytes)).then_some(kind)
}

fn signature(bytes: &[u8]) -> Option<&'static str> {
    // RIFF containers (WebP, WAV, AVI) carry their kind at offset 8.
    if bytes.starts_with(b"RIFF") && bytes.len() >= 12 {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV audio file",
            b"AVI " => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4 or HEIC media file");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

fn utf32_name(big_endian: bool) -> &'static str {
    if big_endian { UTF_32BE } else { UTF_32LE }
}

/// The byte order a UTF-32 byte-order mark gives.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xff\xfe\x00\x00") {
        Some(false)
    } else if bytes.starts_with(b"\x00\x00\xfe\xff") {
        Some(true)
    } else {
        None
    }
}

/// Decodes UTF-32; a unit that is no character, and a trailing part-unit, become U+FFFD.
fn utf32(bytes: &[u8], big_endian: bool) -> String {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut units = bytes.chunks_exact(4);
    for unit in &mut units {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let value = if big_endian {
            u32::from_be_bytes(unit)
        } else {
            u32::from_le_bytes(unit)
        };
        text.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
    }
    if !units.remainder().is_empty() {
        text.push('\u{FFFD}');
    }
    text
}

/// UTF-32 without a BOM: every unit is a character (its top byte zero, the next at most 0x10),
/// and most units have two zero bytes.
fn bomless_utf32(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) / 4 * 4];
    if sample.len() < 8 || !bytes.len().is_multiple_of(4) {
        return None;
    }
    let fits = |big_endian: bool| {
        sample.chunks_exact(4).all(|u| {
            let (top, plane) = if big_endian {
                (u[0], u[1])
            } else {
                (u[3], u[2])
            };
            top == 0 && plane <= 0x10
        })
    };
    let text = |big_endian: bool| plausible_text(&utf32(sample, big_endian));
    [false, true]
        .into_iter()
        .find(|&big_endian| fits(big_endian) && text(big_endian))
}

/// UTF-16 without a BOM. Its mark is zero bytes: every character of the Basic Latin block
/// (spaces, digits, punctuation, line breaks) has one as its high byte, in any script, while
/// text in UTF-8 or a legacy encoding has none. The high bytes are the side of the pairs with
/// the fewer distinct values (a script lives in a few blocks of 256); the sample must then
/// decode to well-formed, plausible text.
fn bomless_utf16(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    if sample.len() < 4 || zeros == 0 {
        return None;
    }
    // UTF-8 with a stray NUL or two is damaged UTF-8, not UTF-16.
    if zeros * 20 < sample.len() && std::str::from_utf8(sample).is_ok() {
        return None;
    }
    let distinct = |from: usize| {
        let mut seen = [false; 256];
        for &b in sample.iter().skip(from).step_by(2) {
            seen[usize::from(b)] = true;
        }
        seen.iter().filter(|&&s| s).count()
    };
    let zeros_at = |from: usize| {
        sample
            .iter()
            .skip(from)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (distinct(0), distinct(1));
    let big_endian = even < odd || (even == odd && zeros_at(0) > zeros_at(1));
    let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
    let plausible = match encoding.decode_without_bom_handling_and_without_replacement(sample) {
        Some(text) => plausible_text(&text),
        // The sample may end inside a surrogate pair: one replacement there is allowed.
        None => {
            sample.len() < bytes.len() && {
                let (text, _) = encoding.decode_without_bom_handling(sample);
                text.matches('\u{FFFD}').count() <= 1 && plausible_text(&text)
            }
        }
    };
    if !plausible {
        return None;
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some((encoding, text.into_owned()))
}

/// Whether decoded characters read as text: almost no control, private-use or replacement
/// characters, and mostly letters among what is not white space.
fn plausible_text(text: &str) -> bool {
    let mut letters = 0usize;
    let mut visible = 0usize;
    let mut odd = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        visible += 1;
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) || c == '\u{FFFD}' {
            odd += 1;
        }
    }
    visible > 0 && odd * 100 <= visible.max(100) && letters * 2 >= visible
}

/// Text has almost no control characters; binary data has many, and usually zero bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b | 0))
        .count();
    // A handful of stray bytes in a short text is damage, not binary data.
    let odd = zeros + controls;
    odd >= 4 && (zeros * 100 > sample.len() || odd * 20 > sample.len())
}

/// Counts well-formed multi-byte UTF-8 sequences and bytes that break the encoding.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let mut valid_multibyte = 0;
    let mut invalid = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(err) => {
                let (good, bad) = rest.split_at(err.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| c.len_utf8() > 1).count());
                invalid += 1;
                let skip = err.error_len().unwrap_or(bad.len());
                rest = &bad[skip..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    (valid_multibyte, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_read_as_is() {
        let decoded = decode("Mayor’s plan".as_bytes(), None).unwrap();
        assert_eq!(decoded.text, "Mayor’s plan");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.notes.is_empty());
    }

    #[test]
    fn utf8_bom_is_kept_so_offsets_match_the_file() {
        let decoded = decode(b"\xef\xbb\xbfHello", None).unwrap();
        assert_eq!(decoded.text, "\u{feff}Hello");
        assert_eq!(decoded.text.find('H'), Some(3));
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Calder “vote”".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Calder “vote”".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, None).unwrap().text, "Calder “vote”");
        assert_eq!(decode(&be, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "The council met on Tuesday."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(&le, None).unwrap();
        assert_eq!(decoded.text, "The council met on Tuesday.");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn windows_1252_is_detected() {
        // “Caf\xe9” with curly quotes in Windows-1252.
        let bytes = b"\x93The caf\xe9 owners were not consulted,\x94 she said. \x93We learned it from the radio.\x94";
        let decoded = decode(bytes, None).unwrap();
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.starts_with("“The café owners"));
        assert!(decoded.notes[0].contains("windows-1252"));
    }

    #[test]
    fn cyrillic_legacy_encoding_is_detected() {
        let (bytes, _, _) = encoding_rs::KOI8_R
            .encode("Пресс-секретарь сообщил журналистам, что встреча пока не планируется.");
        let decoded = decode(&bytes, None).unwrap();
        assert!(
            decoded.text.starts_with("Пресс-секретарь"),
            "{}",
            decoded.text
        );
    }

    #[test]
    fn declared_charset_wins_for_invalid_utf8() {
        let decoded = decode(b"Gr\xfc\xdfe aus K\xf6ln", Some("iso-8859-1")).unwrap();
        assert_eq!(decoded.text, "Grüße aus Köln");
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_is_repaired_and_noted() {
        let mut bytes = "“Quote one,” “quote two,” “quote three” — and more ‘text’. "
            .repeat(3)
            .into_bytes();
        bytes.push(0xff);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.ends_with('\u{FFFD}'));
        assert!(
            decoded.notes[0].contains("1 broken byte sequence"),
            "{:?}",
            decoded.notes
        );
    }

    #[test]
    fn empty_blank_and_binary_are_refused() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n", None), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(DecodeError::Binary("a PNG image"))
        );
        assert_eq!(
            decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 9 >>\nstream\n\x78\x9c\x03\x00\x00\x00\x00\x01\nendstream\n", None),
            Err(DecodeError::Binary("a PDF document"))
        );
        let mut program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
        program.extend([0u8; 64]);
        assert_eq!(
            decode(&program, None),
            Err(DecodeError::Binary("a Windows program"))
        );
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
        assert!(matches!(decode(&noise, None), Err(DecodeError::Binary(_))));
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_bom_in_any_script() {
        let russian = "Пресс-секретарь сообщил журналистам, что встреча пока не планируется.\n\nОн добавил, что подробности будут позже.\n";
        // Ideographic spaces and 一 put zero bytes on the other side too.
        let japanese = "\u{3000}東京都は一日、新しい計画を発表した。\n\u{3000}知事は「一歩前進だ」と述べた。\n";
        for text in [russian, japanese] {
            for big_endian in [false, true] {
                let decoded = decode(&utf16(text, big_endian), None).unwrap();
                assert_eq!(decoded.text, text, "big-endian {big_endian}");
                let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
                assert_eq!(decoded.encoding, name);
                assert!(decoded.notes[0].contains("no byte-order mark"));
            }
        }
    }

    #[test]
    fn utf32_with_and_without_bom() {
        let text = "Мэр «Калдера» said: “yes” 🙂\n";
        for big_endian in [false, true] {
            let units: Vec<u8> = text
                .chars()
                .flat_map(|c| {
                    if big_endian {
                        u32::from(c).to_be_bytes()
                    } else {
                        u32::from(c).to_le_bytes()
                    }
                })
                .collect();
            let bom: &[u8] = if big_endian {
                b"\x00\x00\xfe\xff"
            } else {
                b"\xff\xfe\x00\x00"
            };
            let with_bom = decode(&[bom, &units].concat(), None).unwrap();
            assert_eq!(with_bom.text, text);
            assert!(with_bom.notes.is_empty(), "{:?}", with_bom.notes);
            let without = decode(&units, None).unwrap();
            assert_eq!(without.text, text);
            assert_eq!(
                without.encoding,
                if big_endian { UTF_32BE } else { UTF_32LE }
            );
            assert_eq!(encoding_named(without.encoding), without.encoding);
        }
    }

    #[test]
    fn every_kind_of_line_break_is_a_line_break_of_the_same_length() {
        for (input, expected) in [
            ("One.\rTwo.\r\rThree.\r\n", "One.\nTwo.\n\nThree.\r\n"),
            ("One.\u{85}Two.", "One.\n Two."),
            ("One.\u{2028}Two.\u{2029}Three.", "One.\n  Two.\n\n Three."),
        ] {
            let decoded = decode(input.as_bytes(), None).unwrap();
            assert_eq!(decoded.text, expected);
            assert_eq!(decoded.text.len(), input.len());
            assert!(decoded.notes.is_empty());
        }
    }

    #[test]
    fn a_charset_the_bytes_contradict_is_overruled_with_a_note() {
        // A Windows-1252 page that declares UTF-16.
        let page = b"<p>The caf\xe9 \x93closed\x94 on Monday, its owner said.</p>";
        let decoded = decode(page, Some("utf-16")).unwrap();
        assert!(decoded.text.contains("café “closed”"), "{}", decoded.text);
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(
            decoded.notes[0].contains("declares UTF-16LE, but its bytes are not"),
            "{:?}",
            decoded.notes
        );
        // UTF-8 bytes under a Windows-1252 declaration.
        let decoded = decode("Grüße aus Köln".as_bytes(), Some("windows-1252")).unwrap();
        assert_eq!(decoded.text, "Grüße aus Köln");
        assert!(decoded.notes[0].contains("its bytes are UTF-8"));
        // Shift_JIS declared, but the bytes break it.
        let decoded = decode(b"Caf\xe9 \x93open\x94 again \x81", Some("shift_jis")).unwrap();
        assert!(
            decoded.notes[0].contains("declares Shift_JIS, but"),
            "{:?}",
            decoded.notes
        );
        // A declaration the bytes bear out is followed.
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("東京都は新しい計画を発表した。");
        let decoded = decode(&bytes, Some("shift_jis")).unwrap();
        assert_eq!(decoded.text, "東京都は新しい計画を発表した。");
        assert_eq!(decoded.encoding, "Shift_JIS");
    }

    #[test]
    fn iso_2022_jp_is_read_not_taken_for_utf8() {
        let text = "東京都は新しい計画を発表した。知事は記者団に説明した。";
        let (bytes, _, _) = ISO_2022_JP.encode(text);
        assert!(std::str::from_utf8(&bytes).is_ok(), "7-bit, so valid UTF-8");
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, "ISO-2022-JP");
        assert!(decoded.notes[0].contains("ISO-2022-JP"));
        assert!(
            decode(&bytes, Some("iso-2022-jp"))
                .unwrap()
                .notes
                .is_empty()
        );
    }

    #[test]
    fn other_legacy_encodings_are_detected() {
        for (encoding, text) in [
            (
                encoding_rs::SHIFT_JIS,
                "東京都は新しい計画を発表した。知事は記者団に対して、来年の春までに実施すると説明した。",
            ),
            (
                encoding_rs::EUC_KR,
                "서울시는 새로운 계획을 발표했다. 시장은 기자들에게 내년 봄까지 시행하겠다고 말했다.",
            ),
            (
                encoding_rs::GBK,
                "北京市政府今天公布了新的交通计划，市长对记者说，明年春天以前开始实施。",
            ),
            (
                encoding_rs::WINDOWS_1251,
                "Пресс-секретарь сообщил журналистам, что встреча пока не планируется.",
            ),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            let decoded = decode(&bytes, None).unwrap();
            assert_eq!(decoded.text, text, "{}", encoding.name());
        }
    }

    #[test]
    fn text_that_starts_like_a_binary_format_is_text() {
        for text in [
            "MZ Holdings said on Monday it would close its Calder plant.\n",
            "BZh, the ferry operator, raised its fares again.\n",
            "ID3 tags were the subject of the council's question.\n",
        ] {
            assert_eq!(decode(text.as_bytes(), None).unwrap().text, text);
        }
    }

    #[test]
    fn control_characters_become_spaces_with_a_note() {
        let decoded = decode(b"The vote\x1b[31m was close.\x07 Seven to four.", None).unwrap();
        assert_eq!(decoded.text, "The vote [31m was close.  Seven to four.");
        assert_eq!(decoded.notes, ["2 control characters replaced with spaces"]);
    }

    #[test]
    fn a_stray_nul_byte_becomes_a_space() {
        let decoded = decode(b"The vote was close.\0 Seven to four.", None).unwrap();
        assert_eq!(decoded.text, "The vote was close.  Seven to four.");
        assert!(decoded.notes[0].contains("NUL"));
    }
}
