//! What the schema requires of an activity before the writer writes it: a missing required
//! part refuses the whole activity, with the part named.

use super::model::{DocumentLink, ExportActivity, IatiIndicator, IatiResult, Narrative};

/// The first required part the activity lacks, if any.
pub(crate) fn missing(a: &ExportActivity) -> Option<String> {
    let need = |ok: bool, what: &str| (!ok).then(|| what.to_owned());
    let o = a.reporting_org.as_ref();
    need(o.is_some(), "a reporting organisation")
        .or_else(|| {
            need(
                o.is_some_and(|o| o.iati_ref.is_some() && o.org_type.is_some()),
                "the reporting organisation's identifier and type",
            )
        })
        .or_else(|| {
            need(
                o.is_some_and(|o| has_text(&o.name)),
                "the reporting organisation's name",
            )
        })
        .or_else(|| need(has_text(&a.title), "a title"))
        .or_else(|| {
            need(
                !a.descriptions.is_empty() && a.descriptions.iter().all(|(_, n)| has_text(n)),
                "a description",
            )
        })
        .or_else(|| {
            need(
                !a.participating_orgs.is_empty(),
                "a participating organisation",
            )
        })
        .or_else(|| {
            need(
                a.participating_orgs.iter().all(|p| p.role.is_some()),
                "the role of every participating organisation",
            )
        })
        .or_else(|| {
            need(
                a.participating_orgs
                    .iter()
                    .all(|p| p.iati_ref.is_some() || has_text(&p.name)),
                "an identifier or a name for every participating organisation",
            )
        })
        .or_else(|| need(a.status.is_some(), "an activity status"))
        .or_else(|| {
            need(
                !a.dates.is_empty() && a.dates.iter().all(|d| d.kind.is_some() && d.date.is_some()),
                "activity dates, each with its type and date",
            )
        })
        .or_else(|| {
            need(
                a.sectors.iter().all(|s| !s.code.is_empty()),
                "a code for every sector",
            )
        })
        .or_else(|| {
            need(
                a.budgets.iter().all(|b| {
                    b.start.is_some()
                        && b.end.is_some()
                        && b.value.is_some()
                        && b.value_date.is_some()
                }),
                "the period, value and value date of every budget",
            )
        })
        .or_else(|| links(&a.document_links))
        .or_else(|| a.results.iter().find_map(result))
}

fn has_text(n: &[Narrative]) -> bool {
    !n.is_empty()
}

fn links(d: &[DocumentLink]) -> Option<String> {
    d.iter()
        .any(|l| {
            l.url.is_empty() || l.format.is_none() || !has_text(&l.title) || l.categories.is_empty()
        })
        .then(|| "the address, format, title and category of every document link".into())
}

fn result(r: &IatiResult) -> Option<String> {
    if r.level.is_none() {
        return Some("the type of every result".into());
    }
    if !has_text(&r.title) {
        return Some("the title of every result".into());
    }
    if r.indicators.is_empty() {
        return Some("an indicator in every result".into());
    }
    links(&r.document_links)
        .or_else(|| {
            r.references
                .iter()
                .any(|x| x.code.is_empty() || x.vocabulary.is_empty())
                .then(|| "the code and vocabulary of every reference".into())
        })
        .or_else(|| r.indicators.iter().find_map(indicator))
}

fn indicator(i: &IatiIndicator) -> Option<String> {
    if i.measure.is_none() {
        return Some("the measure of every indicator".into());
    }
    if !has_text(&i.title) {
        return Some("the title of every indicator".into());
    }
    if i.baselines
        .iter()
        .any(|b| b.year.is_none() && b.date.is_none())
    {
        return Some("the year of every baseline".into());
    }
    if i.periods
        .iter()
        .any(|p| p.start.is_none() || p.end.is_none())
    {
        return Some("the start and end of every indicator period".into());
    }
    links(&i.document_links)
        .or_else(|| i.baselines.iter().find_map(|b| links(&b.document_links)))
        .or_else(|| {
            i.periods
                .iter()
                .flat_map(|p| p.targets.iter().chain(&p.actuals))
                .find_map(|t| links(&t.document_links))
        })
}
