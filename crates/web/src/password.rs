//! Password hashing with argon2id, off the async threads.

use crate::error::AppError;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

/// argon2id cost; production uses OWASP's recommendation, tests a cheap setting.
#[derive(Debug, Clone, Copy)]
pub struct HashCost {
    /// Memory in KiB.
    pub m_kib: u32,
    pub t: u32,
}

impl Default for HashCost {
    fn default() -> Self {
        HashCost { m_kib: 19 * 1024, t: 2 }
    }
}

fn hasher(cost: HashCost) -> Result<Argon2<'static>, AppError> {
    let params = Params::new(cost.m_kib, cost.t, 1, None).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string.
pub async fn hash(cost: HashCost, password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let h = hasher(cost)?;
        h.hash_password(password.as_bytes()).map(|p| p.to_string()).map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Checks a password against a stored PHC string; a malformed hash never matches.
pub async fn verify(password: String, stored: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// A hash of a random password no one is told, for [`check`] to verify against when there is
/// no account. Made while the server starts, so it runs on the calling thread.
pub fn dummy_hash(cost: HashCost) -> String {
    let made = hasher(cost).and_then(|h| {
        h.hash_password(agora_db::random_token().as_bytes())
            .map(|p| p.to_string())
            .map_err(|e| AppError::Internal(e.to_string()))
    });
    // A cost argon2 refuses fails every sign-up and sign-in alike; an empty hash never matches.
    made.unwrap_or_default()
}

/// Whether `password` is the account's, given the account's stored hash, or `None` when no
/// account has the address. Exactly one argon2 run either way, against `dummy` (see
/// [`dummy_hash`]) when there is no account, so the time taken does not tell whether an
/// address is registered.
pub async fn check(stored: Option<String>, password: String, dummy: &str) -> bool {
    let known = stored.is_some();
    let matches = verify(password, stored.unwrap_or_else(|| dummy.to_owned())).await;
    known && matches
}
