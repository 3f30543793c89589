//! Results of a partnering maturity round: per dimension, the median of the respondents' scores,
//! their spread (lowest and highest), their mean and how many answered; the band of the median;
//! and the change of the median since the baseline round.
//!
//! The median leads because a few outlying answers should not move a small committee's result;
//! the mean is shown beside it. Arithmetic is exact (`Decimal`): the median of an even number of
//! answers is the mean of the two middle ones, so it is always a whole or a half score, kept to
//! one decimal (`3.0`, `3.5`); the mean is rounded once, to two decimals, half to even (`2.625`
//! becomes `2.62`).

use super::maturity::{Band, Dimension, Score};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The aggregate of one dimension's scores in one round.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct DimensionSummary {
    /// How many respondents scored the dimension (at least 1).
    pub count: usize,
    /// The median score, to one decimal (a whole or a half score).
    pub median: Decimal,
    /// The lowest score given.
    pub min: Score,
    /// The highest score given.
    pub max: Score,
    /// The mean score, rounded to two decimals, half to even.
    pub mean: Decimal,
}

impl DimensionSummary {
    /// The band of the median.
    pub fn band(&self) -> Band {
        Band::of(self.median)
    }

    /// The spread: the highest score less the lowest (0 when everyone agrees).
    pub fn spread(&self) -> u8 {
        self.max.get() - self.min.get()
    }
}

/// Summarises one dimension's scores (in any order); `None` when nobody scored it.
pub fn summarise(scores: &[Score]) -> Option<DimensionSummary> {
    let mut sorted: Vec<u8> = scores.iter().map(|s| s.get()).collect();
    sorted.sort_unstable();
    let (&lo, &hi) = (sorted.first()?, sorted.last()?);
    let n = sorted.len();
    let middle = Decimal::from(sorted[n / 2]);
    let mut median = if n % 2 == 1 {
        middle
    } else {
        (Decimal::from(sorted[n / 2 - 1]) + middle) / Decimal::TWO
    };
    median.rescale(1);
    let sum: u64 = sorted.iter().map(|&s| u64::from(s)).sum();
    let mut mean = (Decimal::from(sum) / Decimal::from(n as u64))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
    mean.rescale(2);
    Some(DimensionSummary {
        count: n,
        median,
        min: Score::new(i64::from(lo)).ok()?,
        max: Score::new(i64::from(hi)).ok()?,
        mean,
    })
}

/// The change of the median since the baseline (current less baseline), `None` when either
/// round has no answer for the dimension.
pub fn change(
    baseline: Option<&DimensionSummary>,
    current: Option<&DimensionSummary>,
) -> Option<Decimal> {
    Some(current?.median - baseline?.median)
}

/// The results of one round: a summary per dimension, in the order of [`Dimension::ALL`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct RoundSummary {
    /// One entry per dimension (by [`Dimension::index`]); `None` where nobody answered.
    pub dimensions: [Option<DimensionSummary>; 7],
}

impl RoundSummary {
    /// The summary of one dimension, `None` where nobody answered.
    pub fn get(&self, dimension: Dimension) -> Option<&DimensionSummary> {
        self.dimensions[dimension.index()].as_ref()
    }

    /// Every dimension with its summary, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Dimension, Option<&DimensionSummary>)> + '_ {
        Dimension::ALL
            .into_iter()
            .map(|d| (d, self.dimensions[d.index()].as_ref()))
    }

    /// The change of each dimension's median since `baseline`, in order.
    pub fn changes_since(&self, baseline: &RoundSummary) -> [Option<Decimal>; 7] {
        Dimension::ALL.map(|d| change(baseline.get(d), self.get(d)))
    }

    /// The medians as floating-point values for a chart (one per dimension, `None` where nobody
    /// answered).
    pub fn medians_for_chart(&self) -> Vec<Option<f64>> {
        self.dimensions
            .iter()
            .map(|s| s.and_then(|s| s.median.to_f64()))
            .collect()
    }
}

/// Summarises a round from every answer given in it (one respondent's score for one
/// dimension per pair, in any order).
pub fn summarise_round(answers: impl IntoIterator<Item = (Dimension, Score)>) -> RoundSummary {
    let mut by_dimension: [Vec<Score>; 7] = Default::default();
    for (dimension, score) in answers {
        by_dimension[dimension.index()].push(score);
    }
    RoundSummary {
        dimensions: by_dimension.map(|scores| summarise(&scores)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(v: &[i64]) -> Vec<Score> {
        v.iter().map(|&n| Score::new(n).unwrap()).collect()
    }

    fn of(v: &[i64]) -> DimensionSummary {
        summarise(&scores(v)).unwrap()
    }

    #[test]
    fn a_single_respondent_is_the_result() {
        let s = of(&[4]);
        assert_eq!(s.count, 1);
        assert_eq!(s.median.to_string(), "4.0");
        assert_eq!(s.mean.to_string(), "4.00");
        assert_eq!((s.min.get(), s.max.get(), s.spread()), (4, 4, 0));
        assert_eq!(s.band(), Band::AlignmentSeeking);
    }

    #[test]
    fn an_even_number_of_answers_takes_the_mean_of_the_middle_two() {
        let s = of(&[5, 2, 3, 6]);
        assert_eq!(s.median.to_string(), "4.0");
        let s = of(&[2, 3]);
        assert_eq!(s.median.to_string(), "2.5");
        assert_eq!(s.band(), Band::AlignmentSeeking);
        let s = of(&[1, 2, 2, 3]);
        assert_eq!(s.median.to_string(), "2.0");
        assert_eq!(s.band(), Band::Low);
        let s = of(&[4, 5]);
        assert_eq!(s.median.to_string(), "4.5");
        assert_eq!(s.band(), Band::PartneringSolutions);
        let s = of(&[3, 6, 4, 5, 1, 4]);
        assert_eq!(s.median.to_string(), "4.0");
        assert_eq!(s.band(), Band::AlignmentSeeking);
    }

    #[test]
    fn ties_and_spread() {
        let s = of(&[3, 3, 5, 3]);
        assert_eq!(s.median.to_string(), "3.0");
        assert_eq!(s.mean.to_string(), "3.50");
        assert_eq!(
            (s.min.get(), s.max.get(), s.spread(), s.count),
            (3, 5, 2, 4)
        );
        // A tie in the middle of an odd count.
        let s = of(&[6, 2, 4, 4, 1]);
        assert_eq!(s.median.to_string(), "4.0");
        assert_eq!(s.mean.to_string(), "3.40");
    }

    #[test]
    fn the_mean_is_rounded_once_half_to_even() {
        // 21 / 8 = 2.625 → 2.62 (half to even), not 2.63.
        assert_eq!(of(&[2, 2, 2, 3, 3, 3, 3, 3]).mean.to_string(), "2.62");
        // 23 / 8 = 2.875 → 2.88.
        assert_eq!(of(&[2, 3, 3, 3, 3, 3, 3, 3]).mean.to_string(), "2.88");
        // 10 / 3 = 3.333… → 3.33.
        assert_eq!(of(&[3, 3, 4]).mean.to_string(), "3.33");
    }

    #[test]
    fn a_dimension_nobody_scored_has_no_result() {
        assert_eq!(summarise(&[]), None);
        let round = summarise_round([
            (Dimension::Governance, Score::new(2).unwrap()),
            (Dimension::Governance, Score::new(3).unwrap()),
            (Dimension::Resources, Score::new(5).unwrap()),
        ]);
        assert_eq!(
            round.get(Dimension::Governance).unwrap().median.to_string(),
            "2.5"
        );
        assert_eq!(round.get(Dimension::Resources).unwrap().count, 1);
        assert_eq!(round.get(Dimension::Communications), None);
        assert_eq!(round.iter().filter(|(_, s)| s.is_some()).count(), 2);
        let chart = round.medians_for_chart();
        assert_eq!(chart.len(), 7);
        assert_eq!(chart[Dimension::Resources.index()], Some(5.0));
        assert_eq!(chart[Dimension::Activities.index()], None);
    }

    #[test]
    fn change_since_the_baseline_is_the_difference_of_medians() {
        let baseline = summarise_round(
            [
                (Dimension::Governance, 2),
                (Dimension::Governance, 3),
                (Dimension::Activities, 4),
            ]
            .map(|(d, n)| (d, Score::new(n).unwrap())),
        );
        let follow_up = summarise_round(
            [
                (Dimension::Governance, 4),
                (Dimension::Communications, 5),
                (Dimension::Activities, 3),
            ]
            .map(|(d, n)| (d, Score::new(n).unwrap())),
        );
        let changes = follow_up.changes_since(&baseline);
        assert_eq!(
            changes[Dimension::Governance.index()].unwrap().to_string(),
            "1.5"
        );
        assert_eq!(
            changes[Dimension::Activities.index()].unwrap().to_string(),
            "-1.0"
        );
        // Missing in the baseline, or in both: no change to show.
        assert_eq!(changes[Dimension::Communications.index()], None);
        assert_eq!(changes[Dimension::Resources.index()], None);
        assert_eq!(change(None, follow_up.get(Dimension::Governance)), None);
    }
}
