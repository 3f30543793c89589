//! The content hash of an imported activity: SHA-256 of everything the import makes of it
//! (its [`ImportPlan`], written out in full with `Debug`, streamed into the hash without an
//! intermediate string). Two reads of the same activity give the same hash; any change that
//! reaches the plan (a value, a title, a period, a budget, an organisation) changes it. A new
//! version of Handover that maps activities differently makes every activity look changed
//! once, which updates plans not edited since and is harmless.

use handover_formats::iati::ImportPlan;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Feeds formatted text into the hash.
struct Hasher(Sha256);

impl std::fmt::Write for Hasher {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// The activity's content hash, as 64 hex digits.
pub(crate) fn content_hash(p: &ImportPlan) -> String {
    let mut h = Hasher(Sha256::new());
    // Writing into a hash cannot fail.
    let _ = write!(h, "{p:?}");
    let digest = h.0.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}
