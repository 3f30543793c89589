//! Handover's domain: plans built from templates, their results frameworks, indicators,
//! periods, risks, who may act on them, and the audit of every change. Plain Rust, no I/O.

pub mod account;
pub mod actor;
pub mod audit;
pub mod calendar;
pub mod endorsement;
pub mod error;
pub mod finance;
pub mod handover;
pub mod ids;
pub mod indicator;
pub mod money;
#[cfg(feature = "openapi")]
mod openapi;
pub mod org;
pub mod partnership;
pub mod plan;
pub mod quality;
pub mod reporting;
pub mod risk;
pub mod template;
pub mod text;

pub use error::{FieldError, Invalid};
