//! What to do next about a dimension, given the band its median falls in.
//!
//! Seed `002_…` gives recommendations for a few dimensions only, from the BRIP Steering
//! Committee's assessment, which sat in the alignment-seeking band ("Need to shift from
//! 'alignment seeking' (3-4) to 'partnering solutions' (5-6)"): on communications (a common
//! brand platform), on governance (structures that do not reward working together), on competing
//! and overlapping mandates (start with the problem, not the mandate), on leadership, and, in the
//! readiness questions, on trust-building projects. Those texts are used where they fit and are
//! marked [`Recommendation::from_seed`]. The other texts are ours: short, domain-sensible advice
//! in the spirit of the seed, following each dimension's definition.

use super::maturity::{Band, Dimension};
use serde::Serialize;

/// A recommendation for one dimension in one band.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Recommendation {
    /// The recommendation in English (pages translate it by dimension and band key).
    pub text_en: &'static str,
    /// The text takes the seed's own recommendation or finding (edited to stand alone); when
    /// false it is ours.
    pub from_seed: bool,
}

const fn seed(text_en: &'static str) -> Recommendation {
    Recommendation {
        text_en,
        from_seed: true,
    }
}

const fn ours(text_en: &'static str) -> Recommendation {
    Recommendation {
        text_en,
        from_seed: false,
    }
}

/// The recommendation for a dimension whose median falls in `band`.
pub fn recommendation(dimension: Dimension, band: Band) -> Recommendation {
    use Band::{AlignmentSeeking as Mid, Low, PartneringSolutions as High};
    use Dimension as D;
    match (dimension, band) {
        (D::GoalsAndObjectives, Low) => ours(
            "Bring the partners together to name the objectives each of them holds, find where \
             they overlap, and write down the first goal they share.",
        ),
        (D::GoalsAndObjectives, Mid) => seed(
            "Address the issue of competing and overlapping mandates and institutions: start \
             with the issue or problem that needs to be solved rather than the mandate of the \
             particular department or sphere of government.",
        ),
        (D::GoalsAndObjectives, High) => ours(
            "Review the shared goals with all partners at set intervals and keep them tied to \
             each partner's own plans and budgets.",
        ),
        (D::Resources, Low) => ours(
            "List what each partner brings — budgets, people, knowledge and ideas — and agree \
             one small joint activity that draws on more than one partner's resources.",
        ),
        (D::Resources, Mid) => ours(
            "Move from parallel budgets to combined ones: agree joint work plans with pooled or \
             co-funded lines and staff working across institutions.",
        ),
        (D::Resources, High) => ours(
            "Account for the combined resources together and plan how they continue when a \
             partner's funding cycle ends.",
        ),
        (D::Activities, Low) => seed(
            "Focus on specific projects to build trust in action: choose one project the \
             partners can plan and carry out together.",
        ),
        (D::Activities, Mid) => ours(
            "Co-create the next activities with the partners who will implement them, and share \
             their delivery rather than dividing it.",
        ),
        (D::Activities, High) => ours(
            "Record the jointly implemented solutions and what made them work, so that they can \
             be repeated and scaled.",
        ),
        (D::Communications, Low) => ours(
            "Start sharing data and information between the partners regularly, with one contact \
             person in each.",
        ),
        (D::Communications, Mid) => seed(
            "Develop a stronger common identity: promote the activities and achievements of all \
             the partners within a common system rather than one's own institution, programme or \
             projects. Develop a common brand platform, which allows all partners to tell their \
             own story within a common narrative framework, and make better use of digital \
             communications technology.",
        ),
        (D::Communications, High) => ours(
            "Keep the common narrative current: publish joint results regularly and let each \
             partner tell its own story within it.",
        ),
        (D::Governance, Low) => ours(
            "Agree who is mandated to convene and drive the partnering process — who steers, who \
             rows, who cheers — and how decisions are taken.",
        ),
        (D::Governance, Mid) => seed(
            "The structures and processes of partnering do not provide sufficient incentives to \
             form relationships and work together; collaboration is even disincentivised. \
             Change them so that working together is rewarded.",
        ),
        (D::Governance, High) => ours(
            "Keep the convening power shared, and review the partnership's decision making, \
             secretariat and logistics with all partners at set intervals.",
        ),
        (D::ProcessesTechnologiesSystems, Low) => ours(
            "Agree simple protocols for working together and one shared place for documents and \
             data.",
        ),
        (D::ProcessesTechnologiesSystems, Mid) => ours(
            "Set up shared online workspaces and common M&E tools, and make someone accountable \
             for activities in-between coordination meetings.",
        ),
        (D::ProcessesTechnologiesSystems, High) => ours(
            "Keep the shared systems jointly owned and maintained, and use the common M&E data to \
             steer the partnership.",
        ),
        (D::CultureAttitudesLeadership, Low) => seed(
            "Get your own house in order before working with others, then build trust through \
             small joint tasks and regular personal contact.",
        ),
        (D::CultureAttitudesLeadership, Mid) => seed(
            "Value the input and participation of all partners. Leaders should communicate the \
             big picture, not just their own personal interests and institutional agendas, and \
             translate divergent perspectives and ‘languages’ (political, managerial, citizen, \
             technical, academic) into a shared understanding.",
        ),
        (D::CultureAttitudesLeadership, High) => seed(
            "Keep leaders self-aware, reflective and adaptive; value spaces for experimentation \
             and innovation, and a culture that embraces diversity and difference to foster \
             innovation.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_has_a_distinct_recommendation_per_band() {
        let mut seen = std::collections::HashSet::new();
        for d in Dimension::ALL {
            for b in Band::ALL {
                let r = recommendation(d, b);
                assert!(r.text_en.ends_with('.'), "{d} {b}");
                assert!(!r.text_en.contains("  "), "{d} {b}");
                assert!(seen.insert(r.text_en), "repeated: {d} {b}");
            }
        }
        assert_eq!(seen.len(), 21);
    }

    #[test]
    fn the_seeds_own_recommendations_are_kept() {
        let r = recommendation(Dimension::Communications, Band::AlignmentSeeking);
        assert!(r.from_seed && r.text_en.contains("common brand platform"));
        assert!(!recommendation(Dimension::Resources, Band::Low).from_seed);
    }
}
