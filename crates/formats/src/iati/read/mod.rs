//! The streaming reader: one `<iati-activity>` at a time from any `BufRead`, one reused event
//! buffer, memory flat with the file size. The events are handled in [`events`].

mod events;

use super::build::Builder;
use super::check::Frame;
use super::pos::{Pos, Window};
use super::schema::K;
use quick_xml::Reader;
use quick_xml::events::BytesStart;
use std::fmt;

pub use super::report::{FileError, FileHeader, Problem, ReadActivity};
use std::io::BufRead;

/// Reads `<iati-activity>` elements one at a time.
pub struct ActivityReader<R: BufRead> {
    xml: Reader<Window<R>>,
    buf: Vec<u8>,
    frames: Vec<Frame>,
    /// Depth inside an element being skipped.
    skip: u32,
    text: String,
    builder: Builder,
    problems: Vec<Problem>,
    file_problems: Vec<Problem>,
    header: FileHeader,
    done: bool,
}

impl<R: BufRead> fmt::Debug for ActivityReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActivityReader")
            .field("bytes_read", &self.bytes_read())
            .field("depth", &self.frames.len())
            .finish_non_exhaustive()
    }
}

/// What one event led to.
enum Step {
    Continue,
    Activity(Box<ReadActivity>),
    Eof,
}

impl<R: BufRead> ActivityReader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Self {
        let mut xml = Reader::from_reader(Window::new(input));
        let c = xml.config_mut();
        c.trim_text(false);
        c.check_end_names = true;
        c.expand_empty_elements = false;
        Self {
            xml,
            buf: Vec::with_capacity(4096),
            frames: vec![Frame::new(K::Document, "document")],
            skip: 0,
            text: String::new(),
            builder: Builder::default(),
            problems: Vec::new(),
            file_problems: Vec::new(),
            header: FileHeader::default(),
            done: false,
        }
    }

    /// The attributes of the root element, once read.
    pub fn header(&self) -> &FileHeader {
        &self.header
    }

    /// Problems outside any activity (the root element, the file's end).
    pub fn file_problems(&self) -> &[Problem] {
        &self.file_problems
    }

    /// Bytes consumed so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.xml.buffer_position()
    }
}

/// A reader error as a file error, placed where the failing markup starts.
fn fail(e: quick_xml::Error, at: Pos) -> FileError {
    match e {
        quick_xml::Error::Io(io) => FileError::Io(std::io::Error::new(io.kind(), io.to_string())),
        other => FileError::Malformed {
            line: at.line,
            column: at.column,
            message: other.to_string(),
        },
    }
}

/// An element that declares a default namespace of its own belongs to another vocabulary.
fn has_namespace(e: &BytesStart<'_>) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| a.key.as_ref() == "xmlns" && !a.value.is_empty())
}

impl<R: BufRead> Iterator for ActivityReader<R> {
    type Item = Result<ReadActivity, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.xml.get_mut().begin_event();
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            let step = match self.xml.read_event_into(&mut buf) {
                Ok(ev) => self.step(ev),
                Err(e) => {
                    let at = self.event_pos();
                    Err(fail(e, at))
                }
            };
            self.buf = buf;
            match step {
                Ok(Step::Continue) => {}
                Ok(Step::Activity(a)) => return Some(Ok(*a)),
                Ok(Step::Eof) => {
                    self.done = true;
                    self.place(0, false);
                    self.file_problems.append(&mut self.problems);
                }
                Err(e) => {
                    self.done = true;
                    self.place(0, false);
                    self.file_problems.append(&mut self.problems);
                    return Some(Err(e));
                }
            }
        }
        None
    }
}
