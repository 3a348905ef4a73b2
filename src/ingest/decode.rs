//! Bytes of a file → UTF-8 text, naming the encoding that was used.
//!
//! Order of evidence, strongest first: a byte-order mark; a known binary signature (PNG, PDF,
//! ZIP, ...), which is refused; the zero-byte pattern of BOM-less UTF-16; a charset declared by
//! an HTML page; valid UTF-8; UTF-8 with a few broken sequences (decoded with U+FFFD, and said
//! so); and last `chardetng`, the detector Firefox uses for unlabelled legacy pages
//! (Windows-1252, KOI8-R, Shift_JIS, ...).
//!
//! Offsets everywhere in Parallax are byte offsets into the decoded text. A UTF-8 file's
//! byte-order mark is therefore kept as the first character (U+FEFF, three bytes), so offsets
//! equal offsets into the file itself; the cleaner treats it as white space.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8`, `windows-1252`.
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

/// Decodes `bytes`; `declared` is a charset label the container declared (an HTML `<meta
/// charset>`), used when the bytes are not valid UTF-8.
///
/// # Errors
/// Empty or blank input, and input that is binary rather than text.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let text = if encoding == UTF_8 {
            // Keep the BOM so offsets stay file offsets (see the module docs).
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            text.into_owned()
        };
        return finish(text, encoding, Vec::new());
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let note = format!("read as {} (no byte-order mark)", encoding.name());
        return finish(text.into_owned(), encoding, vec![note]);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary("binary data"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), UTF_8, Vec::new());
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        && encoding != UTF_8
    {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let note = format!("read as {}, the charset the page declares", encoding.name());
        return finish(text.into_owned(), encoding, vec![note]);
    }
    let (valid_multibyte, invalid) = utf8_evidence(bytes);
    if valid_multibyte > 0 && invalid * 20 <= valid_multibyte.max(1) {
        let note = format!(
            "not valid UTF-8: {invalid} broken byte sequence{} replaced with \u{FFFD}",
            if invalid == 1 { "" } else { "s" }
        );
        return finish(
            String::from_utf8_lossy(bytes).into_owned(),
            UTF_8,
            vec![note],
        );
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let note = format!("not UTF-8; read as {} (detected)", encoding.name());
    finish(text.into_owned(), encoding, vec![note])
}

/// Common tail: stray NUL bytes become spaces (same length, so offsets hold), blank text is
/// refused.
fn finish(
    mut text: String,
    encoding: &'static Encoding,
    mut notes: Vec<String>,
) -> Result<Decoded, DecodeError> {
    if text.contains('\0') {
        let count = text.matches('\0').count();
        text = text.replace('\0', " ");
        notes.push(format!(
            "{count} NUL byte{} replaced with spaces",
            if count == 1 { "" } else { "s" }
        ));
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        notes,
    })
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
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

/// UTF-16 without a BOM shows as text whose every other byte is zero.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Mostly ASCII-range text: one side of each pair is zero, the other almost never.
    if zero_odd * 10 >= pairs * 6 && zero_even * 20 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 6 && zero_odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
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
            decode(b"%PDF-1.7\n", None),
            Err(DecodeError::Binary("a PDF document"))
        );
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
        assert!(matches!(decode(&noise, None), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn a_stray_nul_byte_becomes_a_space() {
        let decoded = decode(b"The vote was close.\0 Seven to four.", None).unwrap();
        assert_eq!(decoded.text, "The vote was close.  Seven to four.");
        assert!(decoded.notes[0].contains("NUL"));
    }
}
