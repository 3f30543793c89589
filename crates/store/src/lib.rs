//! Handover's storage: the only place that talks to a database. One code path serves an
//! embedded SQLite file (the default) and PostgreSQL, chosen at run time from the URL. Every
//! function takes the [`Actor`](handover_core::actor::Actor) first and checks, in the same
//! transaction, that the record is inside the actor's scope; every write records its audit
//! entry in that transaction; stale versions are refused, never overwritten.

pub mod accounts;
pub mod audit;
mod codec;
mod connect;
pub mod cycle;
mod error;
pub mod finance;
pub mod framework;
mod migrate;
pub mod orgs;
pub mod partnerships;
pub mod plans;
mod rows;
pub mod templates;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod views;

pub use connect::{Backend, DatabaseUrl, Store};
pub use error::StoreError;

/// A result of a store function.
pub type StoreResult<T> = Result<T, StoreError>;
