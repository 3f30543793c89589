//! The partnering readiness assessment (seed `002_…`, SPEC §9): six questions a partnership
//! answers — with an answer, evidence and a state for each — and a summary of what is missing.
//!
//! The seed frames it as a "shift from traditional linear planning and implementation process to
//! adaptive change process: emphasis on the who and how as much as the what. Don't always start
//! with the vision (contesting visions)". The question texts below are the seed's own; the states
//! are our design (the seed gives none).

use crate::text::Text;
use serde::{Deserialize, Serialize};

keyed_enum! {
    /// One of the six questions of the partnering readiness assessment, in the seed's order.
    pub enum ReadinessQuestion ("readiness question") {
        /// Who needs to work together to achieve your objectives?
        WhoWorksTogether => "who_works_together",
        /// Who is mandated to convene and drive the partnering process?
        MandateToConvene => "mandate_to_convene",
        /// How can we achieve a shared vision?
        SharedVision => "shared_vision",
        /// How do we translate the vision into a common agenda?
        CommonAgenda => "common_agenda",
        /// How does this get translated into action (specific trust-building projects)?
        TrustBuildingProjects => "trust_building_projects",
        /// Are the partners willing and able to work together?
        WillingAndAble => "willing_and_able",
    }
}

impl ReadinessQuestion {
    /// The stable snake_case key (the same as [`Self::as_str`]).
    pub fn key(self) -> &'static str {
        self.as_str()
    }

    /// A short English name for headings and lists.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::WhoWorksTogether => "Who needs to work together",
            Self::MandateToConvene => "Who is mandated to convene and drive",
            Self::SharedVision => "A shared vision",
            Self::CommonAgenda => "A common agenda",
            Self::TrustBuildingProjects => "From agenda to specific trust-building projects",
            Self::WillingAndAble => "Willingness and ability to work together",
        }
    }

    /// The question in English, in the seed's words.
    pub fn question_en(self) -> &'static str {
        match self {
            Self::WhoWorksTogether => "Who needs to work together to achieve your objectives?",
            Self::MandateToConvene => {
                "Who is mandated to convene and drive the partnering process?"
            }
            Self::SharedVision => "How can we achieve a shared vision?",
            // The seed's slide reads "Translate vision into common agenda?".
            Self::CommonAgenda => "How do we translate the vision into a common agenda?",
            Self::TrustBuildingProjects => "How does this get translated into action?",
            Self::WillingAndAble => "Are the partners willing and able to work together?",
        }
    }

    /// What the seed says to consider in answering, in its words.
    pub fn guidance_en(self) -> &'static str {
        match self {
            Self::WhoWorksTogether => {
                "Joined-up mandates, jurisdictions, plans, people, resources, communications, \
                 legitimacy."
            }
            Self::MandateToConvene => "Steering, rowing, cheering.",
            Self::SharedVision => {
                "Specifically, how does a municipal vision become a ‘whole of society’ vision?"
            }
            Self::CommonAgenda => {
                "Understand competing positions and interests. Identify potential overlapping \
                 interests. Alignment of long term goals with priorities and activities of the \
                 partners."
            }
            Self::TrustBuildingProjects => "Focus on specific projects to build trust in action.",
            Self::WillingAndAble => {
                "Institutional cultures and behaviours, collaborative leadership."
            }
        }
    }
}

keyed_enum! {
    /// How far a readiness question has been addressed.
    pub enum ReadinessState ("readiness state") {
        /// Not addressed yet.
        NotStarted => "not_started",
        /// Being worked on: partly answered, or the answer is not yet agreed.
        InProgress => "in_progress",
        /// Answered and agreed by the partners.
        Met => "met",
    }
}

/// The partnership's answer to one readiness question.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct ReadinessAnswer {
    /// The question answered.
    pub question: ReadinessQuestion,
    /// How far it has been addressed.
    pub state: ReadinessState,
    /// The answer, one text per language (may be empty).
    pub answer: Text,
    /// The evidence for the answer (documents, decisions, meetings), one text per language.
    pub evidence: Text,
}

/// A question that is not met yet.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Unmet {
    /// The question.
    pub question: ReadinessQuestion,
    /// Its state (`not_started` when it has no answer at all).
    pub state: ReadinessState,
    /// Whether an answer has been written.
    pub has_answer: bool,
    /// Whether evidence has been recorded.
    pub has_evidence: bool,
}

/// What is missing from a readiness assessment, question by question in the seed's order.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct ReadinessSummary {
    /// The questions met.
    pub met: Vec<ReadinessQuestion>,
    /// The questions not met yet, in order.
    pub unmet: Vec<Unmet>,
    /// Questions marked met but with no evidence recorded, in order.
    pub met_without_evidence: Vec<ReadinessQuestion>,
}

impl ReadinessSummary {
    /// Every question is met.
    pub fn is_ready(&self) -> bool {
        self.unmet.is_empty()
    }

    /// How many of the six questions are met.
    pub fn met_count(&self) -> usize {
        self.met.len()
    }
}

/// Summarises the answers: which questions are not met (a question without an answer counts as
/// not started), and which are met without evidence. When several answers name the same
/// question, the last one counts.
pub fn summarise(answers: &[ReadinessAnswer]) -> ReadinessSummary {
    let mut summary = ReadinessSummary {
        met: Vec::new(),
        unmet: Vec::new(),
        met_without_evidence: Vec::new(),
    };
    for question in ReadinessQuestion::ALL {
        let answer = answers.iter().rev().find(|a| a.question == question);
        let state = answer.map_or(ReadinessState::NotStarted, |a| a.state);
        let has_answer = answer.is_some_and(|a| !a.answer.is_empty());
        let has_evidence = answer.is_some_and(|a| !a.evidence.is_empty());
        if state == ReadinessState::Met {
            summary.met.push(question);
            if !has_evidence {
                summary.met_without_evidence.push(question);
            }
        } else {
            summary.unmet.push(Unmet {
                question,
                state,
                has_answer,
                has_evidence,
            });
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(
        question: ReadinessQuestion,
        state: ReadinessState,
        evidence: &str,
    ) -> ReadinessAnswer {
        ReadinessAnswer {
            question,
            state,
            answer: Text::en("An answer"),
            evidence: Text::en(evidence),
        }
    }

    #[test]
    fn six_questions_in_the_seeds_order() {
        assert_eq!(ReadinessQuestion::ALL.len(), 6);
        assert_eq!(
            ReadinessQuestion::ALL[0],
            ReadinessQuestion::WhoWorksTogether
        );
        assert_eq!(ReadinessQuestion::ALL[5], ReadinessQuestion::WillingAndAble);
        for q in ReadinessQuestion::ALL {
            assert!(q.question_en().ends_with('?'), "{q}");
            assert!(!q.guidance_en().is_empty() && !q.name_en().is_empty());
            assert_eq!(q.key(), q.as_str());
        }
        assert_eq!(
            ReadinessQuestion::MandateToConvene.guidance_en(),
            "Steering, rowing, cheering."
        );
    }

    #[test]
    fn nothing_answered_means_everything_is_missing() {
        let s = summarise(&[]);
        assert!(!s.is_ready());
        assert_eq!(s.met_count(), 0);
        let unmet: Vec<_> = s.unmet.iter().map(|u| u.question).collect();
        assert_eq!(unmet, ReadinessQuestion::ALL);
        assert!(
            s.unmet
                .iter()
                .all(|u| u.state == ReadinessState::NotStarted && !u.has_answer)
        );
    }

    #[test]
    fn the_summary_lists_what_is_not_met_in_order() {
        use ReadinessQuestion as Q;
        use ReadinessState as S;
        let s = summarise(&[
            answer(Q::WillingAndAble, S::InProgress, ""),
            answer(Q::WhoWorksTogether, S::Met, "Stakeholder map of 12 May"),
            answer(Q::MandateToConvene, S::Met, ""),
            answer(Q::SharedVision, S::Met, "Vision statement"),
            answer(Q::CommonAgenda, S::NotStarted, ""),
            // A later answer to the same question replaces the earlier one.
            answer(Q::SharedVision, S::InProgress, "Draft vision"),
        ]);
        assert_eq!(s.met, [Q::WhoWorksTogether, Q::MandateToConvene]);
        assert_eq!(s.met_without_evidence, [Q::MandateToConvene]);
        let unmet: Vec<_> = s.unmet.iter().map(|u| (u.question, u.state)).collect();
        assert_eq!(
            unmet,
            [
                (Q::SharedVision, S::InProgress),
                (Q::CommonAgenda, S::NotStarted),
                (Q::TrustBuildingProjects, S::NotStarted),
                (Q::WillingAndAble, S::InProgress),
            ]
        );
        assert!(s.unmet[0].has_evidence && s.unmet[0].has_answer);
        assert!(!s.unmet[2].has_answer);
    }

    #[test]
    fn all_met_is_ready() {
        let all: Vec<_> = ReadinessQuestion::ALL
            .into_iter()
            .map(|q| answer(q, ReadinessState::Met, "Minutes"))
            .collect();
        let s = summarise(&all);
        assert!(s.is_ready() && s.met_without_evidence.is_empty());
        assert_eq!(s.met_count(), 6);
    }
}
