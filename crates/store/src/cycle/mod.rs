//! The plan's life after it is made: the quarterly reporting cycle, endorsement by every
//! party, the handover schedule, and the plan status that follows from them (SPEC §2, §6).

pub mod endorsements;
pub mod handover;
pub mod reports;
pub mod status;

pub use status::refresh_status;
