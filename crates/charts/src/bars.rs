//! Stacked bars: one bar per category (a year or a quarter) made of one segment per series (a
//! party), e.g. how a plan's costs move from the development partner to the local authority
//! year by year. In percent mode every bar is full height and its segments are the parties'
//! shares; otherwise the segments are amounts on a round scale.
//!
//! The chart stands alone: a white background, presentation attributes only (no CSS), a
//! `<title>` and `<desc>` for assistive technology, a `<title>` on every segment with its party
//! and value, and series that read without colour (each has its own fill pattern, explained by
//! the legend). With `mirror`, the categories run from right to left, as an Arabic reader
//! expects, with the value axis on the right.

use crate::svg::escape;
use std::fmt::Write;

/// What a stacked bar chart shows. Every text is already in the page's language; it is escaped
/// here.
#[derive(Clone, Copy, Debug)]
pub struct StackedBars<'a> {
    /// A prefix for the ids inside the SVG (title, description, patterns), unique on its page.
    pub id: &'a str,
    /// The chart's title (read by screen readers and shown as a tooltip).
    pub title: &'a str,
    /// A sentence saying what the chart shows (screen readers).
    pub desc: &'a str,
    /// The categories along the horizontal axis, in order (years or quarters), already
    /// translated.
    pub categories: &'a [String],
    /// One series per party, drawn from the bottom of each bar up in this order.
    pub series: &'a [BarSeries<'a>],
    /// Every bar is 100 % and its segments are shares of the bar's total.
    pub percent: bool,
    /// The categories run from right to left (the drawing is mirrored; text is not).
    pub mirror: bool,
}

/// One party's values.
#[derive(Clone, Copy, Debug)]
pub struct BarSeries<'a> {
    /// The legend's and the tooltips' name of the party.
    pub label: &'a str,
    /// One value per category, zero or more (a missing, negative or non-finite value counts as
    /// zero and draws nothing).
    pub values: &'a [f64],
}

/// The chart's width in SVG units (it scales to its box; the height follows the legend).
const WIDTH: f64 = 640.0;
/// Room above the plot, its height, beside it for the value labels and on the far side.
const TOP: f64 = 20.0;
const PLOT_H: f64 = 240.0;
const AXIS_SIDE: f64 = 72.0;
const FAR_SIDE: f64 = 20.0;
/// Room for the category labels under the plot.
const LABELS_H: f64 = 34.0;
const PAD: f64 = 8.0;
const LEGEND_LINE: f64 = 22.0;
const SWATCH: f64 = 24.0;
/// Roughly how wide one character of the 13-unit font is.
const CHAR_W: f64 = 7.0;
/// The part of its column a bar fills.
const BAR_SHARE: f64 = 0.6;

const INK: &str = "#1b1f24";
const GRID: &str = "#c9d1d9";

/// The series' fills, in order: each differs in shape as well as in colour (solid, hatching one
/// way, dots, cross-hatching, horizontal lines, hatching the other way, vertical lines, a grid),
/// each drawn on an 8-unit tile. A chart with more series than this reuses them in turn.
const PATTERNS: [&str; 8] = [
    // Solid dark blue.
    "<rect width=\"8\" height=\"8\" fill=\"#0b5394\"/>",
    // Diagonal hatching, brown on light amber.
    "<rect width=\"8\" height=\"8\" fill=\"#fbe7c2\"/>\
     <path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" stroke=\"#8a5300\" stroke-width=\"1.6\"/>",
    // Dots on white.
    "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>\
     <circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"#1b1f24\"/>",
    // Cross-hatching, green on light green.
    "<rect width=\"8\" height=\"8\" fill=\"#dff0e3\"/>\
     <path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#1d6b35\" stroke-width=\"1.2\"/>",
    // Horizontal lines, purple on light purple.
    "<rect width=\"8\" height=\"8\" fill=\"#ece3f5\"/>\
     <path d=\"M0,4 L8,4\" stroke=\"#5b2a86\" stroke-width=\"2\"/>",
    // Diagonal hatching the other way, red on light red.
    "<rect width=\"8\" height=\"8\" fill=\"#f8dcdc\"/>\
     <path d=\"M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2\" stroke=\"#a4161a\" stroke-width=\"1.6\"/>",
    // Vertical lines, teal on light teal.
    "<rect width=\"8\" height=\"8\" fill=\"#d5eef0\"/>\
     <path d=\"M4,0 L4,8\" stroke=\"#00606b\" stroke-width=\"2\"/>",
    // A grid, grey on light grey.
    "<rect width=\"8\" height=\"8\" fill=\"#eef1f4\"/>\
     <path d=\"M0,0.5 L8,0.5 M0.5,0 L0.5,8\" stroke=\"#4a5560\" stroke-width=\"1\"/>",
];

/// The id of series `k`'s pattern (`id` is already escaped).
fn pattern_id(id: &str, k: usize) -> String {
    format!("{id}-series-{}", k % PATTERNS.len())
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

/// A position rounded to a tenth, so that adjacent segments share their edge exactly.
fn tenth(v: f64) -> f64 {
    (v * 10.0).round_ties_even() / 10.0
}

/// A value as charted: missing, negative and non-finite values are zero.
fn value(series: &BarSeries<'_>, category: usize) -> f64 {
    series
        .values
        .get(category)
        .copied()
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(0.0)
}

/// The amounts' axis: from zero to a round number at or above the highest total, and a round
/// step between ticks.
fn scale(highest: f64) -> (f64, f64) {
    let highest = if highest.is_finite() && highest > 0.0 {
        highest
    } else {
        1.0
    };
    let raw = highest / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let tick = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|t| *t >= raw)
        .unwrap_or(10.0 * magnitude);
    ((highest / tick).ceil() * tick, tick)
}

/// A share from 0 to 100 for reading: a whole percent, half up.
fn whole_percent(share: f64) -> f64 {
    (share + 0.5).floor()
}

/// The chart as an SVG element (no XML prolog: it goes inside a page or a document).
/// `number` formats a value (amounts, shares, axis labels) in the reader's language; in percent
/// mode a `%` follows it.
pub fn stacked_bars(chart: &StackedBars<'_>, number: &dyn Fn(f64) -> String) -> String {
    let count = chart.categories.len().max(1);
    let plot_left = AXIS_SIDE;
    let plot_right = WIDTH - FAR_SIDE;
    let plot_top = TOP;
    let plot_bottom = TOP + PLOT_H;
    let step = (plot_right - plot_left) / count as f64;
    let bar_w = tenth(step * BAR_SHARE);
    // Horizontal positions are computed left to right and mirrored when asked.
    let px = |x: f64| if chart.mirror { WIDTH - x } else { x };
    let span = |x: f64, w: f64| if chart.mirror { WIDTH - x - w } else { x };
    let percent_text = |v: f64| format!("{}%", number(v));

    let totals: Vec<f64> = (0..chart.categories.len())
        .map(|i| chart.series.iter().map(|s| value(s, i)).sum())
        .collect();
    let (top, tick) = if chart.percent {
        (100.0, 25.0)
    } else {
        scale(totals.iter().copied().fold(0.0, f64::max))
    };
    let y_of = |v: f64| tenth(plot_bottom - v / top * PLOT_H);

    let id = escape(chart.id);
    let (legend, legend_h) = draw_legend(chart, &id, plot_bottom + LABELS_H, &span, &px);
    let height = plot_bottom + LABELS_H + legend_h + PAD;

    let mut s = String::with_capacity(4096 + 512 * chart.categories.len() * chart.series.len());
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stacked-bars\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {vw} {vh}\" width=\"{vw}\" height=\"{vh}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif\" \
         font-size=\"13\" direction=\"{dir}\" data-mirror=\"{mirror}\" data-mode=\"{mode}\">",
        vw = n(WIDTH),
        vh = n(height),
        dir = if chart.mirror { "rtl" } else { "ltr" },
        mirror = chart.mirror,
        mode = if chart.percent { "percent" } else { "amounts" },
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(chart.desc)
    );
    s.push_str("<defs>");
    for (k, body) in PATTERNS.iter().enumerate().take(chart.series.len()) {
        let _ = write!(
            s,
            "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">{body}</pattern>",
            pattern_id(&id, k)
        );
    }
    s.push_str("</defs>");
    // Printable on its own: a white sheet.
    let _ = write!(
        s,
        "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        n(WIDTH),
        n(height)
    );

    // Grid lines and the values at the ticks, in the reader's digits. Anchors are logical
    // (start/end follow `direction`), so mirroring the positions mirrors the text too.
    s.push_str("<g class=\"grid\">");
    let steps = (top / tick).round_ties_even() as i64;
    for k in 0..=steps {
        let v = k as f64 * tick;
        let y = y_of(v);
        let label = if chart.percent {
            percent_text(v)
        } else {
            number(v)
        };
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{INK}\">{}</text>",
            n(px(plot_left)),
            n(px(plot_right)),
            n(px(plot_left - 9.0)),
            n(y + 4.5),
            escape(&label),
            y = n(y),
        );
    }
    s.push_str("</g>");

    // The bars, each segment filled with its series' pattern and outlined, bottom up.
    s.push_str("<g class=\"bars\">");
    for (i, total) in totals.iter().enumerate() {
        if *total <= 0.0 {
            // Nothing to share: no bar (its category is still named below).
            continue;
        }
        let x = span(plot_left + i as f64 * step + (step - bar_w) / 2.0, bar_w);
        let _ = write!(s, "<g class=\"bar\" data-category=\"{i}\">");
        let mut sum = 0.0;
        for (k, series) in chart.series.iter().enumerate() {
            let v = value(series, i);
            if v <= 0.0 {
                continue;
            }
            let (lower, upper, tip) = if chart.percent {
                let below = sum / total * 100.0;
                sum += v;
                let share = sum / total * 100.0;
                (
                    below,
                    share,
                    format!(
                        "{} ({})",
                        number(v),
                        percent_text(whole_percent(share - below))
                    ),
                )
            } else {
                let below = sum;
                sum += v;
                (below, sum, number(v))
            };
            let (y_low, y_high) = (y_of(lower), y_of(upper));
            let _ = write!(
                s,
                "<rect class=\"segment\" data-series=\"{k}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
                 fill=\"url(#{})\" stroke=\"{INK}\" stroke-width=\"1\"><title>{}: {}</title></rect>",
                n(x),
                n(y_high),
                n(bar_w),
                n(y_low - y_high),
                pattern_id(&id, k),
                escape(series.label),
                escape(&tip)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");

    // The axes over the bars' edges: the value axis with its ticks, and the base line.
    let _ = write!(
        s,
        "<g class=\"axes\" stroke=\"{INK}\" stroke-width=\"1.5\">\
         <line x1=\"{ax}\" y1=\"{}\" x2=\"{ax}\" y2=\"{}\"/>",
        n(plot_top),
        n(plot_bottom),
        ax = n(px(plot_left)),
    );
    for k in 0..=steps {
        let y = n(y_of(k as f64 * tick));
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            n(px(plot_left - 5.0)),
            n(px(plot_left)),
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/></g>",
        n(px(plot_left)),
        n(px(plot_right)),
        y = n(plot_bottom),
    );

    // The categories under their bars (a label wider than its column is squeezed into it).
    s.push_str("<g class=\"categories\" text-anchor=\"middle\">");
    for (i, label) in chart.categories.iter().enumerate() {
        let room = step - 4.0;
        let squeeze = if label.chars().count() as f64 * CHAR_W > room {
            format!(
                " textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
                n(room)
            )
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" fill=\"{INK}\"{squeeze}>{}</text>",
            n(px(plot_left + (i as f64 + 0.5) * step)),
            n(plot_bottom + 20.0),
            escape(label)
        );
    }
    s.push_str("</g>");

    s.push_str(&legend);
    s.push_str("</svg>");
    s
}

/// The legend: each series' pattern and name, in lines that fit the chart's width, from the
/// side where the categories start; its drawing and height.
fn draw_legend(
    chart: &StackedBars<'_>,
    id: &str,
    top: f64,
    span: &dyn Fn(f64, f64) -> f64,
    px: &dyn Fn(f64) -> f64,
) -> (String, f64) {
    let mut s = String::from("<g class=\"legend\">");
    if chart.series.is_empty() {
        s.push_str("</g>");
        return (s, 0.0);
    }
    let (left, right) = (PAD, WIDTH - PAD);
    let mut x = left;
    let mut y = top;
    for (k, series) in chart.series.iter().enumerate() {
        let item_w = SWATCH + 6.0 + series.label.chars().count() as f64 * CHAR_W + 22.0;
        if x > left && x + item_w > right {
            x = left;
            y += LEGEND_LINE;
        }
        let _ = write!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"url(#{})\" stroke=\"{INK}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"start\" fill=\"{INK}\">{}</text>",
            n(span(x, SWATCH)),
            n(y + 3.0),
            n(SWATCH),
            pattern_id(id, k),
            n(px(x + SWATCH + 6.0)),
            n(y + 13.5),
            escape(series.label)
        );
        x += item_w;
    }
    s.push_str("</g>");
    (s, y - top + LEGEND_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: f64) -> String {
        format!("{v}")
    }

    fn years(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{}", 2027 + i)).collect()
    }

    fn chart<'a>(
        categories: &'a [String],
        series: &'a [BarSeries<'a>],
        percent: bool,
        mirror: bool,
    ) -> StackedBars<'a> {
        StackedBars {
            id: "cost",
            title: "Cost sharing",
            desc: "Who pays what, year by year",
            categories,
            series,
            percent,
            mirror,
        }
    }

    /// A numeric attribute of an element's text (`el` starts inside the element).
    fn attr(el: &str, name: &str) -> f64 {
        let from = el.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        el[from..].split('"').next().unwrap().parse().unwrap()
    }

    /// Each segment's category, series, x, y, width and height, in drawing order.
    fn segments(svg: &str) -> Vec<(usize, usize, f64, f64, f64, f64)> {
        svg.split("<g class=\"bar\"")
            .skip(1)
            .flat_map(|bar| {
                let bar = bar.split("</g>").next().unwrap();
                let category = attr(bar, "data-category") as usize;
                bar.split("<rect class=\"segment\"")
                    .skip(1)
                    .map(move |r| {
                        (
                            category,
                            attr(r, "data-series") as usize,
                            attr(r, "x"),
                            attr(r, "y"),
                            attr(r, "width"),
                            attr(r, "height"),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The x positions of the category labels, in the order of the categories.
    fn category_xs(svg: &str) -> Vec<f64> {
        let group = svg
            .split("<g class=\"categories\"")
            .nth(1)
            .and_then(|g| g.split("</g>").next())
            .expect("the categories' group");
        group
            .split("<text x=\"")
            .skip(1)
            .map(|t| t.split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn draws_a_whole_accessible_svg() {
        let c = years(3);
        let series = [
            BarSeries {
                label: "Partner",
                values: &[800.0, 500.0, 200.0],
            },
            BarSeries {
                label: "Municipality",
                values: &[200.0, 500.0, 800.0],
            },
        ];
        let svg = stacked_bars(&chart(&c, &series, false, false), &plain);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"cost-title cost-desc\""));
        assert!(svg.contains("viewBox=\"0 0 640 "));
        assert!(svg.contains("<title id=\"cost-title\">Cost sharing</title>"));
        assert!(svg.contains("<desc id=\"cost-desc\">Who pays what, year by year</desc>"));
        // No CSS at all: the site's Content-Security-Policy forbids inline styles.
        assert!(!svg.contains("style"));
        // Balanced elements.
        let groups = svg.matches("<g ").count() + svg.matches("<g>").count();
        assert_eq!(groups, svg.matches("</g>").count());
        assert_eq!(
            svg.matches("<text ").count(),
            svg.matches("</text>").count()
        );
        assert_eq!(
            svg.matches("<title").count(),
            svg.matches("</title>").count()
        );
        // One pattern per series, used by its segments and its legend swatch.
        assert_eq!(svg.matches("<pattern ").count(), 2);
        assert_eq!(svg.matches("fill=\"url(#cost-series-0)\"").count(), 3 + 1);
        assert_eq!(svg.matches("fill=\"url(#cost-series-1)\"").count(), 3 + 1);
        // A legend in words, the categories named, a tooltip per segment.
        assert!(svg.contains(">Partner</text>") && svg.contains(">Municipality</text>"));
        for y in ["2027", "2028", "2029"] {
            assert!(svg.contains(&format!(">{y}</text>")));
        }
        assert!(svg.contains("<title>Partner: 800</title>"));
        assert!(svg.contains("<title>Municipality: 500</title>"));
        // A round axis from zero past the highest total (1000), with ticks.
        assert!(svg.contains(">0</text>") && svg.contains(">1000</text>"));
        assert!(svg.contains(">250</text>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // Amounts: each bar's height is its total on the scale.
        for (i, total) in [1000.0, 1000.0, 1000.0].iter().enumerate() {
            let h: f64 = segments(&svg)
                .iter()
                .filter(|s| s.0 == i)
                .map(|s| s.5)
                .sum();
            assert!((h - total / 1000.0 * PLOT_H).abs() < 0.01, "{h}");
        }
    }

    #[test]
    fn one_segment_per_value_above_zero() {
        let c = years(4);
        let series = [
            BarSeries {
                label: "Partner",
                values: &[5.0, 0.0, 3.0, 0.0],
            },
            BarSeries {
                label: "Municipality",
                values: &[0.0, 2.0, 3.0],
            },
            BarSeries {
                label: "Region",
                values: &[1.0, -4.0, f64::NAN, 2.0],
            },
        ];
        for percent in [false, true] {
            let svg = stacked_bars(&chart(&c, &series, percent, false), &plain);
            let segs = segments(&svg);
            assert_eq!(svg.matches("class=\"segment\"").count(), 6);
            assert_eq!(
                segs.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
                [(0, 0), (0, 2), (1, 1), (2, 0), (2, 1), (3, 2)]
            );
            assert!(!svg.contains("NaN"));
        }
    }

    #[test]
    fn shares_fill_the_whole_bar() {
        let c = years(3);
        let series = [
            BarSeries {
                label: "A",
                values: &[1.0, 7.0, 0.001],
            },
            BarSeries {
                label: "B",
                values: &[1.0, 3.0, 1000.0],
            },
            BarSeries {
                label: "C",
                values: &[1.0, 0.0, 333.0],
            },
        ];
        let svg = stacked_bars(&chart(&c, &series, true, false), &plain);
        let segs = segments(&svg);
        for i in 0..3 {
            let bar: Vec<_> = segs.iter().filter(|s| s.0 == i).collect();
            let h: f64 = bar.iter().map(|s| s.5).sum();
            assert!((h - PLOT_H).abs() < 0.01, "bar {i}: {h}");
            // Stacked without gaps, from the base line up to the top of the plot.
            let mut bottom = TOP + PLOT_H;
            for s in &bar {
                assert!((s.3 + s.5 - bottom).abs() < 0.01, "bar {i}: {bar:?}");
                bottom = s.3;
            }
            assert!((bottom - TOP).abs() < 0.01);
        }
        // The tooltips give the amount and the share; the axis runs from 0 % to 100 %.
        assert!(svg.contains("<title>A: 7 (70%)</title>"));
        assert!(svg.contains("<title>B: 3 (30%)</title>"));
        assert!(svg.contains("<title>C: 1 (33%)</title>"));
        for tick in ["0%", "25%", "50%", "75%", "100%"] {
            assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
        }
    }

    #[test]
    fn escapes_every_text() {
        let c = vec!["<2027>".to_owned(), "Q\"2\"".to_owned()];
        let series = [BarSeries {
            label: "<&>",
            values: &[1.0, 2.0],
        }];
        let mut ch = chart(&c, &series, false, false);
        ch.id = "a\"b";
        ch.title = "Costs <b>";
        ch.desc = "x < y & z";
        let svg = stacked_bars(&ch, &|v| format!("<{v}>"));
        assert!(svg.contains(">&lt;&amp;&gt;</text>"), "the legend");
        assert!(svg.contains("<title>&lt;&amp;&gt;: &lt;2&gt;</title>"));
        assert!(svg.contains("&lt;2027&gt;") && svg.contains("Q&quot;2&quot;"));
        assert!(svg.contains("Costs &lt;b&gt;") && svg.contains("x &lt; y &amp; z"));
        assert!(svg.contains("a&quot;b-title") && svg.contains("url(#a&quot;b-series-0)"));
        assert!(svg.contains(">&lt;0&gt;</text>"), "the axis");
        assert!(!svg.contains("<&>") && !svg.contains("<2027>") && !svg.contains("<b>"));
    }

    #[test]
    fn mirroring_runs_the_categories_right_to_left() {
        let c = years(3);
        let series = [
            BarSeries {
                label: "Partner",
                values: &[3.0, 2.0, 1.0],
            },
            BarSeries {
                label: "Municipality",
                values: &[1.0, 2.0, 3.0],
            },
        ];
        let ltr = stacked_bars(&chart(&c, &series, true, false), &plain);
        let rtl = stacked_bars(&chart(&c, &series, true, true), &plain);
        let (l, r) = (category_xs(&ltr), category_xs(&rtl));
        assert_eq!(l.len(), 3);
        assert!(l[0] < l[1] && l[1] < l[2], "left to right: {l:?}");
        assert!(r[0] > r[1] && r[1] > r[2], "right to left: {r:?}");
        for (a, b) in l.iter().zip(&r) {
            assert!((a + b - WIDTH).abs() < 0.11, "mirror images: {a} and {b}");
        }
        let (ls, rs) = (segments(&ltr), segments(&rtl));
        assert_eq!(ls.len(), 6);
        for (a, b) in ls.iter().zip(&rs) {
            assert_eq!((a.0, a.1, a.3, a.4, a.5), (b.0, b.1, b.3, b.4, b.5));
            assert!((a.2 + b.2 + a.4 - WIDTH).abs() < 0.11, "{a:?} and {b:?}");
        }
        assert!(rs[0].2 > rs[2].2, "the first year is on the right");
        // The value axis is on the right, its labels beside it.
        assert!(rtl.contains(&format!("<line x1=\"{}\" y1=\"20\"", n(WIDTH - AXIS_SIDE))));
        assert!(rtl.contains("direction=\"rtl\"") && ltr.contains("direction=\"ltr\""));
    }

    #[test]
    fn a_bar_with_nothing_keeps_its_label() {
        let c = years(3);
        let series = [
            BarSeries {
                label: "Partner",
                values: &[4.0, 0.0, 0.0],
            },
            BarSeries {
                label: "Municipality",
                values: &[0.0, 0.0],
            },
        ];
        for percent in [false, true] {
            let svg = stacked_bars(&chart(&c, &series, percent, false), &plain);
            assert!(svg.contains(">2028</text>") && svg.contains(">2029</text>"));
            assert_eq!(category_xs(&svg).len(), 3);
            assert_eq!(svg.matches("<g class=\"bar\" ").count(), 1);
            assert!(!svg.contains("data-category=\"1\""));
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
        }
        // Nothing at all: an empty plot with its axis, still a whole image.
        let none: [BarSeries<'_>; 0] = [];
        let svg = stacked_bars(&chart(&[], &none, false, false), &plain);
        assert!(svg.ends_with("</svg>") && !svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains("<pattern ") && !svg.contains("class=\"segment\""));
    }

    #[test]
    fn the_scale_is_round() {
        assert_eq!(scale(17.0), (20.0, 5.0));
        assert_eq!(scale(0.9), (1.0, 0.25));
        assert_eq!(scale(0.0), (1.0, 0.25));
        assert_eq!(scale(1000.0), (1000.0, 250.0));
        assert_eq!(scale(1_234_567.0), (1_500_000.0, 500_000.0));
        assert_eq!(whole_percent(44.5), 45.0);
        assert_eq!(whole_percent(33.33), 33.0);
    }

    #[test]
    fn a_tiny_chart_exactly() {
        let c = vec!["2027".to_owned(), "2028".to_owned()];
        let series = [
            BarSeries {
                label: "Partner",
                values: &[75.0, 40.0],
            },
            BarSeries {
                label: "Town",
                values: &[25.0, 60.0],
            },
        ];
        let mut ch = chart(&c, &series, true, false);
        ch.id = "cs";
        let svg = stacked_bars(&ch, &plain);
        let expected = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stacked-bars\" role=\"img\" \
            aria-labelledby=\"cs-title cs-desc\" viewBox=\"0 0 640 324\" width=\"640\" \
            height=\"324\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto \
            Sans', 'Noto Sans Arabic', Tahoma, sans-serif\" font-size=\"13\" direction=\"ltr\" \
            data-mirror=\"false\" data-mode=\"percent\"><title id=\"cs-title\">Cost \
            sharing</title><desc id=\"cs-desc\">Who pays what, year by year</desc><defs><pattern \
            id=\"cs-series-0\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect \
            width=\"8\" height=\"8\" fill=\"#0b5394\"/></pattern><pattern id=\"cs-series-1\" \
            patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" \
            height=\"8\" fill=\"#fbe7c2\"/><path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" \
            stroke=\"#8a5300\" stroke-width=\"1.6\"/></pattern></defs><rect class=\"background\" \
            x=\"0\" y=\"0\" width=\"640\" height=\"324\" fill=\"#ffffff\"/><g class=\"grid\">\
            <line x1=\"72\" y1=\"260\" x2=\"620\" y2=\"260\" stroke=\"#c9d1d9\" \
            stroke-width=\"1\"/><text x=\"63\" y=\"264.5\" text-anchor=\"end\" \
            fill=\"#1b1f24\">0%</text><line x1=\"72\" y1=\"200\" x2=\"620\" y2=\"200\" \
            stroke=\"#c9d1d9\" stroke-width=\"1\"/><text x=\"63\" y=\"204.5\" text-anchor=\"end\" \
            fill=\"#1b1f24\">25%</text><line x1=\"72\" y1=\"140\" x2=\"620\" y2=\"140\" \
            stroke=\"#c9d1d9\" stroke-width=\"1\"/><text x=\"63\" y=\"144.5\" text-anchor=\"end\" \
            fill=\"#1b1f24\">50%</text><line x1=\"72\" y1=\"80\" x2=\"620\" y2=\"80\" \
            stroke=\"#c9d1d9\" stroke-width=\"1\"/><text x=\"63\" y=\"84.5\" text-anchor=\"end\" \
            fill=\"#1b1f24\">75%</text><line x1=\"72\" y1=\"20\" x2=\"620\" y2=\"20\" \
            stroke=\"#c9d1d9\" stroke-width=\"1\"/><text x=\"63\" y=\"24.5\" text-anchor=\"end\" \
            fill=\"#1b1f24\">100%</text></g><g class=\"bars\"><g class=\"bar\" \
            data-category=\"0\"><rect class=\"segment\" data-series=\"0\" x=\"126.8\" y=\"80\" \
            width=\"164.4\" height=\"180\" fill=\"url(#cs-series-0)\" stroke=\"#1b1f24\" \
            stroke-width=\"1\"><title>Partner: 75 (75%)</title></rect><rect class=\"segment\" \
            data-series=\"1\" x=\"126.8\" y=\"20\" width=\"164.4\" height=\"60\" \
            fill=\"url(#cs-series-1)\" stroke=\"#1b1f24\" stroke-width=\"1\"><title>Town: 25 \
            (25%)</title></rect></g><g class=\"bar\" data-category=\"1\"><rect class=\"segment\" \
            data-series=\"0\" x=\"400.8\" y=\"164\" width=\"164.4\" height=\"96\" \
            fill=\"url(#cs-series-0)\" stroke=\"#1b1f24\" stroke-width=\"1\"><title>Partner: 40 \
            (40%)</title></rect><rect class=\"segment\" data-series=\"1\" x=\"400.8\" y=\"20\" \
            width=\"164.4\" height=\"144\" fill=\"url(#cs-series-1)\" stroke=\"#1b1f24\" \
            stroke-width=\"1\"><title>Town: 60 (60%)</title></rect></g></g><g class=\"axes\" \
            stroke=\"#1b1f24\" stroke-width=\"1.5\"><line x1=\"72\" y1=\"20\" x2=\"72\" \
            y2=\"260\"/><line x1=\"67\" y1=\"260\" x2=\"72\" y2=\"260\"/><line x1=\"67\" \
            y1=\"200\" x2=\"72\" y2=\"200\"/><line x1=\"67\" y1=\"140\" x2=\"72\" y2=\"140\"/>\
            <line x1=\"67\" y1=\"80\" x2=\"72\" y2=\"80\"/><line x1=\"67\" y1=\"20\" x2=\"72\" \
            y2=\"20\"/><line x1=\"72\" y1=\"260\" x2=\"620\" y2=\"260\"/></g><g \
            class=\"categories\" text-anchor=\"middle\"><text x=\"209\" y=\"280\" \
            fill=\"#1b1f24\">2027</text><text x=\"483\" y=\"280\" fill=\"#1b1f24\">2028</text></g>\
            <g class=\"legend\"><rect x=\"8\" y=\"297\" width=\"24\" height=\"12\" \
            fill=\"url(#cs-series-0)\" stroke=\"#1b1f24\" stroke-width=\"1\"/><text x=\"38\" \
            y=\"307.5\" text-anchor=\"start\" fill=\"#1b1f24\">Partner</text><rect x=\"109\" \
            y=\"297\" width=\"24\" height=\"12\" fill=\"url(#cs-series-1)\" stroke=\"#1b1f24\" \
            stroke-width=\"1\"/><text x=\"139\" y=\"307.5\" text-anchor=\"start\" \
            fill=\"#1b1f24\">Town</text></g></svg>";
        assert_eq!(svg, expected);
    }
}
