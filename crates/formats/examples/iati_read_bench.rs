//! Reads an IATI activity file as a dry-run import does (read, check, map every activity) and
//! prints the counts, the elapsed and CPU time and the peak memory (VmHWM).
//!
//! `cargo run --release -p handover-formats --example iati_read_bench -- FILE.xml [--problems]`
//! (`--problems` also lists the most frequent problem messages; `--read-only` skips the mapping.)

use handover_formats::iati::{ActivityReader, map_in};
use std::collections::BTreeMap;
use std::io::BufReader;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: iati_read_bench FILE.xml [--problems] [--read-only]");
        std::process::exit(2);
    };
    let flags: Vec<String> = args.collect();
    let list = flags.iter().any(|a| a == "--problems");
    let read_only = flags.iter().any(|a| a == "--read-only");
    let started = Instant::now();
    let cpu0 = cpu_seconds();
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let (mut activities, mut skipped, mut results, mut indicators, mut values) = (0, 0, 0, 0, 0);
    let mut problems = 0usize;
    let mut by_message: BTreeMap<String, usize> = BTreeMap::new();
    for item in ActivityReader::new(BufReader::with_capacity(1 << 18, file)) {
        let read = match item {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                break;
            }
        };
        activities += 1;
        problems += read.problems.len();
        if list {
            for p in &read.problems {
                let key: String = p
                    .message
                    .split('`')
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .join("`…`");
                *by_message.entry(key).or_default() += 1;
            }
        }
        if read_only {
            results += read.activity.results.len();
            continue;
        }
        match map_in(read.activity) {
            Ok(plan) => {
                results += plan.results.len();
                for r in &plan.results {
                    indicators += r.indicators.len();
                    values += r.indicators.iter().map(|i| i.values.len()).sum::<usize>();
                }
            }
            Err(_) => skipped += 1,
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    println!("file        {path} ({:.1} MB)", size as f64 / 1e6);
    println!("activities  {activities} ({skipped} skipped)");
    println!("results     {results}");
    println!("indicators  {indicators}");
    println!("values      {values} (targets and actuals)");
    println!("problems    {problems}");
    println!(
        "elapsed     {elapsed:.2} s ({:.0} MB/s)",
        size as f64 / 1e6 / elapsed
    );
    println!("cpu         {cpu:.2} s (user + system)");
    println!("peak RSS    {}", peak_rss());
    if list {
        let mut top: Vec<_> = by_message.into_iter().collect();
        top.sort_by_key(|t| std::cmp::Reverse(t.1));
        for (m, n) in top.into_iter().take(25) {
            println!("{n:>8}  {m}");
        }
    }
}

/// VmHWM from /proc/self/status.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// User + system CPU seconds of this process, from /proc/self/stat (clock ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1;
            let f: Vec<&str> = after.split_whitespace().collect();
            let utime: f64 = f.get(11)?.parse().ok()?;
            let stime: f64 = f.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}
