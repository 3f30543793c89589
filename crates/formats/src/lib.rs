//! Files in and out of Handover, as pure functions from text to domain values and back.

pub mod budget_book;
pub mod cost_lines_file;
mod finance_words;
pub mod iati;
pub mod rates_file;
pub mod sheet;
pub mod template;
