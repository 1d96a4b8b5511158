//! Accounts: shared types and the e-mail check (the password policy lives with the hashing, server-side).
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::AppError;

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// What a signed-in user sees of their own account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountInfo {
    pub email: String,
    pub created_at: DateTime<Utc>,
    /// Devices (sessions) currently signed in, this one included.
    pub sessions: u32,
}

/// Trims and lower-cases an address and checks its shape (field `email`).
pub fn normalize_email(raw: &str) -> Result<String, AppError> {
    let email = raw.trim().to_lowercase();
    let invalid = |message: &str| Err(AppError::invalid("email", message));
    if email.is_empty() {
        return invalid("Bitte geben Sie Ihre E-Mail-Adresse ein.");
    }
    if email.chars().count() > 254 {
        return invalid("Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return invalid("Die E-Mail-Adresse braucht ein @, z. B. name@beispiel.de.");
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok =
        !local.is_empty() && local.len() <= 64 && !local.contains(char::is_whitespace) && !local.contains('@');
    if !domain_ok || !local_ok {
        return invalid("Das ist keine gültige E-Mail-Adresse, z. B. name@beispiel.de.");
    }
    Ok(email)
}

/// A session ends after this long without use ...
pub const IDLE: Duration = Duration::days(30);
/// ... and after this long in any case.
pub const ABSOLUTE: Duration = Duration::days(180);
/// `last_seen` is written at most this often.
pub const TOUCH_EVERY: Duration = Duration::hours(1);
/// Whether a session created at `created` and last used at `last_seen` is still valid.
pub fn session_valid(created: DateTime<Utc>, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - last_seen < IDLE && now - created < ABSOLUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_lowercased_and_checked() {
        assert_eq!(normalize_email("  Anna.Muster@Beispiel.DE ").unwrap(), "anna.muster@beispiel.de");
        for bad in ["", "anna", "anna@", "@beispiel.de", "anna@beispiel", "an na@beispiel.de", "a@b@c.de", "a@.de"] {
            let err = normalize_email(bad).unwrap_err();
            assert!(err.to_string().starts_with("email: "), "{bad}: {err}");
        }
    }
}
