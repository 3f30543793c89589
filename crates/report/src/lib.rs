//! Typeset reports (PDF through typst, with Arabic shaping). Kept in its own crate because
//! typst is heavy to compile; empty until the reporting work begins.
