//! Accounts: users with Argon2id password hashes, their memberships (a role in one or more
//! organisations), API tokens for scripts and browser sessions. Secrets (tokens, session ids)
//! are random, shown once, and stored only as SHA-256 hashes.

mod secret;
mod tokens;
mod users;

pub use secret::hash_secret;
pub use tokens::{TokenInfo, actor_for_token, create_token, list_tokens, revoke_token};
pub use users::{
    Membership, User, add_membership, add_user, find_user, list_users, remove_membership,
    set_disabled,
};
