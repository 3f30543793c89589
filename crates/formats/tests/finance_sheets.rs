//! Cost lines and rates read from CSV and XLSX: strict, every bad cell named by row and
//! "Header (F)", and hostile files (oversized, compressed bombs, wrong encodings) refused.

use handover_core::calendar::parse_date;
use handover_core::finance::{CostCategory, RateType, Unit};
use handover_core::money::Currency;
use handover_core::text::Lang;
use handover_formats::cost_lines_file::{self, CostLineInputRow};
use handover_formats::rates_file;
use handover_formats::sheet::{CellError, FileKind, Limits, check_workbook};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::io::{Cursor, Read, Write};
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn at(e: &CellError) -> (Option<u64>, Option<&str>) {
    (e.row, e.column.as_deref())
}

const HEADER: &str =
    "Activity,Category,Description,Description (fr),Unit,Unit price,Currency,Funder,Q1,Q2,Q3\n";

#[test]
fn three_bad_cells_in_two_rows_are_all_named_and_nothing_is_read() {
    let csv = format!(
        "{HEADER}\
         7,logistics,Venue for the AoC signing,Salle,event,1507.5,LBP,la,1,,\n\
         24.2,in-house expertise,RTO engineer,,person-month,N/A,USD,,3,-1,3\n\
         25,catering,Lunch,,event,200,USD,dp,,1,\n"
    );
    let errors = cost_lines_file::read(csv.as_bytes(), FileKind::Csv, &Limits::default())
        .expect_err("bad cells");
    let places: Vec<_> = errors.iter().map(at).collect();
    assert_eq!(
        places,
        vec![
            (Some(3), Some("Unit price (F)")),
            (Some(3), Some("Q2 (J)")),
            (Some(4), Some("Category (B)")),
        ],
        "{errors:#?}"
    );
    assert!(errors[0].message.contains("not a number"));
    assert!(errors[1].message.contains("below zero"));
    assert!(errors[2].message.contains("logistics"));
    assert_eq!(
        errors[0].to_string(),
        "row 3, Unit price (F): `N/A` is not a number"
    );
}

#[test]
fn a_good_csv_with_semicolons_and_a_bom_reads_exactly() {
    let csv = "\u{feff}unit price;ACTIVITÉ;Catégorie;Description;Unité;Q1;Q3\n\
               0.1;7;Logistique;Venue;forfait;3;\n\
               333.333;aoc;external_expertise;Consultant;person-day;;2.5\n";
    let parsed = cost_lines_file::read(csv.as_bytes(), FileKind::Csv, &Limits::default()).unwrap();
    assert_eq!(parsed.rows.len(), 2);
    let (row, first) = &parsed.rows[0];
    assert_eq!(*row, 2);
    assert_eq!(first.unit_price, dec("0.1"));
    assert_eq!(first.category, CostCategory::Logistics);
    assert_eq!(first.unit, Unit::LumpSum);
    assert_eq!(first.quantities.len(), 1);
    assert_eq!(parsed.rows[1].1.quantities[&3], dec("2.5"));
    assert_eq!(parsed.columns["unit_price"], "unit price (A)");
    assert_eq!(parsed.columns["quantities/Q3"], "Q3 (G)");
    let e = parsed.cell_error("1/unit", "no such unit");
    assert_eq!((e.row, e.column.as_deref()), (Some(3), Some("Unité (E)")));
}

#[test]
fn unknown_and_missing_columns_are_named() {
    let csv = "Activity,Category,Colour,Description,Unit,Q1\n7,logistics,red,Venue,event,1\n";
    let errors = cost_lines_file::read(csv.as_bytes(), FileKind::Csv, &Limits::default())
        .expect_err("bad header");
    let places: Vec<_> = errors.iter().map(at).collect();
    assert_eq!(
        places,
        vec![(Some(1), Some("Colour (C)")), (Some(1), Some("Unit price"))]
    );
    assert!(errors[1].message.contains("missing"));
}

/// A workbook as a finance officer would type it: French and English headers in any order,
/// numbers as numbers, a blank quantity, Arabic text.
fn cost_lines_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "Q2",
        "Activity",
        "Catégorie",
        "Description",
        "Description (ar)",
        "Unit",
        "Prix unitaire",
        "Currency",
        "Funder",
        "Q1",
    ];
    for (i, h) in header.iter().enumerate() {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    // Row 2: activity 7 typed as a number, price 1507.5, Q1 blank.
    ws.write_number(1, 0, 2.0).unwrap();
    ws.write_number(1, 1, 7.0).unwrap();
    ws.write_string(1, 2, "logistics").unwrap();
    ws.write_string(1, 3, "Venue").unwrap();
    ws.write_string(1, 4, "قاعة").unwrap();
    ws.write_string(1, 5, "event").unwrap();
    ws.write_number(1, 6, 1507.5).unwrap();
    ws.write_string(1, 7, "lbp").unwrap();
    ws.write_string(1, 8, "la").unwrap();
    // Row 3: activity 24.2 as text, a price with three decimals, quantities 0.1 and 0.2.
    ws.write_number(2, 0, 0.2).unwrap();
    ws.write_string(2, 1, "24.2").unwrap();
    ws.write_string(2, 2, "In-house expertise").unwrap();
    ws.write_string(2, 3, "Engineer").unwrap();
    ws.write_string(2, 5, "person-day").unwrap();
    ws.write_number(2, 6, 333.333).unwrap();
    ws.write_number(2, 9, 0.1).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_good_workbook_reads_back_exactly() {
    let bytes = cost_lines_workbook();
    let parsed = cost_lines_file::read(&bytes, FileKind::Xlsx, &Limits::default()).unwrap();
    let want = vec![
        (
            2,
            CostLineInputRow {
                activity: "7".into(),
                category: CostCategory::Logistics,
                description: handover_core::text::Text::en("Venue").with(Lang::Ar, "قاعة"),
                unit: Unit::Event,
                unit_price: dec("1507.5"),
                currency: Some(Currency::parse("LBP").unwrap()),
                funder: Some("la".into()),
                quantities: [(2, dec("2"))].into_iter().collect(),
            },
        ),
        (
            3,
            CostLineInputRow {
                activity: "24.2".into(),
                category: CostCategory::InHouseExpertise,
                description: handover_core::text::Text::en("Engineer"),
                unit: Unit::PersonDay,
                unit_price: dec("333.333"),
                currency: None,
                funder: None,
                quantities: [(1, dec("0.1")), (2, dec("0.2"))].into_iter().collect(),
            },
        ),
    ];
    assert_eq!(parsed.rows, want);
    assert_eq!(parsed.columns["unit_price"], "Prix unitaire (G)");
    assert_eq!(parsed.columns["quantities/Q1"], "Q1 (J)");
}

#[test]
fn rates_from_a_workbook_with_date_cells_and_from_a_csv() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (i, h) in ["Date", "Base", "Quote", "Rate type", "Rate", "Source"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let d = ExcelDateTime::from_ymd(2021, 7, 1).unwrap();
    ws.write_datetime_with_format(1, 0, &d, &date).unwrap();
    ws.write_string(1, 1, "USD").unwrap();
    ws.write_string(1, 2, "LBP").unwrap();
    ws.write_string(1, 3, "parallel market").unwrap();
    ws.write_number(1, 4, 20000.0).unwrap();
    ws.write_string(1, 5, "lirarate.org").unwrap();
    ws.write_string(2, 0, "2023-02-01").unwrap();
    ws.write_string(2, 1, "USD").unwrap();
    ws.write_string(2, 2, "LBP").unwrap();
    ws.write_string(2, 3, "official").unwrap();
    ws.write_string(2, 4, "15000").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let parsed = rates_file::read(&bytes, FileKind::Xlsx, &Limits::default()).unwrap();
    assert_eq!(parsed.rows.len(), 2);
    let r = &parsed.rows[0].1;
    assert_eq!(r.date, parse_date("2021-07-01").unwrap());
    assert_eq!(r.rate_type, RateType::ParallelMarket);
    assert_eq!(r.rate, dec("20000"));
    assert_eq!(r.source.as_deref(), Some("lirarate.org"));
    assert_eq!(parsed.rows[1].1.source, None);

    let csv = "Date;Base;Quote;Rate type;Rate\n\
               2021-07-01;USD;LBP;official;1507.5\n\
               01/07/2021;USD;USD;officiel;0\n\
               2021-07-01;USD;LBP;official;1500\n";
    let errors =
        rates_file::read(csv.as_bytes(), FileKind::Csv, &Limits::default()).expect_err("bad rates");
    let places: Vec<_> = errors.iter().map(at).collect();
    assert_eq!(
        places,
        vec![
            (Some(3), Some("Date (A)")),
            (Some(3), Some("Rate (E)")),
            (Some(3), Some("Quote (C)")),
            (Some(4), None),
        ],
        "{errors:#?}"
    );
    assert!(errors[3].message.contains("already on row 2"));
}

#[test]
fn a_non_utf8_csv_is_refused_at_its_row() {
    let mut csv = HEADER.as_bytes().to_vec();
    csv.extend_from_slice(b"7,logistics,Venue,,event,10,USD,,1,,\n");
    csv.extend_from_slice(b"8,logistics,Caf\xE9,,event,10,USD,,1,,\n");
    let errors = cost_lines_file::read(&csv, FileKind::Csv, &Limits::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(at(&errors[0]), (Some(3), Some("Description (C)")));
    assert!(errors[0].message.contains("UTF-8"), "{}", errors[0]);
}

#[test]
fn an_oversized_file_is_refused() {
    let limits = Limits::default();
    let mut big = HEADER.as_bytes().to_vec();
    big.resize(limits.max_file_bytes as usize + 1, b' ');
    for kind in [FileKind::Csv, FileKind::Xlsx] {
        let errors = cost_lines_file::read(&big, kind, &limits).unwrap_err();
        assert!(
            errors[0].message.contains("limit is 10.0 MiB"),
            "{}",
            errors[0]
        );
    }
}

/// A zip holding one entry of `zeros` bytes of zeros, written in chunks.
fn zip_of_zeros(name: &str, zeros: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", opts).unwrap();
    w.write_all(b"<Types/>").unwrap();
    w.start_file(name, opts).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    for _ in 0..zeros / chunk.len() {
        w.write_all(&chunk).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_compressed_bomb_is_refused_before_inflation() {
    let bomb = zip_of_zeros("xl/worksheets/sheet1.xml", 4 * 1024 * 1024);
    assert!(bomb.len() < 64 * 1024, "{} bytes", bomb.len());
    let e = check_workbook(&bomb, &Limits::default()).unwrap_err();
    assert!(e.message.contains("compressed bomb"), "{e}");
    let errors = cost_lines_file::read(&bomb, FileKind::Xlsx, &Limits::default()).unwrap_err();
    assert!(errors[0].message.contains("compressed bomb"));

    // Too much once inflated, or too many parts, under tighter limits.
    let tight = Limits {
        max_uncompressed_bytes: 1024,
        ..Limits::default()
    };
    let e = check_workbook(&cost_lines_workbook(), &tight).unwrap_err();
    assert!(e.message.contains("inflate to more than"), "{e}");
    let few = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    assert!(
        check_workbook(&cost_lines_workbook(), &few)
            .unwrap_err()
            .message
            .contains("parts")
    );
    assert!(check_workbook(b"not a zip", &Limits::default()).is_err());
    check_workbook(&cost_lines_workbook(), &Limits::default()).unwrap();
}

/// Offsets of every `sig` in `bytes`.
fn find_all(bytes: &[u8], sig: &[u8]) -> Vec<usize> {
    (0..bytes.len().saturating_sub(sig.len()))
        .filter(|i| bytes[*i..].starts_with(sig))
        .collect()
}

#[test]
fn an_entry_lying_about_its_size_stops_at_the_declared_size() {
    // Declares 100 bytes but inflates to 2 MiB: the checks pass on the declared size, and the
    // zip reader (the one calamine uses) stops the entry at it instead of inflating the rest.
    let mut liar = zip_of_zeros("xl/worksheets/sheet1.xml", 2 * 1024 * 1024);
    let local = find_all(&liar, b"PK\x03\x04")[1];
    let central = find_all(&liar, b"PK\x01\x02")[1];
    liar[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    liar[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    check_workbook(&liar, &Limits::default()).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(&liar[..])).unwrap();
    let mut entry = zip.by_name("xl/worksheets/sheet1.xml").unwrap();
    let (mut got, mut buf) = (0usize, [0u8; 4096]);
    let failed = loop {
        match entry.read(&mut buf) {
            Ok(0) => break false,
            Ok(n) => got += n,
            Err(_) => break true,
        }
    };
    assert!(failed && got <= 4096 + 100, "read {got} bytes");
}

#[test]
fn values_without_a_header_and_french_quarters() {
    let csv = "Activity,Category,Description,Unit,Unit price,T1\n\
               7,logistics,Venue,event,10,1,oops\n";
    let errors = cost_lines_file::read(csv.as_bytes(), FileKind::Csv, &Limits::default())
        .expect_err("a stray value");
    assert_eq!(
        errors.iter().map(at).collect::<Vec<_>>(),
        [(Some(2), Some("column G"))]
    );
    let ok = "Activity,Category,Description,Unit,Unit price,T1\n7,logistics,Venue,event,10,1\n";
    let parsed = cost_lines_file::read(ok.as_bytes(), FileKind::Csv, &Limits::default()).unwrap();
    assert_eq!(parsed.rows[0].1.quantities[&1], dec("1"));
    assert_eq!(parsed.columns["quantities"], "T1 (F)");
}

#[test]
fn a_far_away_cell_is_refused_without_building_a_dense_grid() {
    for (row, col, what) in [(0, 16_383, "columns"), (1_048_575, 0, "rows")] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "Activity").unwrap();
        ws.write_string(row, col, "far").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let errors = cost_lines_file::read(&bytes, FileKind::Xlsx, &Limits::default()).unwrap_err();
        assert!(errors[0].message.contains(what), "{}", errors[0]);
    }
}
