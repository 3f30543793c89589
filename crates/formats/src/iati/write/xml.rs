//! Writing XML: tags with their attributes, text, indentation, escaping, dates and codes.

use super::ActivitiesWriter;
use crate::iati::model::{LangTag, Narrative};
use std::io::{self, Write};
use time::Date;

impl<W: Write> ActivitiesWriter<W> {
    pub(super) fn indent(&mut self, depth: usize) -> io::Result<()> {
        const SPACES: &[u8] = b"                                ";
        self.out.write_all(&SPACES[..(depth * 2).min(SPACES.len())])
    }

    pub(super) fn start_tag(
        &mut self,
        depth: usize,
        name: &str,
        attrs: &[(&str, Option<&str>)],
    ) -> io::Result<()> {
        self.indent(depth)?;
        self.out.write_all(b"<")?;
        self.out.write_all(name.as_bytes())?;
        for (k, v) in attrs {
            if let Some(v) = v {
                self.out.write_all(b" ")?;
                self.out.write_all(k.as_bytes())?;
                self.out.write_all(b"=\"")?;
                attr_text(&mut self.out, v)?;
                self.out.write_all(b"\"")?;
            }
        }
        Ok(())
    }

    pub(super) fn open(
        &mut self,
        depth: usize,
        name: &str,
        attrs: &[(&str, Option<&str>)],
    ) -> io::Result<()> {
        self.start_tag(depth, name, attrs)?;
        self.out.write_all(b">\n")
    }

    pub(super) fn leaf(
        &mut self,
        depth: usize,
        name: &str,
        attrs: &[(&str, Option<&str>)],
    ) -> io::Result<()> {
        self.start_tag(depth, name, attrs)?;
        self.out.write_all(b"/>\n")
    }

    pub(super) fn close(&mut self, depth: usize, name: &str) -> io::Result<()> {
        self.indent(depth)?;
        self.out.write_all(b"</")?;
        self.out.write_all(name.as_bytes())?;
        self.out.write_all(b">\n")
    }

    pub(super) fn text_el(
        &mut self,
        depth: usize,
        name: &str,
        attrs: &[(&str, Option<&str>)],
        text: &str,
    ) -> io::Result<()> {
        self.start_tag(depth, name, attrs)?;
        self.out.write_all(b">")?;
        element_text(&mut self.out, text)?;
        self.out.write_all(b"</")?;
        self.out.write_all(name.as_bytes())?;
        self.out.write_all(b">\n")
    }

    pub(super) fn date_el(&mut self, depth: usize, name: &str, d: Option<Date>) -> io::Result<()> {
        let iso = d.map(date);
        self.leaf(
            depth,
            name,
            &[("iso-date", iso.as_ref().map(|d| d.as_str()))],
        )
    }

    pub(super) fn text_block(
        &mut self,
        depth: usize,
        name: &str,
        attrs: &[(&str, Option<&str>)],
        ns: &[Narrative],
    ) -> io::Result<()> {
        self.open(depth, name, attrs)?;
        self.narratives(depth + 1, ns)?;
        self.close(depth, name)
    }

    pub(super) fn narratives(&mut self, depth: usize, ns: &[Narrative]) -> io::Result<()> {
        for n in ns {
            let lang = n.lang.as_ref().map(LangTag::as_str);
            self.text_el(depth, "narrative", &[("xml:lang", lang)], &n.text)?;
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` without allocating.
pub(super) struct IsoDate([u8; 10]);

impl IsoDate {
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("0000-00-00")
    }
}

pub(super) fn date(d: Date) -> IsoDate {
    let mut b = *b"0000-00-00";
    let y = d.year().clamp(0, 9999) as u32;
    for (i, v) in [
        (0, y / 1000),
        (1, y / 100 % 10),
        (2, y / 10 % 10),
        (3, y % 10),
    ] {
        b[i] = b'0' + v as u8;
    }
    let (m, day) = (u8::from(d.month()), d.day());
    b[5] = b'0' + m / 10;
    b[6] = b'0' + m % 10;
    b[8] = b'0' + day / 10;
    b[9] = b'0' + day % 10;
    IsoDate(b)
}

pub(super) fn bool_code(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

pub(super) fn level_code(l: handover_core::plan::ResultLevel) -> &'static str {
    match l.iati_code() {
        1 => "1",
        2 => "2",
        3 => "3",
        _ => "9",
    }
}

pub(super) fn measure_code(c: u8) -> &'static str {
    ["1", "2", "3", "4", "5"]
        .get(usize::from(c.saturating_sub(1)))
        .copied()
        .unwrap_or("1")
}

/// Writes text with `&`, `<` and `>` escaped.
pub(super) fn element_text(out: &mut impl Write, s: &str) -> io::Result<()> {
    escaped(out, s, |b| match b {
        b'&' => Some(&b"&amp;"[..]),
        b'<' => Some(&b"&lt;"[..]),
        b'>' => Some(&b"&gt;"[..]),
        b'\r' => Some(&b"&#13;"[..]),
        _ => None,
    })
}

/// Writes an attribute value with markup, quotes and line breaks escaped.
pub(super) fn attr_text(out: &mut impl Write, s: &str) -> io::Result<()> {
    escaped(out, s, |b| match b {
        b'&' => Some(&b"&amp;"[..]),
        b'<' => Some(&b"&lt;"[..]),
        b'"' => Some(&b"&quot;"[..]),
        b'\n' => Some(&b"&#10;"[..]),
        b'\r' => Some(&b"&#13;"[..]),
        b'\t' => Some(&b"&#9;"[..]),
        _ => None,
    })
}

fn escaped(
    out: &mut impl Write,
    s: &str,
    esc: impl Fn(u8) -> Option<&'static [u8]>,
) -> io::Result<()> {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t') {
            // Not allowed in XML 1.0: dropped.
            out.write_all(&bytes[from..i])?;
            from = i + 1;
        } else if let Some(e) = esc(b) {
            out.write_all(&bytes[from..i])?;
            out.write_all(e)?;
            from = i + 1;
        }
    }
    out.write_all(&bytes[from..])
}
