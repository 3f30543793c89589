//! Line and column, found only when a problem needs them: the reader reads through a window
//! of its own; events and open elements are marked by byte offset, and newlines are counted
//! over the window's bytes in bulk when the window moves on (or up to a mark when a problem
//! asks for it), so reading costs one fast pass for the counting and nothing per event.

use std::io::{self, BufRead, Read};

/// The window's size.
const WINDOW: usize = 1 << 18;

/// A place in the file: line and column (in characters), both from 1.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Pos {
    pub line: u64,
    pub column: u64,
}

/// A byte offset, and its place once found.
#[derive(Clone, Copy, Debug)]
struct Mark {
    offset: u64,
    pos: Option<Pos>,
}

/// A `BufRead` over `R` with its own window, which finds the line and column of marks.
#[derive(Debug)]
pub(crate) struct Window<R> {
    inner: R,
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    base: u64,
    pos: usize,
    filled: usize,
    /// File offset up to which lines are counted, and the place there.
    counted: u64,
    here: Pos,
    /// The start of each open element (outermost first) and of the current event.
    marks: Vec<Mark>,
    event: Mark,
}

impl<R: BufRead> Window<R> {
    /// A window over `inner`, at line 1, column 1.
    pub fn new(inner: R) -> Self {
        let start = Pos { line: 1, column: 1 };
        Self {
            inner,
            buf: vec![0; WINDOW],
            base: 0,
            pos: 0,
            filled: 0,
            counted: 0,
            here: start,
            marks: vec![Mark {
                offset: 0,
                pos: Some(start),
            }],
            event: Mark {
                offset: 0,
                pos: Some(start),
            },
        }
    }

    /// The next event starts here.
    pub fn begin_event(&mut self) {
        self.event = Mark {
            offset: self.base + self.pos as u64,
            pos: None,
        };
    }

    /// The current event opens an element.
    pub fn open(&mut self) {
        self.marks.push(self.event);
    }

    /// The innermost open element closes.
    pub fn close(&mut self) {
        if self.marks.len() > 1 {
            self.marks.pop();
        }
    }

    /// Where the current event starts.
    pub fn event_pos(&mut self) -> Pos {
        if let Some(p) = self.event.pos {
            return p;
        }
        self.resolve_marks(self.marks.len());
        let p = self.advance_to(self.event.offset);
        self.event.pos = Some(p);
        p
    }

    /// Where the innermost open element starts.
    pub fn element_pos(&mut self) -> Pos {
        let n = self.marks.len();
        self.resolve_marks(n);
        self.marks[n - 1].pos.unwrap_or_default()
    }

    /// Finds the place of the first `n` marks (those not found yet are the last ones).
    fn resolve_marks(&mut self, n: usize) {
        for i in 0..n {
            if self.marks[i].pos.is_none() {
                let p = self.advance_to(self.marks[i].offset);
                self.marks[i].pos = Some(p);
            }
        }
    }

    /// Counts lines up to `offset` (at or after the counted part, inside the window).
    fn advance_to(&mut self, offset: u64) -> Pos {
        if offset > self.counted {
            let from = (self.counted - self.base) as usize;
            let to = ((offset - self.base) as usize).min(self.filled);
            let bytes = &self.buf[from.min(to)..to];
            match bytes.iter().rposition(|&b| b == b'\n') {
                Some(last) => {
                    self.here.line += newlines(&bytes[..=last]);
                    self.here.column = 1 + chars(&bytes[last + 1..]);
                }
                None => self.here.column += chars(bytes),
            }
            self.counted = offset;
        }
        self.here
    }

    /// Moves the window on: every mark in it is placed first, then the rest is counted.
    fn refill(&mut self) -> io::Result<()> {
        self.resolve_marks(self.marks.len());
        if self.event.pos.is_none() && self.event.offset >= self.counted {
            let p = self.advance_to(self.event.offset);
            self.event.pos = Some(p);
        }
        self.advance_to(self.base + self.filled as u64);
        self.base += self.filled as u64;
        self.pos = 0;
        self.filled = 0;
        // A `BufReader` reads straight into the window when it is larger than its own buffer.
        let n = loop {
            match self.inner.read(&mut self.buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                r => break r?,
            }
        };
        self.filled = n;
        Ok(())
    }
}

/// Newlines in some bytes.
fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Characters in UTF-8 bytes: every byte that does not continue a character.
fn chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as u64
}

impl<R: BufRead> Read for Window<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Window<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.refill()?;
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.filled);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_marks_lazily_across_windows() {
        let text = "ab\nçd\né".repeat(WINDOW / 4);
        let mut w = Window::new(text.as_bytes());
        w.fill_buf().unwrap();
        w.consume(3);
        w.begin_event();
        w.open();
        w.consume(3);
        w.begin_event();
        assert_eq!(w.event_pos(), Pos { line: 2, column: 3 });
        // Past the end of the first window: the open element is still placed.
        let mut read = 6;
        while read < text.len() - 2 {
            let n = w.fill_buf().unwrap().len().min(text.len() - 2 - read);
            w.consume(n);
            read += n;
        }
        w.begin_event();
        assert_eq!(w.element_pos(), Pos { line: 2, column: 1 });
        let lines = text[..read].matches('\n').count() as u64;
        assert_eq!(w.event_pos().line, lines + 1);
    }
}
