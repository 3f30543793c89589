//! Checking elements against [`super::schema`] as they stream by: each open element keeps its
//! place in its sequence; attributes are checked for presence and datatype; every problem is
//! named the way a person fixing the file needs it.

use super::lenient::{self, Reading};
use super::read::Problem;
use super::schema::{Content, K, Spec, Ty, spec};
use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;
use std::borrow::Cow;

/// The most attributes a checked element has in the schema.
const MAX_ATTRS: usize = 8;

/// An open element being checked.
#[derive(Debug)]
pub(crate) struct Frame {
    pub k: K,
    pub name: &'static str,
    spec: &'static Spec,
    /// Index in the sequence of the last child seen.
    last: Option<usize>,
    /// How many times that child was seen in a row.
    count: u32,
    /// Text was already reported for this element.
    pub text_reported: bool,
}

/// A problem not yet placed (line 0) nor tied to its activity: the reader places it at the
/// event being read, or at the start of the element that ends.
pub(crate) fn problem(message: String, original: Option<&str>) -> Problem {
    Problem {
        activity: None,
        line: 0,
        column: 0,
        message,
        original: original.map(str::to_owned),
    }
}

impl Frame {
    /// An element of kind `k` named `name`, before its first child.
    pub fn new(k: K, name: &'static str) -> Self {
        Self {
            k,
            name,
            spec: spec(k),
            last: None,
            count: 0,
            text_reported: false,
        }
    }

    /// The rules of this element.
    pub fn spec(&self) -> &'static Spec {
        self.spec
    }

    /// A child element starts: its kind and name, or `None` when it is not part of this
    /// element (reported unless it is in another namespace) and must be skipped.
    pub fn child(
        &mut self,
        name: &str,
        foreign: impl FnOnce() -> bool,
        out: &mut Vec<Problem>,
    ) -> Option<(K, &'static str)> {
        let s = self.spec();
        if s.content == Content::Open {
            return None;
        }
        let Some(i) = s.kids.iter().position(|kid| kid.name == name) else {
            if !foreign() {
                out.push(problem(
                    format!(
                        "`{name}` is not an element of `{}` in IATI 2.03; it was skipped",
                        self.name
                    ),
                    None,
                ));
            }
            return None;
        };
        let kid = &s.kids[i];
        match self.last {
            Some(l) if l == i => {
                self.count += 1;
                if !kid.many && self.count == 2 {
                    out.push(problem(
                        format!(
                            "`{}` has a second `{}`; the schema allows one",
                            self.name, kid.name
                        ),
                        None,
                    ));
                }
            }
            Some(l) if l > i => out.push(problem(
                format!(
                    "`{}` is out of order in `{}`: the schema puts it before `{}`",
                    kid.name, self.name, s.kids[l].name
                ),
                None,
            )),
            _ => {
                let from = self.last.map_or(0, |l| l + 1);
                for missing in s.kids[from..i].iter().filter(|k| k.min > 0) {
                    out.push(problem(
                        format!(
                            "`{}` lacks `{}`, which the schema requires before `{}`",
                            self.name, missing.name, kid.name
                        ),
                        None,
                    ));
                }
                self.last = Some(i);
                self.count = 1;
            }
        }
        Some((kid.k, kid.name))
    }

    /// The element ends: required children never seen are reported.
    pub fn end(&self, out: &mut Vec<Problem>) {
        let s = self.spec();
        if s.content != Content::Elements {
            return;
        }
        let from = self.last.map_or(0, |l| l + 1);
        for missing in s.kids[from..].iter().filter(|k| k.min > 0) {
            out.push(problem(
                format!(
                    "`{}` lacks `{}`, which the schema requires",
                    self.name, missing.name
                ),
                None,
            ));
        }
    }
}

/// The attributes of one element, by their place in the element's spec.
#[derive(Debug)]
pub(crate) struct Attrs<'a> {
    spec: &'static Spec,
    vals: [Option<Cow<'a, str>>; MAX_ATTRS],
    /// `xml:lang`.
    pub lang: Option<Cow<'a, str>>,
}

impl Attrs<'_> {
    /// An attribute's value (entities resolved), when present.
    pub fn get(&self, name: &str) -> Option<&str> {
        let i = self.spec.attrs.iter().position(|a| a.name == name)?;
        self.vals.get(i)?.as_deref()
    }
}

/// Reads and checks the attributes of an element: foreign ones (`dstore:index`, …) are ignored
/// silently, unknown ones reported, required ones checked, datatypes checked.
pub(crate) fn attrs<'a>(e: &'a BytesStart<'a>, frame: &Frame, out: &mut Vec<Problem>) -> Attrs<'a> {
    let spec = frame.spec();
    let mut a = Attrs {
        spec,
        vals: Default::default(),
        lang: None,
    };
    for attr in e.attributes().with_checks(false) {
        let Ok(attr) = attr else {
            out.push(problem(
                format!("`{}` has a malformed attribute; it was ignored", frame.name),
                None,
            ));
            continue;
        };
        let key = attr.key.as_ref();
        let value = match attr.normalized_value(XmlVersion::Implicit1_0) {
            Ok(v) => v,
            Err(_) => {
                out.push(problem(
                    format!(
                        "an attribute of `{}` uses an unknown entity; its text was kept as written",
                        frame.name
                    ),
                    Some(&attr.value),
                ));
                attr.value.clone()
            }
        };
        if key == "xml:lang" {
            a.lang = Some(value);
        } else if key.contains(':') || key.starts_with("xmlns") {
            // Another namespace: allowed everywhere (`##other`).
        } else if let Some(i) = spec.attrs.iter().position(|s| s.name == key) {
            if let Some(slot) = a.vals.get_mut(i) {
                *slot = Some(value);
            }
        } else if spec.content != Content::Open {
            out.push(problem(
                format!(
                    "`{}` has an attribute `{}` that IATI 2.03 does not allow; it was ignored",
                    frame.name, key
                ),
                Some(&value),
            ));
        }
    }
    for (s, v) in spec.attrs.iter().zip(&a.vals) {
        match v {
            None if s.required => out.push(problem(
                format!(
                    "`{}` has no `{}` attribute, which the schema requires",
                    frame.name, s.name
                ),
                None,
            )),
            Some(v) => check_value(s.ty, v, (frame.name, s.name), out),
            None => {}
        }
    }
    a
}

/// Checks a value (of an element's text, or of an attribute) against a datatype; what is
/// wrong, or how it was read, is reported.
pub(crate) fn check_value(ty: Ty, v: &str, what: impl What, out: &mut Vec<Problem>) {
    let note = match ty {
        Ty::Str => return,
        Ty::Date => reading(lenient::date(v)),
        Ty::DateTime => reading(lenient::date_time(v)),
        Ty::Decimal => reading(lenient::decimal(v)),
        Ty::Bool => reading(lenient::boolean(v)),
        Ty::PosInt => reading(lenient::integer(v, 1)),
        Ty::NonNegInt => reading(lenient::integer(v, 0)),
        Ty::Int => reading(lenient::integer(v, i64::MIN)),
    };
    let message = match note {
        Some(Ok(())) => return,
        Some(Err(n)) => format!("{} `{}`: {n}", what.name(), v.trim()),
        None => format!("{} is empty", what.name()),
    };
    out.push(problem(message, Some(v)));
}

/// `Some(Ok)` when exact, `Some(Err(note))` when read with a note or unreadable, `None` when
/// empty.
fn reading<T>(r: Reading<T>) -> Option<Result<(), &'static str>> {
    match r {
        Reading::Exact(_) => Some(Ok(())),
        Reading::Read(_, n) | Reading::Unreadable(n) => Some(Err(n)),
        Reading::Empty => None,
    }
}

/// What a checked value is, named only when a problem is reported.
pub(crate) trait What {
    fn name(&self) -> String;
}

/// An element's text.
impl What for &str {
    fn name(&self) -> String {
        format!("`{self}`")
    }
}

/// An element's attribute.
impl What for (&str, &str) {
    fn name(&self) -> String {
        format!("`{}` attribute `{}`", self.0, self.1)
    }
}
