//! SVG charts drawn from domain values (Gantt, radar, bars, trends), shared by pages and PDFs.
//! Empty until the web workspace draws its first chart.
