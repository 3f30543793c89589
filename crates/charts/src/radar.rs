//! A radar chart of scores on several axes — the partnering maturity assessment's seven
//! dimensions, one polygon per round (a baseline, then follow-ups) overlaid. The centre is low
//! and the outer ring high; each ring is a whole score, labelled in the reader's digits.
//!
//! The rounds read without colour: each has its own dash pattern and point marker (solid line
//! with filled circles, long dashes with open squares, dots with filled triangles…), and the
//! legend shows the same line and marker beside each round's name.
//!
//! The innermost ring is the lowest score, one ring-step out from the centre, so a round scored
//! at the bottom of the scale is still a visible shape. A missing value (nobody answered that
//! dimension in that round) leaves a gap: the round's outline is drawn only between neighbouring
//! axes that both have a value (a closed polygon when every axis has one), no point is drawn on
//! that axis, and the axis label is followed by " —". Drawing the point at the centre instead
//! would read as the lowest possible score, which is not what happened.
//!
//! With `mirror` (Arabic pages) the chart is mirrored left to right, so the axes run
//! counter-clockwise from the top, and the text runs right to left (`direction="rtl"`), so
//! labels stay anchored on the side away from the chart. The SVG uses presentation attributes
//! and class names only, never a `style` attribute (the site's Content Security Policy forbids
//! inline styles).

use crate::svg::escape;
use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write;

/// The chart's width in SVG units (it scales to its box); the height grows with the legend.
const WIDTH: f64 = 720.0;
/// The centre of the plot, and the radius of its outer ring.
const CX: f64 = WIDTH / 2.0;
const CY: f64 = 250.0;
const RADIUS: f64 = 170.0;
/// The height of one legend row, and of one line of an axis label.
const LEGEND_ROW: f64 = 24.0;
const LINE: f64 = 15.0;
/// The longest line of an axis label, in characters, before it wraps (at most three lines).
const WRAP: usize = 24;

const TEXT_INK: &str = "#1b1f24";
const MUTED_INK: &str = "#4a5560";
const GRID_INK: &str = "#c9d1d9";

/// How a round is drawn: an ink (each meets 3:1 against white), a dash pattern and a marker.
const STYLES: [(&str, Option<&str>, Marker); 5] = [
    ("#0b5394", None, Marker::Circle),
    ("#8a3b00", Some("8 4"), Marker::Square),
    ("#1d6b35", Some("2 4"), Marker::Triangle),
    ("#6a1b9a", Some("10 4 2 4"), Marker::Diamond),
    ("#4a5560", Some("4 2"), Marker::Cross),
];

/// One round of answers: its name and one value per axis (`None` where nobody answered).
#[derive(Clone, Copy, Debug)]
pub struct RadarRound<'a> {
    /// The round's name for the legend, e.g. `Baseline, 31 August 2016`.
    pub label: &'a str,
    /// One value per axis, in the axes' order (missing trailing values count as `None`).
    pub values: &'a [Option<f64>],
}

/// What a radar chart shows. Every text is already in the page's language; it is escaped here.
#[derive(Clone, Copy, Debug)]
pub struct Radar<'a> {
    /// A prefix for the ids of the chart's title and description, unique on its page.
    pub id: &'a str,
    /// The chart's title (read by screen readers and shown as a tooltip).
    pub title: &'a str,
    /// A sentence saying what the chart shows (screen readers).
    pub desc: &'a str,
    /// The axes' labels, clockwise from the top (counter-clockwise when mirrored).
    pub axes: &'a [String],
    /// The rounds, overlaid in this order (the first is drawn underneath).
    pub rounds: &'a [RadarRound<'a>],
    /// The value at the innermost ring (1.0 for maturity scores).
    pub min: f64,
    /// The value at the outer ring (6.0 for maturity scores).
    pub max: f64,
    /// Mirror the chart left to right and run its text right to left (Arabic pages).
    pub mirror: bool,
}

/// The chart as an SVG element (no XML prolog: it goes inside a page or a document).
/// `number` formats a ring's value in the reader's language.
pub fn radar(chart: &Radar<'_>, number: &dyn Fn(f64) -> String) -> String {
    let g = Geometry::new(chart);
    let mut body = String::with_capacity(8192);
    rings(&mut body, &g);
    let labels_bottom = axes(&mut body, &g, chart);
    for (i, round) in chart.rounds.iter().enumerate() {
        draw_round(&mut body, &g, i, round);
    }
    ring_labels(&mut body, &g, number);
    let legend_top = labels_bottom + 16.0;
    legend(&mut body, &g, chart.rounds, legend_top);
    let height = legend_top + LEGEND_ROW * chart.rounds.len() as f64 + 4.0;

    let id = escape(chart.id);
    let mut s = String::with_capacity(body.len() + 512);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" viewBox=\"0 0 {} {}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" direction=\"{}\" \
         font-family=\"inherit\" font-size=\"13\" fill=\"{TEXT_INK}\">",
        n(WIDTH),
        n(height),
        if chart.mirror { "rtl" } else { "ltr" }
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(chart.desc)
    );
    s.push_str(&body);
    s.push_str("</svg>");
    s
}

/// Where things go: the scale and the direction of the axes.
struct Geometry {
    axes: usize,
    min: f64,
    max: f64,
    /// The value between two rings.
    step: f64,
    /// How many steps from the innermost ring to the outer one.
    steps: usize,
    mirror: bool,
}

impl Geometry {
    fn new(chart: &Radar<'_>) -> Self {
        let (min, max) = if chart.min.is_finite() && chart.max.is_finite() && chart.max > chart.min
        {
            (chart.min, chart.max)
        } else {
            (1.0, 6.0)
        };
        // A ring per whole value on a short scale, else ten rings at most.
        let steps = ((max - min).ceil() as usize).clamp(1, 10);
        Self {
            axes: chart.axes.len(),
            min,
            max,
            step: (max - min) / steps as f64,
            steps,
            mirror: chart.mirror,
        }
    }

    /// The drawn x of a logical x (mirrored about the centre when asked).
    fn x(&self, x: f64) -> f64 {
        if self.mirror { WIDTH - x } else { x }
    }

    /// The distance from the centre of a value (clamped to the scale).
    fn radius(&self, v: f64) -> f64 {
        let v = v.clamp(self.min, self.max);
        RADIUS * (v - self.min + self.step) / (self.max - self.min + self.step)
    }

    /// The angle of axis `i`: the first points up, the others follow clockwise.
    fn angle(&self, i: usize) -> f64 {
        -FRAC_PI_2 + TAU * i as f64 / self.axes.max(1) as f64
    }

    /// The drawn point at distance `r` along axis `i`.
    fn at(&self, i: usize, r: f64) -> (f64, f64) {
        let a = self.angle(i);
        (self.x(CX + r * a.cos()), CY + r * a.sin())
    }
}

/// The rings, one per value of the scale.
fn rings(s: &mut String, g: &Geometry) {
    let _ = write!(
        s,
        "<g class=\"rings\" fill=\"none\" stroke=\"{GRID_INK}\" stroke-width=\"1\">"
    );
    for k in 0..=g.steps {
        let r = g.radius(g.min + k as f64 * g.step);
        if g.axes >= 3 {
            let points: Vec<String> = (0..g.axes).map(|i| pair(g.at(i, r))).collect();
            let _ = write!(
                s,
                "<polygon class=\"ring\" points=\"{}\"/>",
                points.join(" ")
            );
        } else {
            let _ = write!(
                s,
                "<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                n(CX),
                n(CY),
                n(r)
            );
        }
    }
    s.push_str("</g>");
}

/// The rings' values beside the first axis, on top of the rounds with a white halo so that no
/// outline hides them.
fn ring_labels(s: &mut String, g: &Geometry, number: &dyn Fn(f64) -> String) {
    let _ = write!(
        s,
        "<g class=\"ring-labels\" font-size=\"11\" fill=\"{MUTED_INK}\" text-anchor=\"start\" \
         stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">"
    );
    for k in 0..=g.steps {
        let v = g.min + k as f64 * g.step;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            n(g.x(CX + 5.0)),
            n(CY - g.radius(v) - 3.0),
            escape(&number(v))
        );
    }
    s.push_str("</g>");
}

/// The spokes from the centre to the outer ring, and the axes' labels beyond it; returns the
/// lowest y they reach.
fn axes(s: &mut String, g: &Geometry, chart: &Radar<'_>) -> f64 {
    let mut bottom = CY + RADIUS;
    let _ = write!(
        s,
        "<g class=\"spokes\" stroke=\"{GRID_INK}\" stroke-width=\"1\">"
    );
    for i in 0..g.axes {
        let (x, y) = g.at(i, RADIUS);
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(g.x(CX)),
            n(CY),
            n(x),
            n(y)
        );
    }
    s.push_str("</g><g class=\"axis-labels\">");
    for (i, label) in chart.axes.iter().enumerate() {
        let missing = chart.rounds.iter().any(|r| value(r, i).is_none());
        let mut lines = wrap(label, WRAP);
        if missing && let Some(last) = lines.last_mut() {
            last.push_str(" —");
        }
        let a = g.angle(i);
        let (cos, sin) = (a.cos(), a.sin());
        let (x, y) = g.at(i, RADIUS + 14.0);
        // Logical anchors: with `direction="rtl"` they flip along with the mirrored positions.
        let anchor = if cos > 0.3 {
            "start"
        } else if cos < -0.3 {
            "end"
        } else {
            "middle"
        };
        let extra = (lines.len() - 1) as f64 * LINE;
        let first = if sin < -0.5 {
            y - 2.0 - extra
        } else if sin > 0.5 {
            y + 12.0
        } else {
            y + 4.0 - extra / 2.0
        };
        bottom = bottom.max(first + extra + 4.0);
        let _ = write!(
            s,
            "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">",
            n(x),
            n(first)
        );
        if let [only] = lines.as_slice() {
            s.push_str(&escape(only));
        } else {
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    s,
                    "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                    n(x),
                    if k == 0 { 0.0 } else { LINE },
                    escape(line)
                );
            }
        }
        s.push_str("</text>");
    }
    s.push_str("</g>");
    bottom
}

/// A round's value on axis `i`, `None` when missing or not a number.
fn value(round: &RadarRound<'_>, i: usize) -> Option<f64> {
    round
        .values
        .get(i)
        .copied()
        .flatten()
        .filter(|v| v.is_finite())
}

/// One round: its outline (closed when every axis has a value, broken at the gaps otherwise)
/// and a marker on every value.
fn draw_round(s: &mut String, g: &Geometry, index: usize, round: &RadarRound<'_>) {
    let (ink, dash, marker) = STYLES[index % STYLES.len()];
    let dash = dash
        .map(|d| format!(" stroke-dasharray=\"{d}\""))
        .unwrap_or_default();
    let points: Vec<Option<(f64, f64)>> = (0..g.axes)
        .map(|i| value(round, i).map(|v| g.at(i, g.radius(v))))
        .collect();
    let _ = write!(s, "<g class=\"round\" data-round=\"{index}\">");
    if g.axes >= 3 && points.iter().all(Option::is_some) {
        let all: Vec<String> = points.iter().flatten().map(|p| pair(*p)).collect();
        let _ = write!(
            s,
            "<polygon class=\"round-shape\" points=\"{}\" fill=\"{ink}\" fill-opacity=\"0.08\" \
             stroke=\"{ink}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"{dash}/>",
            all.join(" ")
        );
    } else {
        // Segments between neighbouring axes that both have a value, around the circle.
        let mut d = String::new();
        let edges = if g.axes >= 3 {
            g.axes
        } else {
            g.axes.saturating_sub(1)
        };
        for i in 0..edges {
            if let (Some(a), Some(b)) = (points[i], points[(i + 1) % g.axes]) {
                let _ = write!(d, "M{} L{} ", pair(a), pair(b));
            }
        }
        if !d.is_empty() {
            let _ = write!(
                s,
                "<path class=\"round-shape\" d=\"{}\" fill=\"none\" stroke=\"{ink}\" \
                 stroke-width=\"2.5\" stroke-linecap=\"round\"{dash}/>",
                d.trim_end()
            );
        }
    }
    for (x, y) in points.iter().flatten() {
        marker.draw(s, "point", *x, *y, ink);
    }
    s.push_str("</g>");
}

/// The legend under the plot, from `top`: per round, a sample of its line with its marker, and
/// its name.
fn legend(s: &mut String, g: &Geometry, rounds: &[RadarRound<'_>], top: f64) {
    s.push_str("<g class=\"legend\">");
    for (i, round) in rounds.iter().enumerate() {
        let (ink, dash, marker) = STYLES[i % STYLES.len()];
        let y = top + LEGEND_ROW * i as f64 + 12.0;
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{ink}\" stroke-width=\"2.5\"{}/>",
            n(g.x(24.0)),
            n(y),
            n(g.x(64.0)),
            n(y),
            dash.map(|d| format!(" stroke-dasharray=\"{d}\""))
                .unwrap_or_default()
        );
        marker.draw(s, "legend-point", g.x(44.0), y, ink);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text>",
            n(g.x(74.0)),
            n(y + 4.5),
            escape(round.label)
        );
    }
    s.push_str("</g>");
}

/// A point marker: the shape tells the rounds apart without colour.
#[derive(Clone, Copy, Debug)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl Marker {
    fn draw(self, s: &mut String, class: &str, x: f64, y: f64, ink: &str) {
        let _ = match self {
            Marker::Circle => write!(
                s,
                "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{ink}\" stroke=\"{ink}\"/>",
                n(x),
                n(y)
            ),
            Marker::Square => write!(
                s,
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"{ink}\" stroke-width=\"2\"/>",
                n(x - 4.5),
                n(y - 4.5)
            ),
            Marker::Triangle => write!(
                s,
                "<path class=\"{class}\" d=\"M{} {} L{} {} L{} {} Z\" fill=\"{ink}\" stroke=\"{ink}\"/>",
                n(x),
                n(y - 5.5),
                n(x + 5.0),
                n(y + 3.5),
                n(x - 5.0),
                n(y + 3.5)
            ),
            Marker::Diamond => write!(
                s,
                "<path class=\"{class}\" d=\"M{} {} L{} {} L{} {} L{} {} Z\" fill=\"#ffffff\" stroke=\"{ink}\" stroke-width=\"2\"/>",
                n(x),
                n(y - 5.5),
                n(x + 5.5),
                n(y),
                n(x),
                n(y + 5.5),
                n(x - 5.5),
                n(y)
            ),
            Marker::Cross => write!(
                s,
                "<path class=\"{class}\" d=\"M{} {} L{} {} M{} {} L{} {}\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"2.5\"/>",
                n(x - 4.5),
                n(y - 4.5),
                n(x + 4.5),
                n(y + 4.5),
                n(x + 4.5),
                n(y - 4.5),
                n(x - 4.5),
                n(y + 4.5)
            ),
        };
    }
}

/// A point as `x,y` for a polygon.
fn pair((x, y): (f64, f64)) -> String {
    format!("{},{}", n(x), n(y))
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

/// Breaks a label into lines of at most `width` characters at spaces (a longer word stands on
/// its own line), three lines at most, the last one cut with an ellipsis.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > 3 {
        let rest = lines.split_off(2).join(" ");
        let mut last: String = rest.chars().take(width.saturating_sub(1)).collect();
        if last.chars().count() < rest.chars().count() {
            last = last.trim_end().to_owned();
            last.push('…');
        }
        lines.push(last);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: f64) -> String {
        format!("{v}")
    }

    fn seven() -> Vec<String> {
        [
            "Goals and objectives",
            "Resources",
            "Activities",
            "Communications",
            "Governance",
            "Processes, technologies and systems",
            "Culture, attitudes, leadership",
        ]
        .map(String::from)
        .to_vec()
    }

    const BASELINE: [Option<f64>; 7] = [
        Some(3.0),
        Some(2.5),
        Some(3.0),
        Some(2.0),
        Some(2.0),
        Some(1.5),
        Some(3.5),
    ];
    const FOLLOW_UP: [Option<f64>; 7] = [
        Some(4.5),
        Some(3.0),
        Some(4.0),
        Some(3.5),
        Some(3.0),
        Some(2.5),
        Some(4.0),
    ];

    fn chart<'a>(axes: &'a [String], rounds: &'a [RadarRound<'a>], mirror: bool) -> Radar<'a> {
        Radar {
            id: "maturity",
            title: "Partnering maturity",
            desc: "Median scores per dimension, baseline and follow-up",
            axes,
            rounds,
            min: 1.0,
            max: 6.0,
            mirror,
        }
    }

    /// The numbers in `attr="…"` of every element whose tag starts with `open`.
    fn attrs(svg: &str, open: &str, attr: &str) -> Vec<String> {
        svg.split(open)
            .skip(1)
            .map(|e| {
                let e = &e[..e.find('>').unwrap()];
                let at = e.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
                e[at..].split('"').next().unwrap().to_owned()
            })
            .collect()
    }

    #[test]
    fn seven_axes_and_two_rounds() {
        let axes = seven();
        let rounds = [
            RadarRound {
                label: "Baseline, 31 August 2016",
                values: &BASELINE,
            },
            RadarRound {
                label: "Follow-up",
                values: &FOLLOW_UP,
            },
        ];
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" viewBox=\"0 0 720 "
        ));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"maturity-title maturity-desc\""));
        assert!(svg.contains("<title id=\"maturity-title\">Partnering maturity</title>"));
        assert!(svg.contains("<desc id=\"maturity-desc\">Median scores"));
        // Six rings, one per score, each a heptagon, each labelled.
        assert_eq!(svg.matches("<polygon class=\"ring\"").count(), 6);
        for ring in attrs(&svg, "<polygon class=\"ring\"", "points") {
            assert_eq!(ring.split(' ').count(), 7);
        }
        for score in 1..=6 {
            assert!(svg.contains(&format!(">{score}</text>")));
        }
        assert_eq!(
            svg.matches("<line x1=\"360\" y1=\"250\"").count(),
            7,
            "spokes"
        );
        // Two closed outlines with seven points each, and seven markers per round.
        assert_eq!(svg.matches("<polygon class=\"round-shape\"").count(), 2);
        for shape in attrs(&svg, "<polygon class=\"round-shape\"", "points") {
            assert_eq!(shape.split(' ').count(), 7);
        }
        assert_eq!(svg.matches("<circle class=\"point\"").count(), 7);
        assert_eq!(svg.matches("<rect class=\"point\"").count(), 7);
        // The legend: the same marker and dash as each round, and its name.
        assert_eq!(svg.matches("<circle class=\"legend-point\"").count(), 1);
        assert_eq!(svg.matches("<rect class=\"legend-point\"").count(), 1);
        assert_eq!(svg.matches("stroke-dasharray=\"8 4\"").count(), 2);
        assert!(
            svg.contains(">Baseline, 31 August 2016</text>") && svg.contains(">Follow-up</text>")
        );
        // Every axis labelled, long ones on two lines; nothing marked missing.
        assert_eq!(svg.matches("class=\"axis-label\"").count(), 7);
        assert!(svg.contains(">Processes, technologies</tspan>"));
        assert!(svg.contains(">and systems</tspan>"));
        assert!(!svg.contains('—'));
        // Well formed, and no inline style (the CSP forbids it).
        assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
        assert_eq!(
            svg.matches("<text ").count(),
            svg.matches("</text>").count()
        );
        assert!(!svg.contains("style="));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn the_centre_is_low_and_the_outer_ring_high() {
        let axes = seven();
        let low = [Some(1.0); 7];
        let high = [Some(6.0); 7];
        let rounds = [
            RadarRound {
                label: "Low",
                values: &low,
            },
            RadarRound {
                label: "High",
                values: &high,
            },
        ];
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        let shapes = attrs(&svg, "<polygon class=\"round-shape\"", "points");
        let rings = attrs(&svg, "<polygon class=\"ring\"", "points");
        assert_eq!(
            shapes[0], rings[0],
            "a score of 1 sits on the innermost ring"
        );
        assert_eq!(shapes[1], rings[5], "a score of 6 sits on the outer ring");
        // The first axis points up: its outer point is straight above the centre.
        assert!(rings[5].starts_with("360,80 "));
        // Values beyond the scale are drawn at its edge.
        let beyond = [Some(9.0); 7];
        let rounds = [RadarRound {
            label: "Beyond",
            values: &beyond,
        }];
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        assert_eq!(
            attrs(&svg, "<polygon class=\"round-shape\"", "points")[0],
            rings[5]
        );
    }

    #[test]
    fn a_missing_value_leaves_a_gap_and_marks_its_axis() {
        let axes = seven();
        let mut gappy = FOLLOW_UP;
        gappy[4] = None;
        gappy[5] = Some(f64::NAN);
        let rounds = [
            RadarRound {
                label: "Baseline",
                values: &BASELINE,
            },
            // A round shorter than the axes: the last one is missing too.
            RadarRound {
                label: "Follow-up",
                values: &gappy[..6],
            },
        ];
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        assert_eq!(svg.matches("<polygon class=\"round-shape\"").count(), 1);
        // Axes 0–3 have values: three segments between them, none across the gap.
        let d = attrs(&svg, "<path class=\"round-shape\"", "d");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].matches('M').count(), 3, "{}", d[0]);
        assert_eq!(svg.matches("<rect class=\"point\"").count(), 4);
        assert!(svg.contains(">Governance —</text>"));
        assert!(svg.contains(">and systems —</tspan>"));
        assert!(svg.contains(">leadership —</tspan>"));
        assert!(svg.contains(">Communications</text>"));
        // A round with no value at all draws nothing but its legend.
        let rounds = [RadarRound {
            label: "Empty",
            values: &[],
        }];
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        assert!(!svg.contains("round-shape") && !svg.contains("class=\"point\""));
        assert!(svg.contains("class=\"legend-point\""));
    }

    #[test]
    fn escapes_every_text() {
        let axes = vec![
            "<b>Goals</b>".to_owned(),
            "R & D".to_owned(),
            "\"Gov\"".to_owned(),
        ];
        let rounds = [RadarRound {
            label: "<script>alert(1)</script>",
            values: &[Some(2.0), Some(3.0), Some(4.0)],
        }];
        let mut c = chart(&axes, &rounds, false);
        c.id = "a\"b";
        c.title = "Maturity & <more>";
        c.desc = "x < y";
        let svg = radar(&c, &|v| format!("<{v}>"));
        assert!(!svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<1>"));
        assert!(svg.contains("&lt;b&gt;Goals&lt;/b&gt;"));
        assert!(svg.contains(">R &amp; D</text>"));
        assert!(svg.contains("&quot;Gov&quot;"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Maturity &amp; &lt;more&gt;"));
        assert!(svg.contains("x &lt; y"));
        assert!(svg.contains("a&quot;b-title"));
        assert!(svg.contains(">&lt;1&gt;</text>"));
    }

    #[test]
    fn mirroring_flips_x_and_runs_the_text_right_to_left() {
        let axes = seven();
        let rounds = [RadarRound {
            label: "Baseline",
            values: &BASELINE,
        }];
        let ltr = radar(&chart(&axes, &rounds, false), &plain);
        let rtl = radar(&chart(&axes, &rounds, true), &plain);
        assert!(ltr.contains("direction=\"ltr\"") && rtl.contains("direction=\"rtl\""));
        let xs = |svg: &str, open: &str, attr: &str| -> Vec<f64> {
            attrs(svg, open, attr)
                .iter()
                .map(|v| v.parse().unwrap())
                .collect()
        };
        // The axes' labels: the second axis is right of the centre, or left of it mirrored.
        let l = xs(&ltr, "<text class=\"axis-label\"", "x");
        let r = xs(&rtl, "<text class=\"axis-label\"", "x");
        assert_eq!(l.len(), 7);
        assert!(l[1] > CX && r[1] < CX, "{l:?} {r:?}");
        for (a, b) in l.iter().zip(&r) {
            assert!((a + b - WIDTH).abs() < 0.11, "mirror images: {a} and {b}");
        }
        // The points of the round, and the legend, likewise.
        let l = xs(&ltr, "<circle class=\"point\"", "cx");
        let r = xs(&rtl, "<circle class=\"point\"", "cx");
        for (a, b) in l.iter().zip(&r) {
            assert!((a + b - WIDTH).abs() < 0.11, "mirror images: {a} and {b}");
        }
        let l = xs(&ltr, "<circle class=\"legend-point\"", "cx");
        let r = xs(&rtl, "<circle class=\"legend-point\"", "cx");
        assert_eq!((l[0], r[0]), (44.0, WIDTH - 44.0));
        // Heights do not change.
        assert_eq!(
            attrs(&ltr, "<circle class=\"point\"", "cy"),
            attrs(&rtl, "<circle class=\"point\"", "cy")
        );
    }

    #[test]
    fn rounds_differ_by_dash_and_marker() {
        let axes = seven();
        let values = [Some(3.0); 7];
        let rounds: Vec<RadarRound<'_>> = (0..5)
            .map(|_| RadarRound {
                label: "Round",
                values: &values,
            })
            .collect();
        let svg = radar(&chart(&axes, &rounds, false), &plain);
        let shapes: Vec<&str> = svg.split("<g class=\"round\"").skip(1).collect();
        assert_eq!(shapes.len(), 5);
        let dashes: Vec<Option<String>> = shapes
            .iter()
            .map(|g| {
                g.split("stroke-dasharray=\"")
                    .nth(1)
                    .map(|d| d.split('"').next().unwrap().to_owned())
            })
            .collect();
        // A marker's shape: its element, how its outline is drawn, and whether it is open.
        let markers: Vec<(String, usize, usize, bool)> = shapes
            .iter()
            .map(|g| {
                let at = g.find("class=\"point\"").unwrap();
                let open = g[..at].rfind('<').unwrap();
                let element = &g[open..at + g[at..].find("/>").unwrap()];
                (
                    element.split(' ').next().unwrap().to_owned(),
                    element.matches('M').count(),
                    element.matches('L').count(),
                    element.contains("fill=\"#ffffff\""),
                )
            })
            .collect();
        for i in 0..5 {
            for j in i + 1..5 {
                assert_ne!(dashes[i], dashes[j], "dashes of rounds {i} and {j}");
                assert_ne!(markers[i], markers[j], "markers of rounds {i} and {j}");
            }
        }
    }

    #[test]
    fn long_labels_wrap_on_words() {
        assert_eq!(wrap("Governance", 22), ["Governance"]);
        assert_eq!(
            wrap("Culture, attitudes, leadership", 22),
            ["Culture, attitudes,", "leadership"]
        );
        assert_eq!(
            wrap(
                "one two three four five six seven eight nine ten eleven twelve",
                10
            ),
            ["one two", "three four", "five six…"]
        );
        assert_eq!(wrap("", 22), [""]);
    }

    /// The whole SVG of a tiny chart, so that any change to the output is noticed: three axes,
    /// a scale of 1–3, a full round and a round with a gap.
    #[test]
    fn a_tiny_chart_exactly() {
        let axes = ["Goals", "Resources", "Governance"].map(String::from);
        let rounds = [
            RadarRound {
                label: "Baseline",
                values: &[Some(1.0), Some(2.0), Some(3.0)],
            },
            RadarRound {
                label: "Follow-up",
                values: &[Some(3.0), None, Some(2.5)],
            },
        ];
        let c = Radar {
            id: "r",
            title: "T",
            desc: "D",
            axes: &axes,
            rounds: &rounds,
            min: 1.0,
            max: 3.0,
            mirror: false,
        };
        assert_eq!(radar(&c, &plain), TINY);
    }

    const TINY: &str = concat!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 720 488" role="img""##,
        r##" aria-labelledby="r-title r-desc" direction="ltr" font-family="inherit" font-size="13""##,
        r##" fill="#1b1f24"><title id="r-title">T</title><desc id="r-desc">D</desc>"##,
        r##"<g class="rings" fill="none" stroke="#c9d1d9" stroke-width="1">"##,
        r##"<polygon class="ring" points="360,193.3 409.1,278.3 310.9,278.3"/>"##,
        r##"<polygon class="ring" points="360,136.7 458.1,306.7 261.9,306.7"/>"##,
        r##"<polygon class="ring" points="360,80 507.2,335 212.8,335"/></g>"##,
        r##"<g class="spokes" stroke="#c9d1d9" stroke-width="1">"##,
        r##"<line x1="360" y1="250" x2="360" y2="80"/><line x1="360" y1="250" x2="507.2" y2="335"/>"##,
        r##"<line x1="360" y1="250" x2="212.8" y2="335"/></g><g class="axis-labels">"##,
        r##"<text class="axis-label" x="360" y="64" text-anchor="middle">Goals</text>"##,
        r##"<text class="axis-label" x="519.3" y="346" text-anchor="start">Resources —</text>"##,
        r##"<text class="axis-label" x="200.7" y="354" text-anchor="end">Governance</text></g>"##,
        r##"<g class="round" data-round="0">"##,
        r##"<polygon class="round-shape" points="360,193.3 458.1,306.7 212.8,335" fill="#0b5394""##,
        r##" fill-opacity="0.08" stroke="#0b5394" stroke-width="2.5" stroke-linejoin="round"/>"##,
        r##"<circle class="point" cx="360" cy="193.3" r="4.5" fill="#0b5394" stroke="#0b5394"/>"##,
        r##"<circle class="point" cx="458.1" cy="306.7" r="4.5" fill="#0b5394" stroke="#0b5394"/>"##,
        r##"<circle class="point" cx="212.8" cy="335" r="4.5" fill="#0b5394" stroke="#0b5394"/></g>"##,
        r##"<g class="round" data-round="1">"##,
        r##"<path class="round-shape" d="M237.3,320.8 L360,80" fill="none" stroke="#8a3b00""##,
        r##" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="8 4"/>"##,
        r##"<rect class="point" x="355.5" y="75.5" width="9" height="9" fill="#ffffff""##,
        r##" stroke="#8a3b00" stroke-width="2"/>"##,
        r##"<rect class="point" x="232.8" y="316.3" width="9" height="9" fill="#ffffff""##,
        r##" stroke="#8a3b00" stroke-width="2"/></g>"##,
        r##"<g class="ring-labels" font-size="11" fill="#4a5560" text-anchor="start""##,
        r##" stroke="#ffffff" stroke-width="3" paint-order="stroke"><text x="365" y="190.3">1</text>"##,
        r##"<text x="365" y="133.7">2</text><text x="365" y="77">3</text></g><g class="legend">"##,
        r##"<line x1="24" y1="448" x2="64" y2="448" stroke="#0b5394" stroke-width="2.5"/>"##,
        r##"<circle class="legend-point" cx="44" cy="448" r="4.5" fill="#0b5394" stroke="#0b5394"/>"##,
        r##"<text x="74" y="452.5" text-anchor="start">Baseline</text>"##,
        r##"<line x1="24" y1="472" x2="64" y2="472" stroke="#8a3b00" stroke-width="2.5""##,
        r##" stroke-dasharray="8 4"/>"##,
        r##"<rect class="legend-point" x="39.5" y="467.5" width="9" height="9" fill="#ffffff""##,
        r##" stroke="#8a3b00" stroke-width="2"/><text x="74" y="476.5" text-anchor="start">"##,
        r##"Follow-up</text></g></svg>"##,
    );
}
