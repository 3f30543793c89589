//! Accounts: users with Argon2id password hashes, their memberships (a role in one or more
//! organisations), API tokens for scripts and browser sessions. Secrets (tokens, session ids)
//! are random, shown once, and stored only as SHA-256 hashes.

mod secret;
mod sessions;
mod sign_in;
mod tokens;
mod users;

pub use secret::hash_secret;
pub use sessions::{Session, end_session, session_for, start_session, switch_organisation};
pub use sign_in::{AccountLimit, SignInCheck, check_sign_in, check_sign_in_at};
pub use tokens::{
    TokenInfo, actor_for_token, create_token, create_token_as, list_tokens, revoke_token,
};
pub use users::{
    Membership, User, add_membership, add_user, find_user, list_users, remove_membership,
    set_disabled,
};
