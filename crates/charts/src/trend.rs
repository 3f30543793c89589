//! Target against actual over the periods of an indicator: a small line chart with both series,
//! their markers and dash patterns telling them apart without colour, a legend in words, axes
//! with the values formatted by the caller (in the page's digits), and a time axis that runs
//! right to left when `mirror` is set (Arabic pages). Missing values break the line.

use crate::svg::escape;
use std::fmt::Write;

/// The chart's width and height in SVG units (it scales to its box).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
/// Room for the legend above the plot, the period labels below it and the value labels beside.
const TOP: f64 = 52.0;
const BOTTOM: f64 = 44.0;
const AXIS_SIDE: f64 = 72.0;
const FAR_SIDE: f64 = 20.0;

/// The targets' colour and the actuals' (both meet 3:1 against white, and differ by dash and
/// marker as well).
const TARGET_INK: &str = "#6a4c00";
const ACTUAL_INK: &str = "#0b5394";
const GRID_INK: &str = "#c9d1d9";
const TEXT_INK: &str = "#1b1f24";

/// What a trend chart shows. Every text is already in the page's language; it is escaped here.
#[derive(Clone, Copy, Debug)]
pub struct Trend<'a> {
    /// A prefix for the ids of the chart's title and description, unique on its page.
    pub id: &'a str,
    /// The chart's title (read by screen readers and shown as a tooltip).
    pub title: &'a str,
    /// A sentence saying what the chart shows (screen readers).
    pub desc: &'a str,
    /// The periods' labels, in time order (`Q1`, `Q2`…).
    pub periods: &'a [String],
    /// One target per period (`None` where there is none).
    pub targets: &'a [Option<f64>],
    /// One actual per period (`None` where there is none).
    pub actuals: &'a [Option<f64>],
    /// The legend's word for the targets.
    pub target_label: &'a str,
    /// The legend's word for the actuals.
    pub actual_label: &'a str,
    /// Time runs from right to left (the whole chart is mirrored; text is not).
    pub mirror: bool,
}

/// The chart as an SVG element (no XML prolog: it goes inside a page or a document).
/// `number` formats an axis value in the reader's language.
pub fn trend(chart: &Trend<'_>, number: &dyn Fn(f64) -> String) -> String {
    let n = chart.periods.len().max(1);
    let plot_left = AXIS_SIDE;
    let plot_right = WIDTH - FAR_SIDE;
    let plot_top = TOP;
    let plot_bottom = HEIGHT - BOTTOM;
    let step = (plot_right - plot_left) / n as f64;
    // Horizontal positions are computed left to right and mirrored at the end when asked.
    let x = |left_to_right: f64| {
        if chart.mirror {
            WIDTH - left_to_right
        } else {
            left_to_right
        }
    };
    let x_of = |i: usize| x(plot_left + (i as f64 + 0.5) * step);

    let values = chart
        .targets
        .iter()
        .chain(chart.actuals.iter())
        .flatten()
        .copied()
        .filter(|v| v.is_finite());
    let (lo, hi, tick) = scale(values);
    let y_of = |v: f64| plot_bottom - (v - lo) / (hi - lo) * (plot_bottom - plot_top);

    let mut s = String::with_capacity(4096);
    let id = escape(chart.id);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" direction=\"{}\" font-family=\"inherit\" \
         font-size=\"13\" fill=\"{TEXT_INK}\">",
        if chart.mirror { "rtl" } else { "ltr" }
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(chart.desc)
    );

    // Grid lines and the value axis, with the values in the reader's digits. Anchors are
    // logical (start/end follow `direction`), so mirroring the positions mirrors the text too.
    s.push_str("<g class=\"grid\">");
    let steps = ((hi - lo) / tick).round_ties_even() as i64;
    for k in 0..=steps {
        let v = lo + k as f64 * tick;
        let y = y_of(v);
        let _ = write!(
            s,
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{GRID_INK}\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            x(plot_left),
            x(plot_right),
            x(plot_left - 8.0),
            y + 4.0,
            escape(&number(v))
        );
    }
    s.push_str("</g>");
    // The axes.
    let _ = write!(
        s,
        "<g class=\"axes\" stroke=\"{TEXT_INK}\" stroke-width=\"1.5\">\
         <line x1=\"{:.1}\" y1=\"{plot_top:.1}\" x2=\"{:.1}\" y2=\"{plot_bottom:.1}\"/>\
         <line x1=\"{:.1}\" y1=\"{plot_bottom:.1}\" x2=\"{:.1}\" y2=\"{plot_bottom:.1}\"/></g>",
        x(plot_left),
        x(plot_left),
        x(plot_left),
        x(plot_right)
    );
    // The periods along the time axis.
    s.push_str("<g class=\"periods\" text-anchor=\"middle\">");
    for (i, label) in chart.periods.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x_of(i),
            plot_bottom + 20.0,
            escape(label)
        );
    }
    s.push_str("</g>");

    // The series: targets dashed with open squares, actuals solid with filled circles.
    series(
        &mut s,
        "targets",
        chart.targets,
        &x_of,
        &y_of,
        TARGET_INK,
        Some("7 5"),
        Marker::Square,
    );
    series(
        &mut s,
        "actuals",
        chart.actuals,
        &x_of,
        &y_of,
        ACTUAL_INK,
        None,
        Marker::Circle,
    );

    // The legend, in words, at the top on the side where time starts.
    let _ = write!(s, "<g class=\"legend\">");
    let mut at = plot_left;
    for (label, ink, dash, marker) in [
        (chart.target_label, TARGET_INK, Some("7 5"), Marker::Square),
        (chart.actual_label, ACTUAL_INK, None, Marker::Circle),
    ] {
        let y = 20.0;
        let _ = write!(
            s,
            "<line x1=\"{:.1}\" y1=\"{y}\" x2=\"{:.1}\" y2=\"{y}\" stroke=\"{ink}\" stroke-width=\"2.5\"{}/>",
            x(at),
            x(at + 36.0),
            dash.map(|d| format!(" stroke-dasharray=\"{d}\""))
                .unwrap_or_default()
        );
        marker.draw(&mut s, x(at + 18.0), y, ink);
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"start\">{}</text>",
            x(at + 44.0),
            y + 4.5,
            escape(label)
        );
        // Room for the label: a generous estimate of its width.
        at += 44.0 + 7.5 * label.chars().count() as f64 + 28.0;
    }
    s.push_str("</g></svg>");
    s
}

#[derive(Clone, Copy)]
enum Marker {
    Square,
    Circle,
}

impl Marker {
    fn draw(self, s: &mut String, x: f64, y: f64, ink: &str) {
        let _ = match self {
            Marker::Square => write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"{ink}\" stroke-width=\"2\"/>",
                x - 4.5,
                y - 4.5
            ),
            Marker::Circle => write!(
                s,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{ink}\" stroke=\"{ink}\"/>"
            ),
        };
    }
}

/// One series: a line through consecutive values (broken where one is missing) and a marker on
/// each value.
#[expect(
    clippy::too_many_arguments,
    reason = "a series names its values, its scales and how it is drawn"
)]
fn series(
    s: &mut String,
    class: &str,
    values: &[Option<f64>],
    x_of: &dyn Fn(usize) -> f64,
    y_of: &dyn Fn(f64) -> f64,
    ink: &str,
    dash: Option<&str>,
    marker: Marker,
) {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, v) in values.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let _ = write!(
                    d,
                    "{}{:.1} {:.1} ",
                    if pen_down { "L" } else { "M" },
                    x_of(i),
                    y_of(v)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let _ = write!(s, "<g class=\"{class}\">");
    if !d.is_empty() {
        let _ = write!(
            s,
            "<path d=\"{}\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"2.5\"{}/>",
            d.trim_end(),
            dash.map(|d| format!(" stroke-dasharray=\"{d}\""))
                .unwrap_or_default()
        );
    }
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            marker.draw(s, x_of(i), y_of(v), ink);
        }
    }
    s.push_str("</g>");
}

/// The value axis: from zero (or the lowest value below it) to a round number above the
/// highest, with a round step between grid lines.
fn scale(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    let raw = (hi - lo) / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let tick = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|t| *t >= raw)
        .unwrap_or(10.0 * magnitude);
    let lo = (lo / tick).floor() * tick;
    let hi = (hi / tick).ceil() * tick;
    (lo, hi, tick)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("Q{i}")).collect()
    }

    fn chart<'a>(
        periods: &'a [String],
        targets: &'a [Option<f64>],
        actuals: &'a [Option<f64>],
        mirror: bool,
    ) -> Trend<'a> {
        Trend {
            id: "ind-1",
            title: "Meetings: target & actual",
            desc: "Targets and actuals per quarter",
            periods,
            targets,
            actuals,
            target_label: "Target",
            actual_label: "Actual",
            mirror,
        }
    }

    fn plain(v: f64) -> String {
        format!("{v}")
    }

    /// The x positions of the period labels, in the order of the periods.
    fn period_xs(svg: &str) -> Vec<f64> {
        let group = svg
            .split("<g class=\"periods\"")
            .nth(1)
            .and_then(|g| g.split("</g>").next())
            .expect("the periods' group");
        group
            .split("<text x=\"")
            .skip(1)
            .map(|t| t.split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn draws_a_whole_accessible_svg() {
        let p = labels(4);
        let svg = trend(
            &chart(
                &p,
                &[Some(2.0), Some(4.0), Some(6.0), Some(8.0)],
                &[Some(1.0), Some(5.0), None, None],
                false,
            ),
            &plain,
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"ind-1-title ind-1-desc\""));
        assert!(svg.contains("<title id=\"ind-1-title\">Meetings: target &amp; actual</title>"));
        assert!(svg.contains("<desc id=\"ind-1-desc\">"));
        // Balanced elements: every opened group and text is closed.
        assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
        assert_eq!(
            svg.matches("<text ").count(),
            svg.matches("</text>").count()
        );
        // A legend in words, and the two series told apart by dashes and markers.
        assert!(svg.contains(">Target</text>") && svg.contains(">Actual</text>"));
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("<rect ") && svg.contains("<circle "));
        // 4 target markers + 1 in the legend; 2 actual markers + 1 in the legend.
        assert_eq!(svg.matches("<rect ").count(), 5);
        assert_eq!(svg.matches("<circle ").count(), 3);
        // Every period is labelled; the value axis reaches past the highest value.
        for q in ["Q1", "Q2", "Q3", "Q4"] {
            assert!(svg.contains(&format!(">{q}</text>")));
        }
        assert!(svg.contains(">8</text>") && svg.contains(">0</text>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn escapes_every_text() {
        let p = vec!["<Q1>".to_owned(), "Q\"2\"".to_owned()];
        let mut c = chart(&p, &[Some(1.0), None], &[None, Some(2.0)], false);
        c.id = "a\"b";
        c.desc = "x < y & z";
        c.target_label = "<script>alert(1)</script>";
        let svg = trend(&c, &plain);
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<Q1>"));
        assert!(svg.contains("&lt;Q1&gt;"));
        assert!(svg.contains("Q&quot;2&quot;"));
        assert!(svg.contains("x &lt; y &amp; z"));
        assert!(svg.contains("a&quot;b-title"));
    }

    #[test]
    fn mirroring_runs_time_right_to_left() {
        let p = labels(3);
        let t = [Some(1.0), Some(2.0), Some(3.0)];
        let a = [Some(1.0), None, Some(2.5)];
        let ltr = trend(&chart(&p, &t, &a, false), &plain);
        let rtl = trend(&chart(&p, &t, &a, true), &plain);
        let l = period_xs(&ltr);
        let r = period_xs(&rtl);
        assert_eq!(l.len(), 3);
        assert!(l[0] < l[1] && l[1] < l[2], "left to right: {l:?}");
        assert!(r[0] > r[1] && r[1] > r[2], "right to left: {r:?}");
        for (a, b) in l.iter().zip(&r) {
            assert!((a + b - WIDTH).abs() < 0.11, "mirror images: {a} and {b}");
        }
        assert!(rtl.contains("direction=\"rtl\"") && ltr.contains("direction=\"ltr\""));
    }

    #[test]
    fn gaps_break_the_line_and_nothing_is_drawn_without_values() {
        let p = labels(4);
        let svg = trend(
            &chart(
                &p,
                &[None; 4],
                &[Some(3.0), None, Some(4.0), Some(5.0)],
                false,
            ),
            &plain,
        );
        let actuals = svg.split("<g class=\"actuals\">").nth(1).unwrap();
        let d = actuals
            .split("d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(
            d.matches('M').count(),
            2,
            "a new segment after the gap: {d}"
        );
        let targets = svg.split("<g class=\"targets\">").nth(1).unwrap();
        assert!(targets.starts_with("</g>"), "no target drawn");
        let empty = trend(&chart(&p, &[None; 4], &[None; 4], false), &plain);
        assert!(empty.ends_with("</svg>") && !empty.contains("NaN"));
    }

    #[test]
    fn the_scale_is_round() {
        assert_eq!(scale([3.0, 17.0].into_iter()), (0.0, 20.0, 5.0));
        assert_eq!(scale([0.42, 0.9].into_iter()), (0.0, 1.0, 0.25));
        assert_eq!(scale(std::iter::empty()), (0.0, 1.0, 0.25));
        let (lo, hi, _) = scale([-5.0, 12.0].into_iter());
        assert!(lo <= -5.0 && hi >= 12.0);
    }
}
