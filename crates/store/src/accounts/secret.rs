//! Random secrets and their stored hashes.

use sha2::{Digest, Sha256};

/// A new random secret: two v4 UUIDs' worth of randomness (244 bits) as 64 hex digits.
pub(crate) fn new_secret(prefix: &str) -> String {
    format!(
        "{prefix}{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// The SHA-256 of a secret, as stored (the secret itself never is).
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
