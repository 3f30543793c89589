//! Export speed: reads an IATI file, makes each activity a plan (as an import would), then
//! times only the export of those plans (`map_out` and the streaming writer) into OUT.
//!
//! `cargo run --release -p handover-formats --example iati_write_bench -- IN.xml OUT.xml`

use handover_core::calendar::MonthStart;
use handover_core::ids::{Code, OrgId};
use handover_core::money::Currency;
use handover_core::org::{OrgType, Organisation};
use handover_formats::iati::{
    ActivitiesWriter, ActivityReader, ExportInput, TreeOptions, map_in, map_out,
};
use std::io::{BufReader, Write};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// Counts what goes through.
struct Counter<W>(W, u64);

impl<W: Write> Write for Counter<W> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let n = self.0.write(b)?;
        self.1 += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: iati_write_bench IN.xml OUT.xml");
        std::process::exit(2);
    };
    let owner = Organisation {
        id: OrgId::new(),
        code: Code::parse("owner").unwrap_or_else(|_| Code::slugify("owner")),
        name: "Owner".into(),
        org_type: OrgType::DevelopmentPartner,
        region: None,
        union_id: None,
        iati_id: Some("XM-DAC-0000".into()),
        ministry: false,
        version: 1,
    };
    let usd = Currency::parse("USD").unwrap_or_else(|e| panic!("{e}"));
    let options = TreeOptions {
        owner: &owner,
        partners: &[],
        fallback_start: MonthStart::parse("2024-01-01").unwrap_or_else(|e| panic!("{e}")),
        fallback_currency: &usd,
    };
    let now = OffsetDateTime::now_utc();
    let file = std::fs::File::open(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let out = std::fs::File::create(output).unwrap_or_else(|e| panic!("{output}: {e}"));
    let started = Instant::now();
    let mut w = ActivitiesWriter::begin(Counter(out, 0), now).unwrap_or_else(|e| panic!("{e}"));
    let mut exporting = Duration::ZERO;
    let mut activities = 0;
    for item in ActivityReader::new(BufReader::with_capacity(1 << 18, file)) {
        let read = item.unwrap_or_else(|e| panic!("{input}: {e}"));
        let Ok(plan) = map_in(read.activity) else {
            continue;
        };
        let tree = plan.to_tree(&options);
        let t = Instant::now();
        let input = ExportInput {
            tree: &tree,
            identifier: Some(&plan.identifier),
            budget: None,
            roles: &[],
            sector: None,
            updated: now,
        };
        let exported = map_out(&input);
        w.activity(&exported.activity)
            .unwrap_or_else(|e| panic!("{e}"));
        exporting += t.elapsed();
        activities += 1;
    }
    let t = Instant::now();
    let Counter(_, bytes) = w.finish().unwrap_or_else(|e| panic!("{e}"));
    exporting += t.elapsed();
    let secs = exporting.as_secs_f64();
    println!("activities  {activities}");
    println!("written     {:.1} MB", bytes as f64 / 1e6);
    println!(
        "export      {secs:.2} s ({:.0} MB/s of XML written; map_out and writer only)",
        bytes as f64 / 1e6 / secs
    );
    println!("total       {:.2} s", started.elapsed().as_secs_f64());
}
