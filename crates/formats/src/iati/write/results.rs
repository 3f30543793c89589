//! Writing results: results, indicators, baselines, periods, targets and actuals, and the
//! document links of any of them.

use super::ActivitiesWriter;
use super::xml::{bool_code, date, level_code, measure_code};
use crate::iati::model::{DocumentLink, IatiBaseline, IatiIndicator, IatiResult, IatiTarget};
use handover_core::indicator::Value;
use std::io::{self, Write};

impl<W: Write> ActivitiesWriter<W> {
    pub(super) fn result(&mut self, r: &IatiResult) -> io::Result<()> {
        let agg = r.aggregation_status.map(bool_code);
        self.open(
            2,
            "result",
            &[
                ("type", r.level.map(level_code)),
                ("aggregation-status", agg),
            ],
        )?;
        self.text_block(3, "title", &[], &r.title)?;
        if !r.description.is_empty() {
            self.text_block(3, "description", &[], &r.description)?;
        }
        for d in &r.document_links {
            self.document_link(3, d)?;
        }
        for x in &r.references {
            self.leaf(
                3,
                "reference",
                &[
                    ("code", Some(&x.code)),
                    ("vocabulary", Some(&x.vocabulary)),
                    ("vocabulary-uri", x.uri.as_deref()),
                ],
            )?;
        }
        for i in &r.indicators {
            self.indicator(i)?;
        }
        self.close(2, "result")
    }

    fn indicator(&mut self, i: &IatiIndicator) -> io::Result<()> {
        let m = i.measure.map(|m| measure_code(m.iati_code()));
        self.open(
            3,
            "indicator",
            &[
                ("measure", m),
                ("ascending", i.ascending.map(bool_code)),
                ("aggregation-status", i.aggregation_status.map(bool_code)),
            ],
        )?;
        self.text_block(4, "title", &[], &i.title)?;
        if !i.description.is_empty() {
            self.text_block(4, "description", &[], &i.description)?;
        }
        for d in &i.document_links {
            self.document_link(4, d)?;
        }
        for x in &i.references {
            self.leaf(
                4,
                "reference",
                &[
                    ("vocabulary", Some(&x.vocabulary)),
                    ("code", Some(&x.code)),
                    ("indicator-uri", x.uri.as_deref()),
                ],
            )?;
        }
        for b in &i.baselines {
            self.baseline(b)?;
        }
        for p in &i.periods {
            self.open(4, "period", &[])?;
            self.date_el(5, "period-start", p.start)?;
            self.date_el(5, "period-end", p.end)?;
            for t in &p.targets {
                self.target(5, "target", t)?;
            }
            for t in &p.actuals {
                self.target(5, "actual", t)?;
            }
            self.close(4, "period")?;
        }
        self.close(3, "indicator")
    }

    fn baseline(&mut self, b: &IatiBaseline) -> io::Result<()> {
        let year = b.year.or(b.date.map(|d| d.year())).map(|y| y.to_string());
        let iso = b.date.map(date);
        let value = b.value.as_ref().map(Value::as_text);
        let attrs = [
            ("year", year.as_deref()),
            ("iso-date", iso.as_ref().map(|d| d.as_str())),
            ("value", value.as_deref()),
        ];
        if b.locations.is_empty()
            && b.dimensions.is_empty()
            && b.document_links.is_empty()
            && b.comment.is_empty()
        {
            return self.leaf(4, "baseline", &attrs);
        }
        self.open(4, "baseline", &attrs)?;
        self.locations_dimensions(5, &b.locations, &b.dimensions)?;
        for d in &b.document_links {
            self.document_link(5, d)?;
        }
        if !b.comment.is_empty() {
            self.text_block(5, "comment", &[], &b.comment)?;
        }
        self.close(4, "baseline")
    }

    fn target(&mut self, depth: usize, name: &str, t: &IatiTarget) -> io::Result<()> {
        let value = t.value.as_ref().map(Value::as_text);
        let attrs = [("value", value.as_deref())];
        if t.locations.is_empty()
            && t.dimensions.is_empty()
            && t.document_links.is_empty()
            && t.comment.is_empty()
        {
            return self.leaf(depth, name, &attrs);
        }
        self.open(depth, name, &attrs)?;
        self.locations_dimensions(depth + 1, &t.locations, &t.dimensions)?;
        if !t.comment.is_empty() {
            self.text_block(depth + 1, "comment", &[], &t.comment)?;
        }
        for d in &t.document_links {
            self.document_link(depth + 1, d)?;
        }
        self.close(depth, name)
    }

    fn locations_dimensions(
        &mut self,
        depth: usize,
        locs: &[String],
        dims: &[(String, String)],
    ) -> io::Result<()> {
        for l in locs {
            self.leaf(depth, "location", &[("ref", Some(l))])?;
        }
        for (k, v) in dims {
            self.leaf(depth, "dimension", &[("name", Some(k)), ("value", Some(v))])?;
        }
        Ok(())
    }

    pub(super) fn document_link(&mut self, depth: usize, d: &DocumentLink) -> io::Result<()> {
        self.open(
            depth,
            "document-link",
            &[("url", Some(&d.url)), ("format", d.format.as_deref())],
        )?;
        self.text_block(depth + 1, "title", &[], &d.title)?;
        for c in &d.categories {
            self.leaf(depth + 1, "category", &[("code", Some(c))])?;
        }
        if d.date.is_some() {
            let iso = d.date.map(date);
            self.leaf(
                depth + 1,
                "document-date",
                &[("iso-date", iso.as_ref().map(|d| d.as_str()))],
            )?;
        }
        self.close(depth, "document-link")
    }
}
