//! The JSON report: the `Comparison` itself, pretty-printed (the contract is its field names).
//!
//! Objects and lists of objects are laid out one member per line, as `serde_json`'s pretty
//! printer does; a list of plain values (a document's kept line numbers, the ids an omission is
//! missing from) stays on one line. With many articles those lists are most of the report, and
//! one number or id per line made it several times larger and no easier to read.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use crate::comparison::Comparison;

/// Renders the JSON report, ending with a newline.
#[must_use]
pub fn render(comparison: &Comparison) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    // Serialising plain structs, vectors and strings into memory cannot fail, and JSON is UTF-8;
    // an empty object is only a guard.
    if comparison.serialize(&mut serializer).is_err() {
        return "{}\n".to_owned();
    }
    let mut text = String::from_utf8(out).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// Where the JSON report breaks its lines: see the module's documentation.
#[derive(Debug, Default)]
struct Layout {
    depth: usize,
    /// Whether the innermost open object or list has a member yet.
    has_value: bool,
    /// A list member has begun and nothing of it is written yet: whether it is the first.
    pending: Option<bool>,
    /// For each open list, whether it is laid out one member per line.
    lists: Vec<bool>,
}

impl Layout {
    const INDENT: &'static [u8] = b"  ";

    fn line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        (0..self.depth).try_for_each(|_| writer.write_all(Self::INDENT))
    }

    /// Before any value: a pending list member goes on its own line if it is an object or a
    /// list, and after a comma and a space if it is a plain value.
    fn value<W: ?Sized + Write>(&mut self, writer: &mut W, container: bool) -> io::Result<()> {
        let Some(first) = self.pending.take() else {
            return Ok(());
        };
        if container {
            if let Some(lines) = self.lists.last_mut() {
                *lines = true;
            }
            if !first {
                writer.write_all(b",")?;
            }
            self.line(writer)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }
}

/// A plain value: placed by [`Layout::value`], then written as compact JSON writes it.
macro_rules! plain {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                self.value(writer, false)?;
                CompactFormatter.$method(writer $(, $arg)*)
            }
        )*
    };
}

impl Formatter for Layout {
    plain! {
        write_null();
        write_bool(value: bool);
        write_i8(value: i8);
        write_i16(value: i16);
        write_i32(value: i32);
        write_i64(value: i64);
        write_i128(value: i128);
        write_u8(value: u8);
        write_u16(value: u16);
        write_u32(value: u32);
        write_u64(value: u64);
        write_u128(value: u128);
        write_f32(value: f32);
        write_f64(value: f64);
        write_number_str(value: &str);
        begin_string();
        write_byte_array(value: &[u8]);
        write_raw_fragment(fragment: &str);
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.value(writer, true)?;
        self.depth += 1;
        self.has_value = false;
        self.lists.push(false);
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.lists.pop() == Some(true) && self.has_value {
            self.line(writer)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        _writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pending = Some(first);
        Ok(())
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.value(writer, true)?;
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(writer)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
        value.serialize(&mut serializer).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lists_of_plain_values_stay_on_one_line_and_objects_are_laid_out() {
        let value = serde_json::json!({
            "kept_lines": [1, 3, 4],
            "missing_from": ["d1", "d2"],
            "empty": [],
            "none": {},
            "quotes": [{"id": "q0", "text": "a, [b]"}, {"id": "q1", "quote": null}],
            "nested": [[1, 2], [3]],
        });
        let text = layout(&value);
        assert_eq!(
            text,
            r#"{
  "empty": [],
  "kept_lines": [1, 3, 4],
  "missing_from": ["d1", "d2"],
  "nested": [
    [1, 2],
    [3]
  ],
  "none": {},
  "quotes": [
    {
      "id": "q0",
      "text": "a, [b]"
    },
    {
      "id": "q1",
      "quote": null
    }
  ]
}"#
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_report_holds_the_whole_comparison() {
        let comparison = crate::analysis::compare_texts(&[
            "\"We will rebuild the pier,\" the mayor said on Monday. The ferry stopped in May.",
            "The mayor said: \"We will rebuild the pier.\" Repairs start in June.",
        ]);
        let text = render(&comparison);
        let read: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read, serde_json::to_value(&comparison).unwrap());
        assert!(text.contains(r#""missing_from": ["d1"]"#), "{text}");
    }
}
