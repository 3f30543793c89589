//! Accounts: users sign in with an e-mail address and a password, and act for one of the
//! organisations they belong to, with a role there.

use serde::{Deserialize, Serialize};

/// The shortest password accepted (NIST SP 800-63B asks for at least 8; we ask a little more
/// since there is no second factor).
pub const MIN_PASSWORD_CHARS: usize = 10;

/// An e-mail address, trimmed and lower-cased, that identifies a user.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim().to_lowercase();
        let ok = s.len() <= 254
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
            && !s.chars().any(char::is_whitespace);
        if ok {
            Ok(Self(s))
        } else {
            Err(format!("`{s}` is not an e-mail address"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a new password against the policy; the password itself never appears in the message.
pub fn check_password(p: &str) -> Result<(), String> {
    if p.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password is too short: use at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if p.chars().count() > 1024 {
        return Err("the password is too long: use at most 1024 characters".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_passwords() {
        assert_eq!(
            Email::parse(" Rana@Example.ORG ").map(|e| e.to_string()),
            Ok("rana@example.org".into())
        );
        assert!(Email::parse("rana").is_err());
        assert!(Email::parse("rana@localhost").is_err());
        assert!(check_password("short").unwrap_err().contains("at least"));
        assert!(check_password("a sensible passphrase").is_ok());
    }
}
