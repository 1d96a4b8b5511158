//! Password policy and Argon2id hashing (server only).
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use super::model::{PASSWORD_MAX, PASSWORD_MIN};
use crate::error::AppError;

const COMMON: &str = include_str!("../../../content/common-passwords.txt");

/// Length 8–128 characters (so 64-character passphrases pass), not one of the commonest
/// passwords, not the e-mail address itself. Field `password`.
pub fn check_policy(password: &str, email: &str) -> Result<(), AppError> {
    let invalid = |message: String| Err(AppError::invalid("password", message));
    let chars = password.chars().count();
    if chars < PASSWORD_MIN {
        return invalid(format!("Das Passwort muss mindestens {PASSWORD_MIN} Zeichen lang sein."));
    }
    if chars > PASSWORD_MAX {
        return invalid(format!("Das Passwort darf höchstens {PASSWORD_MAX} Zeichen lang sein."));
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return invalid(
            "Dieses Passwort gehört zu den häufigsten und ist leicht zu erraten. Bitte wählen Sie ein anderes.".into(),
        );
    }
    let local = email.split('@').next().unwrap_or_default();
    if lower == email || (local.chars().count() >= 4 && lower == local) {
        return invalid("Das Passwort darf nicht Ihre E-Mail-Adresse sein.".into());
    }
    Ok(())
}

fn is_common(lower: &str) -> bool {
    COMMON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|l| l == lower)
}

/// Argon2id, version 0x13, OWASP parameters (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters"),
    )
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`). CPU-heavy: call off the async threads.
pub fn hash(password: &str) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AppError::internal("salt", e))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::internal("salt", e))?;
    argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| AppError::internal("hash", e))
}

/// Whether `password` matches the stored PHC string.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Spends the time of one verification, so an unknown e-mail answers as slowly as a wrong password.
pub fn verify_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash("revierjobs-timing-equaliser").unwrap_or_default());
    let _ = verify(password, phc);
}

/// Runs a hashing closure on the blocking pool.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| AppError::internal("password hashing task", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names_the_field_and_the_reason() {
        let e = |pw: &str| check_policy(pw, "anna@beispiel.de").unwrap_err().to_string();
        assert!(e("kurz").starts_with("password: Das Passwort muss mindestens 8"));
        assert!(e(&"x".repeat(129)).contains("höchstens 128"));
        assert!(e("Passwort123").contains("häufigsten"));
        assert!(e("ichliebedich").contains("häufigsten"));
        assert!(e("anna@beispiel.de").contains("E-Mail-Adresse"));
        assert!(check_policy(&"Ruhrpott ".repeat(8)[..64], "anna@beispiel.de").is_ok(), "64 characters");
        assert!(check_policy(&"ä".repeat(128), "anna@beispiel.de").is_ok(), "128 characters, not bytes");
        assert!(check_policy("Zeche Zollverein 1986", "anna@beispiel.de").is_ok());
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("Zeche Zollverein 1986").unwrap();
        let b = hash("Zeche Zollverein 1986").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "a fresh salt each time");
        assert!(verify("Zeche Zollverein 1986", &a));
        assert!(!verify("Zeche Zollverein 1987", &a));
        assert!(!verify("x", "not a hash"));
    }
}
