//! Reads shaped for the web workspace's pages, one module per area of the workspace.

pub mod audit;
pub mod plan;
