//! Agreements between partners and what they are measured by (SPEC §9; seed `001_…`): the kind
//! of agreement, whose interest each performance indicator serves ("indicators reflecting the
//! interests of the different stakeholders, and giving due attention to both the economic and
//! social aspects"), and the employment impact ("the quantity and quality (labour practices) of
//! jobs created", the share held by women, the share going to small local enterprises).

use crate::error::{Invalid, Problems};
use crate::text::Text;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

keyed_enum! {
    /// The kind of an agreement between partners.
    pub enum AgreementKind ("agreement kind") {
        /// An Agreement of Cooperation (AoC) between a local authority and its partner; an RTO
        /// plan's AoC is the plan's own AoC record.
        AgreementOfCooperation => "agreement_of_cooperation",
        /// A public-private partnership contract.
        PppContract => "ppp_contract",
        /// A memorandum of understanding.
        MemorandumOfUnderstanding => "memorandum_of_understanding",
        /// A service contract.
        ServiceContract => "service_contract",
    }
}

keyed_enum! {
    /// Whose interest a performance indicator of a partnership serves.
    pub enum InterestServed ("interest served") {
        /// The local authority's.
        LocalAuthority => "local_authority",
        /// The operator's (the company or organisation delivering the service).
        Operator => "operator",
        /// The citizens' (the users of the service, the poor first).
        Citizens => "citizens",
        /// The donor's or financing partner's.
        Donor => "donor",
        /// Another party's.
        Other => "other",
    }
}

/// The employment impact of a partnership: jobs created, how many are held by women and how
/// many went to small local enterprises, and their quality in words.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct EmploymentImpact {
    /// Jobs created.
    pub jobs_created: u32,
    /// Of those, jobs held by women.
    pub jobs_held_by_women: u32,
    /// Of those, jobs in small local enterprises.
    pub jobs_in_small_local_enterprises: u32,
    /// The quality of the jobs (labour practices), one text per language.
    pub quality: Text,
}

impl EmploymentImpact {
    /// Checks that neither part exceeds the jobs created; every problem names its field.
    pub fn new(
        jobs_created: u32,
        jobs_held_by_women: u32,
        jobs_in_small_local_enterprises: u32,
        quality: Text,
    ) -> Result<Self, Invalid> {
        let mut p = Problems::default();
        for (field, part, what) in [
            (
                "jobs_held_by_women",
                jobs_held_by_women,
                "jobs held by women",
            ),
            (
                "jobs_in_small_local_enterprises",
                jobs_in_small_local_enterprises,
                "jobs in small local enterprises",
            ),
        ] {
            if part > jobs_created {
                p.push(
                    field,
                    format!(
                        "{part} {what} is more than the {jobs_created} jobs created: it is a part of them"
                    ),
                );
            }
        }
        p.into_result()?;
        Ok(Self {
            jobs_created,
            jobs_held_by_women,
            jobs_in_small_local_enterprises,
            quality,
        })
    }

    /// The share of the jobs held by women, in per cent to one decimal (half to even); `None`
    /// when no job was created.
    pub fn women_share(&self) -> Option<Decimal> {
        percent(self.jobs_held_by_women, self.jobs_created)
    }

    /// The share of the jobs in small local enterprises, in per cent to one decimal (half to
    /// even); `None` when no job was created.
    pub fn small_local_enterprise_share(&self) -> Option<Decimal> {
        percent(self.jobs_in_small_local_enterprises, self.jobs_created)
    }
}

/// `part` of `whole` in per cent, to one decimal, half to even.
fn percent(part: u32, whole: u32) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let p = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    let mut p = p.round_dp_with_strategy(1, RoundingStrategy::MidpointNearestEven);
    p.rescale(1);
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_exact_percentages() {
        let e = EmploymentImpact::new(240, 84, 160, Text::en("formal contracts")).unwrap();
        assert_eq!(e.women_share().unwrap().to_string(), "35.0");
        assert_eq!(
            e.small_local_enterprise_share().unwrap().to_string(),
            "66.7"
        );
        // 1 of 8 is 12.5 exactly; 1 of 16 is 6.25, halved to even: 6.2.
        let e = EmploymentImpact::new(16, 1, 2, Text::default()).unwrap();
        assert_eq!(e.women_share().unwrap().to_string(), "6.2");
        assert_eq!(
            e.small_local_enterprise_share().unwrap().to_string(),
            "12.5"
        );
        assert_eq!(EmploymentImpact::default().women_share(), None);
    }

    #[test]
    fn parts_cannot_exceed_the_whole() {
        let e = EmploymentImpact::new(10, 11, 12, Text::default()).unwrap_err();
        assert_eq!(e.0.len(), 2);
        assert_eq!(e.0[0].field, "jobs_held_by_women");
        assert!(
            e.0[1].message.contains("more than the 10 jobs created"),
            "{e}"
        );
    }
}
