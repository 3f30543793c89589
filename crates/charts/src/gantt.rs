//! The Gantt chart of milestones and activities over the plan's quarters: one row per milestone
//! with its activities under it, each activity's planned bar (filled with its status's pattern)
//! and its actual bar beneath, a vertical "today" line, quarter columns, a legend and the
//! status of each activity in words.
//!
//! The chart stands alone: a white background, presentation attributes only (no CSS), a
//! `<title>` and `<desc>` for assistive technology, and a status that reads without colour
//! (dots, diagonal hatching, cross-hatching, solid fill, and a word). With `mirror`, time runs
//! from right to left, as an Arabic reader expects, and the text runs right to left too.

use crate::svg::escape;
use handover_core::plan::ProgressStatus;
use std::fmt::Write;
use time::Date;

/// A quarter of the plan's calendar (Q1 is the first of the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarter {
    /// The quarter's name, e.g. `Q1`.
    pub label: String,
    /// A short second line under the name, e.g. the month it starts in (may be empty).
    pub caption: String,
    /// Its first day.
    pub start: Date,
    /// Its last day.
    pub end: Date,
}

/// An activity's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    /// The number people see (`7`, `24.1`), already in the reader's digits.
    pub number: String,
    pub title: String,
    /// The language of `title` when it differs from the chart's (a fallback), e.g. `en`.
    pub title_lang: Option<String>,
    /// One sentence saying everything the row shows (planned and actual quarters, status), for
    /// the row's tooltip and for assistive technology.
    pub summary: String,
    /// The planned first and last quarters (1 for Q1).
    pub planned_start: u16,
    pub planned_end: u16,
    /// The quarter it really started in, if it has.
    pub actual_start: Option<u16>,
    /// The quarter it really ended in, if it has.
    pub actual_end: Option<u16>,
    pub status: ProgressStatus,
}

/// A milestone's row and the activities under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// E.g. `1. Planning phase`.
    pub label: String,
    /// The language of `label` when it differs from the chart's (a fallback), e.g. `en`.
    pub label_lang: Option<String>,
    pub activities: Vec<Activity>,
}

/// The chart's words, already translated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The chart's title (`<title>`).
    pub title: String,
    /// A sentence describing the chart (`<desc>`).
    pub description: String,
    /// The text beside the today line, e.g. `Today, 23 November 2026`.
    pub today: String,
    /// The legend's heading.
    pub legend: String,
    /// The legend's names of the two bars.
    pub planned: String,
    pub actual: String,
    /// The legend's name of the today line.
    pub today_line: String,
    /// The name of each status, in the order of [`ProgressStatus::ALL`].
    pub statuses: [String; 4],
}

/// Everything the chart shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gantt {
    /// Prefix of the ids inside the SVG (patterns, title), unique on the page.
    pub id: String,
    pub quarters: Vec<Quarter>,
    pub milestones: Vec<Milestone>,
    pub today: Date,
    pub labels: Labels,
    /// Time runs right to left (Arabic pages).
    pub mirror: bool,
}

// The layout, in SVG user units (pixels at 100 %).
const PAD: f64 = 8.0;
const LABEL_W: f64 = 360.0;
const STATUS_W: f64 = 130.0;
const HEADER_H: f64 = 54.0;
const ROW_H: f64 = 24.0;
const LEGEND_LINE: f64 = 22.0;
/// Roughly how wide one character of the 12-unit font is, to keep labels inside their column.
const CHAR_W: f64 = 5.9;

const INK: &str = "#1b1f24";
const MUTED: &str = "#4a5560";
const GRID: &str = "#c9d1d9";
const YEAR_GRID: &str = "#7d8791";
const TODAY: &str = "#a4161a";
const MILESTONE_BG: &str = "#e8edf2";
const STRIPE_BG: &str = "#f7f9fa";

/// The fill of each status: a pattern that differs in shape as well as in colour.
fn pattern_defs(id: &str) -> String {
    let mut s = String::new();
    for status in ProgressStatus::ALL {
        let pid = pattern_id(id, status);
        let body = match status {
            // Sparse dots on white: nothing happened yet.
            ProgressStatus::NotStarted => format!(
                "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"{MUTED}\"/>"
            ),
            // Diagonal hatching on light blue.
            ProgressStatus::Started => "<rect width=\"6\" height=\"6\" fill=\"#d6e6f6\"/>\
                 <path d=\"M0,6 L6,0 M-1.5,1.5 L1.5,-1.5 M4.5,7.5 L7.5,4.5\" stroke=\"#0b5394\" stroke-width=\"1.6\"/>"
                .to_owned(),
            // Cross-hatching on light amber.
            ProgressStatus::Advanced => "<rect width=\"6\" height=\"6\" fill=\"#fbe7c2\"/>\
                 <path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"#8a5300\" stroke-width=\"1.2\"/>"
                .to_owned(),
            // Solid dark green.
            ProgressStatus::Completed => "<rect width=\"6\" height=\"6\" fill=\"#1d6b35\"/>".to_owned(),
        };
        let _ = write!(
            s,
            "<pattern id=\"{pid}\" data-status=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">{body}</pattern>",
            status.as_str()
        );
    }
    s
}

fn pattern_id(id: &str, status: ProgressStatus) -> String {
    format!("{id}-{}", status.as_str().replace('_', "-"))
}

fn status_index(status: ProgressStatus) -> usize {
    ProgressStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0)
}

/// ` lang="…"` for text in another language than the chart's, else nothing.
fn lang_attr(lang: Option<&str>) -> String {
    match lang {
        Some(l) if !l.is_empty() => format!(" lang=\"{}\"", escape(l)),
        _ => String::new(),
    }
}

/// A coordinate to a tenth, without a useless `.0`.
fn n(v: f64) -> String {
    let s = format!("{v:.1}");
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_owned(),
        Some(whole) => whole.to_owned(),
        None => s,
    }
}

/// Cuts `s` to at most `max` characters, ending with an ellipsis when cut.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out = out.trim_end().to_owned();
        out.push('…');
        out
    }
}

/// The geometry of one chart.
struct Layout {
    width: f64,
    mirror: bool,
    /// Where the first quarter starts, logically (as if left to right).
    x0: f64,
    col: f64,
    quarters: usize,
}

impl Layout {
    fn new(quarters: usize, mirror: bool) -> Self {
        let q = quarters.max(1);
        let col = (720.0 / q as f64).clamp(28.0, 64.0);
        let x0 = PAD + LABEL_W;
        Self {
            width: x0 + col * q as f64 + STATUS_W + PAD,
            mirror,
            x0,
            col,
            quarters: q,
        }
    }

    /// The logical end of the time axis.
    fn x1(&self) -> f64 {
        self.x0 + self.col * self.quarters as f64
    }

    /// The drawn x of a logical point.
    fn px(&self, x: f64) -> f64 {
        if self.mirror { self.width - x } else { x }
    }

    /// The drawn x of a logical span starting at `x`, `w` wide.
    fn span(&self, x: f64, w: f64) -> f64 {
        if self.mirror { self.width - x - w } else { x }
    }

    /// The logical x where quarter `q` (1-based) starts.
    fn quarter_x(&self, q: u16) -> f64 {
        let q = usize::from(q.max(1)).min(self.quarters);
        self.x0 + self.col * (q - 1) as f64
    }

    /// The logical start and width of quarters `from..=to`, kept inside the calendar.
    fn quarters_span(&self, from: u16, to: u16) -> (f64, f64) {
        let (a, b) = if from <= to { (from, to) } else { (to, from) };
        let x = self.quarter_x(a);
        let end = self.quarter_x(b) + self.col;
        (x, end - x)
    }
}

/// Where `today` falls on the time axis, as a count of quarters from the start (2.5 is the
/// middle of Q3), or `None` outside the calendar.
fn today_position(quarters: &[Quarter], today: Date) -> Option<f64> {
    quarters.iter().enumerate().find_map(|(i, q)| {
        if q.start <= today && today <= q.end {
            let days = (q.end - q.start).whole_days() as f64 + 1.0;
            let into = (today - q.start).whole_days() as f64;
            Some(i as f64 + into / days)
        } else {
            None
        }
    })
}

/// The quarter (1-based) an unfinished actual bar runs to: the current one, or the last one
/// once the calendar is over, never before it started.
fn ongoing_end(quarters: &[Quarter], today: Date, start: u16) -> u16 {
    let current = match quarters
        .iter()
        .position(|q| q.start <= today && today <= q.end)
    {
        Some(i) => i as u16 + 1,
        None if quarters.last().is_some_and(|q| today > q.end) => quarters.len() as u16,
        None => start,
    };
    current.max(start)
}

/// The Gantt chart as an SVG document (to inline in a page or write to a file).
pub fn render(chart: &Gantt) -> String {
    let l = Layout::new(chart.quarters.len(), chart.mirror);
    let id = escape(&chart.id);
    let rows: usize = chart
        .milestones
        .iter()
        .map(|m| 1 + m.activities.len())
        .sum();
    let rows_top = HEADER_H;
    let rows_bottom = rows_top + ROW_H * rows as f64;
    let legend = legend_items(chart);
    let (legend_svg, legend_h) =
        draw_legend(&l, &chart.labels.legend, &legend, rows_bottom + 14.0, &id);
    let height = rows_bottom + 14.0 + legend_h + PAD;
    let w = l.width;

    let mut s = String::with_capacity(16_384 + rows * 900);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {vw} {vh}\" width=\"{vw}\" height=\"{vh}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif\" \
         font-size=\"12\" direction=\"{dir}\" data-mirror=\"{mirror}\">",
        vw = n(w),
        vh = n(height),
        dir = if chart.mirror { "rtl" } else { "ltr" },
        mirror = chart.mirror,
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&chart.labels.title),
        escape(&chart.labels.description)
    );
    let _ = write!(s, "<defs>{}</defs>", pattern_defs(&id));
    // Printable on its own: a white sheet.
    let _ = write!(
        s,
        "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        n(w),
        n(height)
    );

    // Quarter columns: names, captions and grid lines (a darker line between plan years).
    s.push_str("<g class=\"quarters\">");
    for (i, q) in chart.quarters.iter().enumerate() {
        let x = l.quarter_x(i as u16 + 1);
        let mid = l.px(x + l.col / 2.0);
        let _ = write!(
            s,
            "<text class=\"quarter\" x=\"{}\" y=\"16\" text-anchor=\"middle\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
            n(mid),
            escape(&q.label)
        );
        if !q.caption.is_empty() {
            // A caption wider than its column is squeezed into it.
            let room = l.col - 6.0;
            let squeeze = if q.caption.chars().count() as f64 * 5.6 > room {
                format!(
                    " textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
                    n(room)
                )
            } else {
                String::new()
            };
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"30\" text-anchor=\"middle\" font-size=\"10\" fill=\"{MUTED}\"{squeeze}>{}</text>",
                n(mid),
                escape(&q.caption)
            );
        }
    }
    for i in 0..=l.quarters {
        let x = l.px(l.x0 + l.col * i as f64);
        let colour = if i % 4 == 0 { YEAR_GRID } else { GRID };
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1\"/>",
            n(4.0),
            n(rows_bottom),
            x = n(x)
        );
    }
    s.push_str("</g>");

    // The rows.
    s.push_str("<g class=\"rows\">");
    let mut y = rows_top;
    let mut stripe = false;
    let max_chars = ((LABEL_W - 16.0) / CHAR_W) as usize;
    for m in &chart.milestones {
        let _ = write!(
            s,
            "<g class=\"milestone\"><rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{MILESTONE_BG}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"start\" font-weight=\"700\" fill=\"{INK}\"{}>{}</text>",
            n(y),
            n(w),
            n(ROW_H),
            n(l.px(PAD + 4.0)),
            n(y + 16.0),
            lang_attr(m.label_lang.as_deref()),
            escape(&fit(&m.label, max_chars))
        );
        // The milestone's span: from its first planned quarter to its last.
        let from = m.activities.iter().map(|a| a.planned_start).min();
        let to = m.activities.iter().map(|a| a.planned_end).max();
        if let (Some(from), Some(to)) = (from, to) {
            let (x, bw) = l.quarters_span(from, to);
            let _ = write!(
                s,
                "<rect class=\"span\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"5\" fill=\"{MUTED}\"/>",
                n(l.span(x, bw)),
                n(y + 10.0),
                n(bw)
            );
        }
        s.push_str("</g>");
        y += ROW_H;
        for a in &m.activities {
            draw_activity(&mut s, &l, chart, a, y, stripe, max_chars);
            stripe = !stripe;
            y += ROW_H;
        }
    }
    s.push_str("</g>");

    // Today.
    if let Some(pos) = today_position(&chart.quarters, chart.today) {
        let x = l.x0 + l.col * pos;
        let late = pos / l.quarters as f64 > 0.6;
        let (tx, anchor) = if late {
            (x - 4.0, "end")
        } else {
            (x + 4.0, "start")
        };
        let _ = write!(
            s,
            "<g class=\"today\"><line x1=\"{px}\" y1=\"36\" x2=\"{px}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\
             <text x=\"{}\" y=\"48\" text-anchor=\"{anchor}\" font-weight=\"700\" fill=\"{TODAY}\">{}</text></g>",
            n(rows_bottom + 2.0),
            n(l.px(tx)),
            escape(&chart.labels.today),
            px = n(l.px(x)),
        );
    }

    s.push_str(&legend_svg);
    s.push_str("</svg>");
    s
}

fn draw_activity(
    s: &mut String,
    l: &Layout,
    chart: &Gantt,
    a: &Activity,
    y: f64,
    stripe: bool,
    max_chars: usize,
) {
    let status = a.status.as_str();
    let _ = write!(
        s,
        "<g class=\"activity\" data-activity=\"{}\" data-status=\"{status}\"><title>{}</title>",
        escape(&a.number),
        escape(&a.summary)
    );
    if stripe {
        let _ = write!(
            s,
            "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{STRIPE_BG}\"/>",
            n(y),
            n(l.width),
            n(ROW_H)
        );
    }
    let title = fit(
        &a.title,
        max_chars.saturating_sub(a.number.chars().count() + 4),
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"start\" fill=\"{INK}\"><tspan font-weight=\"700\">{}</tspan> <tspan{}>{}</tspan></text>",
        n(l.px(PAD + 16.0)),
        n(y + 16.0),
        escape(&a.number),
        lang_attr(a.title_lang.as_deref()),
        escape(&title)
    );
    // Planned: the status's pattern inside a dark outline.
    let (x, bw) = l.quarters_span(a.planned_start, a.planned_end);
    let _ = write!(
        s,
        "<rect class=\"planned\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"11\" fill=\"url(#{})\" stroke=\"{INK}\" stroke-width=\"1\"/>",
        n(l.span(x, bw)),
        n(y + 3.0),
        n(bw),
        pattern_id(&escape(&chart.id), a.status)
    );
    // Actual: a solid bar beneath, to the end quarter or, while it runs, to the current one.
    if let Some(start) = a.actual_start {
        let end = a
            .actual_end
            .unwrap_or_else(|| ongoing_end(&chart.quarters, chart.today, start));
        let (x, bw) = l.quarters_span(start, end);
        let _ = write!(
            s,
            "<rect class=\"actual\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"{INK}\"/>",
            n(l.span(x, bw)),
            n(y + 16.0),
            n(bw)
        );
    }
    let _ = write!(
        s,
        "<text class=\"status\" x=\"{}\" y=\"{}\" text-anchor=\"start\" fill=\"{INK}\">{}</text></g>",
        n(l.px(l.x1() + 8.0)),
        n(y + 16.0),
        escape(&chart.labels.statuses[status_index(a.status)])
    );
}

/// What the legend explains.
enum Key<'a> {
    Status(ProgressStatus, &'a str),
    Planned(&'a str),
    Actual(&'a str),
    Today(&'a str),
}

fn legend_items(chart: &Gantt) -> Vec<Key<'_>> {
    let labels = &chart.labels;
    let mut items = vec![
        Key::Planned(labels.planned.as_str()),
        Key::Actual(labels.actual.as_str()),
    ];
    for (i, status) in ProgressStatus::ALL.into_iter().enumerate() {
        items.push(Key::Status(status, labels.statuses[i].as_str()));
    }
    items.push(Key::Today(labels.today_line.as_str()));
    items
}

/// The legend, laid out in lines that fit the chart's width; its drawing and height.
fn draw_legend(l: &Layout, heading: &str, items: &[Key<'_>], top: f64, id: &str) -> (String, f64) {
    const SWATCH: f64 = 24.0;
    let mut s = String::from("<g class=\"legend\">");
    let avail = l.width - 2.0 * PAD;
    let heading_w = heading.chars().count() as f64 * (CHAR_W + 0.5) + 14.0;
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"start\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
        n(l.px(PAD)),
        n(top + 13.0),
        escape(heading)
    );
    let mut x = PAD + heading_w;
    let mut y = top;
    for item in items {
        let text = match item {
            Key::Status(_, t) | Key::Planned(t) | Key::Actual(t) | Key::Today(t) => *t,
        };
        let item_w = SWATCH + 6.0 + text.chars().count() as f64 * CHAR_W + 22.0;
        if x > PAD + heading_w && x + item_w > PAD + avail {
            x = PAD + heading_w;
            y += LEGEND_LINE;
        }
        let sx = l.span(x, SWATCH);
        match item {
            Key::Status(status, _) => {
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"11\" fill=\"url(#{})\" stroke=\"{INK}\" stroke-width=\"1\"/>",
                    n(sx),
                    n(y + 3.0),
                    n(SWATCH),
                    pattern_id(id, *status)
                );
            }
            Key::Planned(_) => {
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"11\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1\"/>",
                    n(sx),
                    n(y + 3.0),
                    n(SWATCH)
                );
            }
            Key::Actual(_) => {
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"{INK}\"/>",
                    n(sx),
                    n(y + 6.0),
                    n(SWATCH)
                );
            }
            Key::Today(_) => {
                let lx = l.px(x + SWATCH / 2.0);
                let _ = write!(
                    s,
                    "<line x1=\"{lx}\" y1=\"{}\" x2=\"{lx}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>",
                    n(y),
                    n(y + 17.0),
                    lx = n(lx)
                );
            }
        }
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"start\" fill=\"{INK}\">{}</text>",
            n(l.px(x + SWATCH + 6.0)),
            n(y + 13.0),
            escape(text)
        );
        x += item_w;
    }
    s.push_str("</g>");
    (s, y - top + LEGEND_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn quarters() -> Vec<Quarter> {
        let starts = [
            date!(2027 - 01 - 01),
            date!(2027 - 04 - 01),
            date!(2027 - 07 - 01),
            date!(2027 - 10 - 01),
            date!(2028 - 01 - 01),
        ];
        starts
            .iter()
            .enumerate()
            .map(|(i, s)| Quarter {
                label: format!("Q{}", i + 1),
                caption: String::new(),
                start: *s,
                end: starts
                    .get(i + 1)
                    .and_then(|n| n.previous_day())
                    .unwrap_or(date!(2028 - 03 - 31)),
            })
            .collect()
    }

    fn activity(number: &str, planned: (u16, u16), status: ProgressStatus) -> Activity {
        Activity {
            number: number.into(),
            title: format!("Activity {number}"),
            title_lang: None,
            summary: format!("Activity {number}, planned"),
            planned_start: planned.0,
            planned_end: planned.1,
            actual_start: None,
            actual_end: None,
            status,
        }
    }

    fn chart(mirror: bool, today: Date) -> Gantt {
        let mut started = activity("2", (2, 4), ProgressStatus::Started);
        started.actual_start = Some(3);
        Gantt {
            id: "g".into(),
            quarters: quarters(),
            milestones: vec![Milestone {
                label: "1. Planning".into(),
                label_lang: Some("fr".into()),
                activities: vec![activity("1", (1, 2), ProgressStatus::NotStarted), started],
            }],
            today,
            labels: Labels {
                title: "Timeline".into(),
                description: "Planned against actual".into(),
                today: "Today".into(),
                legend: "Legend".into(),
                planned: "Planned".into(),
                actual: "Actual".into(),
                today_line: "Today's date".into(),
                statuses: [
                    "Not started".into(),
                    "Started".into(),
                    "Advanced".into(),
                    "Completed".into(),
                ],
            },
            mirror,
        }
    }

    /// The attributes of the first element with `class="{class}"` inside activity `number`'s row.
    fn rect(svg: &str, number: &str, class: &str) -> Option<(f64, f64)> {
        let at = svg.find(&format!("data-activity=\"{number}\""))?;
        let row = &svg[at..];
        let row = &row[..row.find("</g>")?];
        let el = &row[row.find(&format!("class=\"{class}\""))?..];
        let attr = |name: &str| -> Option<f64> {
            let from = el.find(&format!(" {name}=\""))? + name.len() + 3;
            el[from..].split('"').next()?.parse().ok()
        };
        Some((attr("x")?, attr("width")?))
    }

    fn today_x(svg: &str) -> Option<f64> {
        let at = svg.find("class=\"today\"")?;
        let from = svg[at..].find("x1=\"")? + at + 4;
        svg[from..].split('"').next()?.parse().ok()
    }

    #[test]
    fn bars_sit_on_their_quarters() {
        let svg = render(&chart(false, date!(2027 - 08 - 15)));
        let l = Layout::new(5, false);
        // Activity 1 is planned over Q1–Q2.
        assert_eq!(rect(&svg, "1", "planned"), Some((l.x0, 2.0 * l.col)));
        // Activity 2 is planned over Q2–Q4 and started in Q3; it runs until today (Q3).
        assert_eq!(
            rect(&svg, "2", "planned"),
            Some((l.x0 + l.col, 3.0 * l.col))
        );
        assert_eq!(rect(&svg, "2", "actual"), Some((l.x0 + 2.0 * l.col, l.col)));
        assert_eq!(
            rect(&svg, "1", "actual"),
            None,
            "not started: no actual bar"
        );
        // Each status has its own pattern, and says its name.
        assert!(svg.contains("fill=\"url(#g-not-started)\""));
        assert!(svg.contains("fill=\"url(#g-started)\""));
        assert!(svg.contains(">Started</text>"));
        assert_eq!(svg.matches("<pattern ").count(), 4);
        assert!(svg.contains("<title id=\"g-title\">Timeline</title>"));
        assert!(svg.contains("<desc id=\"g-desc\">Planned against actual</desc>"));
        assert!(svg.contains("fill=\"#ffffff\""), "a white sheet");
        assert!(svg.contains(">Legend</text>"));
        assert!(
            svg.contains("lang=\"fr\">1. Planning</text>"),
            "a fallback says its language"
        );
    }

    #[test]
    fn an_actual_bar_ends_at_the_actual_end() {
        let mut c = chart(false, date!(2028 - 02 - 01));
        c.milestones[0].activities[1].actual_end = Some(4);
        c.milestones[0].activities[1].status = ProgressStatus::Completed;
        let svg = render(&c);
        let l = Layout::new(5, false);
        assert_eq!(
            rect(&svg, "2", "actual"),
            Some((l.x0 + 2.0 * l.col, 2.0 * l.col))
        );
        assert!(svg.contains("fill=\"url(#g-completed)\""));
    }

    #[test]
    fn mirroring_runs_time_right_to_left() {
        let ltr = render(&chart(false, date!(2027 - 08 - 15)));
        let rtl = render(&chart(true, date!(2027 - 08 - 15)));
        let l = Layout::new(5, true);
        let (x, w) = rect(&ltr, "1", "planned").unwrap();
        let (mx, mw) = rect(&rtl, "1", "planned").unwrap();
        assert_eq!(w, mw);
        // Q1 starts at the right edge of the time axis.
        assert_eq!(mx + mw, l.width - l.x0);
        assert!((x + mx + w - l.width).abs() < 0.01, "mirror images");
        // The later quarter is further left.
        let (later, _) = rect(&rtl, "2", "actual").unwrap();
        assert!(later < mx);
        assert!(rtl.contains("direction=\"rtl\""));
        assert!(ltr.contains("direction=\"ltr\""));
        let (ltr_today, rtl_today) = (today_x(&ltr).unwrap(), today_x(&rtl).unwrap());
        assert!((ltr_today + rtl_today - l.width).abs() < 0.01);
    }

    #[test]
    fn the_today_line_is_where_today_falls() {
        let l = Layout::new(5, false);
        // 1 April 2027 is the first day of Q2.
        let svg = render(&chart(false, date!(2027 - 04 - 01)));
        assert_eq!(today_x(&svg), Some(l.x0 + l.col));
        assert!(svg.contains(">Today</text>"));
        // Halfway through Q1 (day 46 of 90).
        let svg = render(&chart(false, date!(2027 - 02 - 15)));
        let x = today_x(&svg).unwrap();
        assert!((x - (l.x0 + l.col * 45.0 / 90.0)).abs() < 0.1, "{x}");
        // Outside the calendar, no line.
        let svg = render(&chart(false, date!(2026 - 12 - 31)));
        assert_eq!(today_x(&svg), None);
        assert!(!svg.contains(">Today</text>"));
        // The legend still explains it.
        assert!(svg.contains(">Today&#39;s date</text>"));
    }

    #[test]
    fn text_is_escaped() {
        let mut c = chart(false, date!(2027 - 04 - 01));
        c.milestones[0].label = "<script>alert(1)</script>".into();
        c.milestones[0].activities[0].title = "Fees & \"charges\"".into();
        c.labels.title = "A <b> title".into();
        let svg = render(&c);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Fees &amp; &quot;charges&quot;"));
        assert!(svg.contains("A &lt;b&gt; title"));
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.2");
        assert_eq!(n(-0.01), "0");
        assert_eq!(n(7.96), "8");
    }

    #[test]
    fn long_titles_are_cut() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
