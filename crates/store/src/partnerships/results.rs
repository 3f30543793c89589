//! Results of the maturity assessment: per round and dimension the median, spread, mean and
//! number of answers, the band of the median, the change since the baseline round and a
//! recommendation (`aggregate::summarise_round`, `recommend::recommendation`); every round's
//! summary for the radar chart; and the portfolio's comparison of the latest round of every
//! partnership in scope.

use super::refs::PartnershipRef;
use super::rounds::{Round, RoundKind, load_all, load_one};
use super::tx::{Tx, scope_org, scope_sql, today};
use super::{PartnershipId, RoundId};
use crate::StoreResult;
use crate::codec;
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::Actor;
use handover_core::partnership::aggregate::summarise_round;
use handover_core::partnership::recommend::recommendation;
use handover_core::partnership::{Band, Dimension, Recommendation, RoundSummary, Score};
use rust_decimal::Decimal;
use serde::Serialize;

/// One dimension's result in a round.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct DimensionResult {
    /// The dimension.
    pub dimension: Dimension,
    /// How many respondents scored it.
    pub count: usize,
    /// The median score (a whole or a half score).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub median: Option<Decimal>,
    /// The lowest score given.
    pub min: Option<Score>,
    /// The highest score given.
    pub max: Option<Score>,
    /// The mean score, to two decimals.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub mean: Option<Decimal>,
    /// The band of the median.
    pub band: Option<Band>,
    /// The change of the median since the baseline round.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub change: Option<Decimal>,
    /// What to do next, given the band.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub recommendation: Option<Recommendation>,
}

/// The results of one round.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct RoundResults {
    /// The round.
    pub round: Round,
    /// The baseline round the changes are measured from, if any.
    pub baseline: Option<Round>,
    /// One result per dimension, in the order of the dimensions.
    pub dimensions: Vec<DimensionResult>,
    /// The summary as aggregated (for charts).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub summary: RoundSummary,
}

/// One partnership's latest results in the portfolio comparison.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct PortfolioRow {
    /// The partnership.
    pub partnership: PartnershipRef,
    /// Its latest round with answers, if any.
    pub round: Option<Round>,
    /// The median of each dimension in that round, in the order of the dimensions.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Option<String>>))]
    pub medians: Vec<Option<Decimal>>,
    /// The band of each median.
    pub bands: Vec<Option<Band>>,
}

/// The results of a round, with the changes since the partnership's baseline.
pub async fn results(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    round: RoundId,
) -> StoreResult<RoundResults> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let round = load_one(&mut tx, partnership, round).await?;
    let rounds = load_all(&mut tx, partnership).await?;
    let baseline = baseline_of(&round, &rounds).cloned();
    let summary = summary_of(&mut tx, round.id).await?;
    let base = match &baseline {
        Some(b) => Some(summary_of(&mut tx, b.id).await?),
        None => None,
    };
    tx.commit().await?;
    Ok(build(round, baseline, summary, base.as_ref()))
}

/// Every round of a partnership with its summary, oldest first (the radar chart's overlay).
pub async fn round_summaries(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
) -> StoreResult<Vec<(Round, RoundSummary)>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let rounds = load_all(&mut tx, partnership).await?;
    let mut out = vec![];
    for r in rounds {
        let s = summary_of(&mut tx, r.id).await?;
        out.push((r, s));
    }
    tx.commit().await?;
    Ok(out)
}

/// The medians of the latest round with answers of every partnership in the actor's scope.
pub async fn portfolio(store: &Store, actor: &Actor) -> StoreResult<Vec<PortfolioRow>> {
    let mut tx = Tx::begin(store, actor).await?;
    let sql = format!(
        "SELECT p.id, p.code, p.name FROM partnerships p WHERE {} ORDER BY p.code",
        scope_sql(actor, 1, 2)
    );
    let heads = tx.all(&sql, row![scope_org(actor), today()]).await?;
    let mut out = vec![];
    for h in &heads {
        let partnership = PartnershipRef::from_row(h, "")?;
        let rounds = load_all(&mut tx, partnership.id).await?;
        let latest = rounds.into_iter().rev().find(|r| r.responses > 0);
        let summary = match &latest {
            Some(r) => summary_of(&mut tx, r.id).await?,
            None => RoundSummary::default(),
        };
        let medians: Vec<Option<Decimal>> =
            summary.iter().map(|(_, s)| s.map(|s| s.median)).collect();
        out.push(PortfolioRow {
            partnership,
            round: latest,
            bands: medians.iter().map(|m| m.map(Band::of)).collect(),
            medians,
        });
    }
    tx.commit().await?;
    Ok(out)
}

/// The baseline a round is compared with: none for a baseline round; else the latest baseline
/// round assessed on or before it.
pub(super) fn baseline_of<'r>(round: &Round, rounds: &'r [Round]) -> Option<&'r Round> {
    if round.kind == RoundKind::Baseline {
        return None;
    }
    rounds.iter().rfind(|r| {
        r.kind == RoundKind::Baseline && r.id != round.id && r.assessed_on <= round.assessed_on
    })
}

/// Every score given in a round, aggregated.
pub(super) async fn summary_of(tx: &mut Tx<'_>, round: RoundId) -> StoreResult<RoundSummary> {
    let rows = tx
        .all(
            "SELECT dimension, score FROM maturity_scores WHERE round_id = $1 AND score IS NOT NULL",
            row![round.to_string()],
        )
        .await?;
    let mut scores = Vec::with_capacity(rows.len());
    for r in &rows {
        let d = codec::parsed(Dimension::parse(&r.text("dimension")?))?;
        let s = codec::parsed(Score::new(r.int("score")?).map_err(|e| e.to_string()))?;
        scores.push((d, s));
    }
    Ok(summarise_round(scores))
}

/// The results from a round's summary and its baseline's.
pub(super) fn build(
    round: Round,
    baseline: Option<Round>,
    summary: RoundSummary,
    base: Option<&RoundSummary>,
) -> RoundResults {
    let changes = base.map(|b| summary.changes_since(b)).unwrap_or_default();
    let dimensions = summary
        .iter()
        .map(|(d, s)| DimensionResult {
            dimension: d,
            count: s.map_or(0, |s| s.count),
            median: s.map(|s| s.median),
            min: s.map(|s| s.min),
            max: s.map(|s| s.max),
            mean: s.map(|s| s.mean),
            band: s.map(|s| s.band()),
            change: changes[d.index()],
            recommendation: s.map(|s| recommendation(d, s.band())),
        })
        .collect();
    RoundResults {
        round,
        baseline,
        dimensions,
        summary,
    }
}
