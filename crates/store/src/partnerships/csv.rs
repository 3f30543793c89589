//! A round's results as CSV for spreadsheets: one row per dimension (key, English name, count,
//! median, lowest, highest, mean, band, change since the baseline), UTF-8 with a byte-order mark
//! so that spreadsheet programs read it as UTF-8, rows ended by CRLF (RFC 4180).

use super::results::{RoundResults, results};
use super::{PartnershipId, RoundId};
use crate::StoreResult;
use crate::connect::Store;
use handover_core::actor::Actor;

/// The header row.
pub const CSV_HEADER: [&str; 9] = [
    "key",
    "dimension",
    "count",
    "median",
    "min",
    "max",
    "mean",
    "band",
    "change",
];

/// A round's results as CSV text, starting with a UTF-8 byte-order mark.
pub fn results_csv(results: &RoundResults) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| (*s).to_owned()));
    for d in &results.dimensions {
        let opt = |v: Option<String>| v.unwrap_or_default();
        push_row(
            &mut out,
            [
                d.dimension.key().to_owned(),
                d.dimension.name_en().to_owned(),
                d.count.to_string(),
                opt(d.median.map(|m| m.to_string())),
                opt(d.min.map(|m| m.to_string())),
                opt(d.max.map(|m| m.to_string())),
                opt(d.mean.map(|m| m.to_string())),
                opt(d.band.map(|b| b.as_str().to_owned())),
                opt(d.change.map(|c| c.to_string())),
            ],
        );
    }
    out
}

/// The results of a round of a partnership in the actor's scope, as CSV.
pub async fn export_csv(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<String> {
    Ok(results_csv(
        &results(store, actor, partnership, round).await?,
    ))
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&f));
    }
    out.push_str("\r\n");
}

/// A field quoted when it holds a comma, a quote or a line break (quotes doubled).
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(quote("Resources"), "Resources");
        assert_eq!(
            quote("Culture, attitudes, leadership"),
            "\"Culture, attitudes, leadership\""
        );
        assert_eq!(quote("a \"b\""), "\"a \"\"b\"\"\"");
    }
}
