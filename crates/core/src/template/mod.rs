//! Templates: the text format plans are made from (the built-in RTO transition framework among
//! them), its rules, and the copy of a template into a new plan. A plan is a copy: editing it
//! never changes the template, and editing the template never changes existing plans.

mod instantiate;
mod spec;
mod validate;

pub use instantiate::{NewPlan, instantiate};
pub use spec::*;
pub use validate::validate;
