//! Files in and out of Handover, as pure functions from text to domain values and back.

pub mod template;
