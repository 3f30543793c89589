//! SVG charts drawn from domain values (Gantt, trends), shared by pages and PDFs. Each chart is
//! a plain function from values to an SVG string: no I/O, no HTML around it. Text in a chart is
//! passed in already translated and is escaped here.

pub mod bars;
pub mod gantt;
pub mod radar;
pub mod svg;
pub mod trend;
