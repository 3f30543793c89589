//! Handling each event: elements checked and built, text kept or checked, entities resolved,
//! problems placed at the event or at the element they concern.

use super::{ActivityReader, Step, has_namespace};
use crate::iati::check::{self, Frame, problem};
use crate::iati::pos::Pos;
use crate::iati::read::{FileError, ReadActivity};
use crate::iati::schema::{Content, K};
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::io::BufRead;

impl<R: BufRead> ActivityReader<R> {
    /// Places the problems from `from` on: at the current event, or at the start of the
    /// innermost open element.
    pub(super) fn place(&mut self, from: usize, element: bool) {
        if self.problems.len() <= from {
            return;
        }
        let w = self.xml.get_mut();
        let at = if element {
            w.element_pos()
        } else {
            w.event_pos()
        };
        for p in self.problems[from..].iter_mut().filter(|p| p.line == 0) {
            p.line = at.line;
            p.column = at.column;
        }
    }

    pub(super) fn event_pos(&mut self) -> Pos {
        self.xml.get_mut().event_pos()
    }

    pub(super) fn step(&mut self, ev: Event<'_>) -> Result<Step, FileError> {
        let from = self.problems.len();
        let step = match ev {
            Event::Start(e) => self.start(&e, false),
            Event::Empty(e) => self.start(&e, true),
            Event::End(_) => self.end(),
            Event::Text(t) => {
                // Line ends are normalised only in text that is kept.
                if self.keeps_text() {
                    self.text(&t.xml10_content());
                } else {
                    self.text(&t);
                }
                Ok(Step::Continue)
            }
            Event::CData(t) => {
                self.text(&t.xml10_content());
                Ok(Step::Continue)
            }
            Event::GeneralRef(r) => {
                self.reference(&r);
                Ok(Step::Continue)
            }
            Event::DocType(_) => {
                let at = self.event_pos();
                Err(FileError::Doctype {
                    line: at.line,
                    column: at.column,
                })
            }
            Event::Decl(d) => match d.encoding() {
                Some(Ok(enc))
                    if !["utf-8", "utf8", "us-ascii", "ascii"]
                        .iter()
                        .any(|u| enc.eq_ignore_ascii_case(u)) =>
                {
                    let at = self.event_pos();
                    Err(FileError::Encoding {
                        declared: enc.into_owned(),
                        line: at.line,
                        column: at.column,
                    })
                }
                _ => Ok(Step::Continue),
            },
            Event::PI(_) | Event::Comment(_) => Ok(Step::Continue),
            Event::Eof => match self.frames.last() {
                Some(f) if self.frames.len() > 1 => {
                    let message = format!("the file ends inside `<{}>`", f.name);
                    let at = self.event_pos();
                    Err(FileError::Malformed {
                        line: at.line,
                        column: at.column,
                        message,
                    })
                }
                _ => Ok(Step::Eof),
            },
        };
        self.place(from, false);
        step
    }

    /// The innermost element keeps its text (it is not skipped and holds text).
    fn keeps_text(&self) -> bool {
        self.skip == 0
            && self
                .frames
                .last()
                .is_some_and(|f| matches!(f.spec().content, Content::Text(_)))
    }

    fn reference(&mut self, r: &BytesRef<'_>) {
        match r.resolve_char_ref() {
            Ok(Some(c)) => self.text(c.encode_utf8(&mut [0; 4])),
            Ok(None) => match resolve_xml_entity(r) {
                Some(s) => self.text(s),
                None => {
                    let raw = format!("&{};", &**r);
                    self.problems.push(problem(
                        format!("`{raw}` is not a predefined entity and DTDs are refused: it was kept as written"),
                        Some(&raw),
                    ));
                    self.text(&raw);
                }
            },
            Err(_) => {
                let raw = format!("&{};", &**r);
                self.problems.push(problem(
                    format!("`{raw}` is not a valid character reference: it was kept as written"),
                    Some(&raw),
                ));
                self.text(&raw);
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<Step, FileError> {
        if self.skip > 0 {
            self.skip += u32::from(!empty);
            return Ok(Step::Continue);
        }
        let name = e.name();
        let name = name.as_ref();
        if self.frames.len() == 1 && name != "iati-activities" {
            let at = self.event_pos();
            return Err(FileError::NotActivities {
                root: name.to_owned(),
                line: at.line,
                column: at.column,
            });
        }
        let foreign = || name.contains(':') || has_namespace(e);
        let Some(parent) = self.frames.last_mut() else {
            return Ok(Step::Continue);
        };
        let Some((k, kname)) = parent.child(name, foreign, &mut self.problems) else {
            self.skip = u32::from(!empty);
            return Ok(Step::Continue);
        };
        if k == K::Activity {
            self.place(0, false);
            self.file_problems.append(&mut self.problems);
        }
        let frame = Frame::new(k, kname);
        let attrs = check::attrs(e, &frame, &mut self.problems);
        if k == K::Activities {
            self.header.version = attrs.get("version").map(str::to_owned);
            self.header.generated_datetime = attrs.get("generated-datetime").map(str::to_owned);
        }
        self.builder
            .start(&frame, &self.frames, &attrs, &mut self.problems);
        if matches!(frame.spec().content, Content::Text(_)) {
            self.text.clear();
        }
        self.frames.push(frame);
        self.xml.get_mut().open();
        if empty {
            self.end()
        } else {
            Ok(Step::Continue)
        }
    }

    fn end(&mut self) -> Result<Step, FileError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(Step::Continue);
        }
        if self.frames.len() <= 1 {
            return Ok(Step::Continue);
        }
        let Some(frame) = self.frames.pop() else {
            return Ok(Step::Continue);
        };
        let from = self.problems.len();
        frame.end(&mut self.problems);
        if let Content::Text(ty) = frame.spec().content {
            check::check_value(ty, &self.text, frame.name, &mut self.problems);
        }
        self.builder
            .end(&frame, &self.frames, &self.text, &mut self.problems);
        self.place(from, true);
        let activity_at = (frame.k == K::Activity).then(|| self.xml.get_mut().element_pos());
        self.xml.get_mut().close();
        let Some(activity_at) = activity_at else {
            return Ok(Step::Continue);
        };
        let activity = self.builder.take();
        let mut problems = std::mem::take(&mut self.problems);
        let id = (!activity.identifier.is_empty()).then(|| activity.identifier.clone());
        if id.is_none() {
            let mut p = problem(
                "the activity has no `iati-identifier`: it cannot be identified and is skipped"
                    .into(),
                None,
            );
            p.line = activity_at.line;
            p.column = activity_at.column;
            problems.push(p);
        }
        for p in &mut problems {
            p.activity.clone_from(&id);
        }
        Ok(Step::Activity(Box::new(ReadActivity {
            activity,
            problems,
            line: activity_at.line,
        })))
    }

    fn text(&mut self, s: &str) {
        if self.skip > 0 {
            return;
        }
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        match top.spec().content {
            Content::Text(_) => self.text.push_str(s),
            Content::Open => {}
            Content::Elements => {
                if !top.text_reported && !s.bytes().all(|b| b.is_ascii_whitespace()) {
                    let t = s.trim();
                    if t.is_empty() {
                        return;
                    }
                    top.text_reported = true;
                    let shown: String = t.chars().take(80).collect();
                    self.problems.push(problem(
                        format!(
                            "`{}` holds text `{shown}`, but the schema allows only elements in it; the text was ignored",
                            top.name
                        ),
                        Some(t),
                    ));
                }
            }
        }
    }
}
