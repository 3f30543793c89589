//! The streaming writer: `<iati-activities>` 2.03, one activity at a time, every element in
//! the order of the schema's sequences. An activity that lacks something the schema requires
//! is refused whole (nothing of it is written). The XML itself is written by [`xml`].

mod results;
mod xml;

use super::model::{ExportActivity, LangTag};
use super::write_check::missing;
use std::io::{self, BufWriter, Write};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use xml::{attr_text, date};

/// Why writing failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("writing the IATI file failed: {0}")]
    Io(#[from] io::Error),
    #[error("activity `{activity}` cannot be written: {what}")]
    Incomplete { activity: String, what: String },
    #[error("an IATI activity file needs at least one activity")]
    Empty,
}

/// Writes an `iati-activities` file activity by activity.
pub struct ActivitiesWriter<W: Write> {
    out: BufWriter<W>,
    written: usize,
}

impl<W: Write> std::fmt::Debug for ActivitiesWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActivitiesWriter")
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl<W: Write> ActivitiesWriter<W> {
    /// Starts the file: the XML declaration and `<iati-activities version="2.03">`.
    pub fn begin(out: W, generated: OffsetDateTime) -> Result<Self, WriteError> {
        let mut w = Self {
            out: BufWriter::with_capacity(1 << 16, out),
            written: 0,
        };
        let stamp = generated
            .replace_nanosecond(0)
            .ok()
            .and_then(|g| g.format(&Rfc3339).ok())
            .unwrap_or_default();
        w.out
            .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        w.out
            .write_all(b"<iati-activities version=\"2.03\" generated-datetime=\"")?;
        attr_text(&mut w.out, &stamp)?;
        w.out.write_all(b"\">\n")?;
        Ok(w)
    }

    /// Writes one activity, or refuses it whole when it lacks what the schema requires.
    pub fn activity(&mut self, a: &ExportActivity) -> Result<(), WriteError> {
        if let Some(what) = missing(a) {
            return Err(WriteError::Incomplete {
                activity: a.identifier.clone(),
                what,
            });
        }
        self.write_activity(a)?;
        self.written += 1;
        Ok(())
    }

    /// Ends the file and hands the output back, flushed.
    pub fn finish(mut self) -> Result<W, WriteError> {
        if self.written == 0 {
            return Err(WriteError::Empty);
        }
        self.out.write_all(b"</iati-activities>\n")?;
        self.out
            .into_inner()
            .map_err(|e| WriteError::Io(e.into_error()))
    }

    fn write_activity(&mut self, a: &ExportActivity) -> io::Result<()> {
        self.open(
            1,
            "iati-activity",
            &[
                ("last-updated-datetime", a.last_updated.as_deref()),
                ("xml:lang", a.lang.as_ref().map(LangTag::as_str)),
                ("default-currency", a.default_currency.as_deref()),
            ],
        )?;
        self.text_el(2, "iati-identifier", &[], &a.identifier)?;
        if let Some(o) = &a.reporting_org {
            self.open(
                2,
                "reporting-org",
                &[
                    ("ref", o.iati_ref.as_deref()),
                    ("type", o.org_type.as_deref()),
                ],
            )?;
            self.narratives(3, &o.name)?;
            self.close(2, "reporting-org")?;
        }
        self.text_block(2, "title", &[], &a.title)?;
        for (t, n) in &a.descriptions {
            self.text_block(2, "description", &[("type", t.as_deref())], n)?;
        }
        for p in &a.participating_orgs {
            let attrs = [
                ("ref", p.iati_ref.as_deref()),
                ("type", p.org_type.as_deref()),
                ("role", p.role.map(|r| r.code())),
                ("activity-id", p.activity_id.as_deref()),
            ];
            if p.name.is_empty() {
                self.leaf(2, "participating-org", &attrs)?;
            } else {
                self.text_block(2, "participating-org", &attrs, &p.name)?;
            }
        }
        self.leaf(2, "activity-status", &[("code", a.status.as_deref())])?;
        for d in &a.dates {
            let iso = d.date.map(date);
            self.leaf(
                2,
                "activity-date",
                &[
                    ("type", d.kind.map(|k| k.code())),
                    ("iso-date", iso.as_ref().map(|d| d.as_str())),
                ],
            )?;
        }
        for s in &a.sectors {
            let pct = s.percentage.map(|p| p.to_string());
            self.leaf(
                2,
                "sector",
                &[
                    ("vocabulary", s.vocabulary.as_deref()),
                    ("code", Some(&s.code)),
                    ("percentage", pct.as_deref()),
                ],
            )?;
        }
        for b in &a.budgets {
            let kind = b.kind.map(|k| match k {
                super::model::BudgetKind::Original => "1",
                super::model::BudgetKind::Revised => "2",
            });
            let status = b.status.map(|s| match s {
                super::model::BudgetStatus::Indicative => "1",
                super::model::BudgetStatus::Committed => "2",
            });
            self.open(2, "budget", &[("type", kind), ("status", status)])?;
            self.date_el(3, "period-start", b.start)?;
            self.date_el(3, "period-end", b.end)?;
            let vd = b.value_date.map(date);
            let v = b.value.map(|v| v.to_string()).unwrap_or_default();
            self.text_el(
                3,
                "value",
                &[
                    ("currency", b.currency.as_deref()),
                    ("value-date", vd.as_ref().map(|d| d.as_str())),
                ],
                &v,
            )?;
            self.close(2, "budget")?;
        }
        for d in &a.document_links {
            self.document_link(2, d)?;
        }
        for r in &a.results {
            self.result(r)?;
        }
        self.close(1, "iati-activity")
    }
}
