//! Channel secrets in the OS keychain (Secret Service on Linux, Keychain on
//! macOS, Credential Manager on Windows) through the keyring crate. One entry
//! per channel holds the secret as JSON; SQLite keeps only the entry's name.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use herald_core::relay::ChannelSecret;
use herald_desk::{SecretError, SecretStore};

const SERVICE: &str = "Herald";

/// The keychain, with what it has answered kept in memory for the session:
/// the courier reads a channel's secret for every attempt, and a locked
/// keychain should ask the lead to unlock it once, not on every delivery.
#[derive(Default)]
pub struct Keychain {
    known: Mutex<HashMap<String, ChannelSecret>>,
}

impl std::fmt::Debug for Keychain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keychain")
    }
}

fn entry(reference: &str) -> Result<keyring::Entry, SecretError> {
    keyring::Entry::new(SERVICE, reference).map_err(explain)
}

/// Words for the lead; the keyring's own message never holds the secret.
fn explain(error: keyring::Error) -> SecretError {
    use keyring::Error as E;
    SecretError(match error {
        E::NoStorageAccess(_) | E::PlatformFailure(_) => format!(
            "No OS keychain is reachable ({error}). Start or unlock your keyring (Secret Service on Linux) \
             and try again; Herald never keeps a secret in plain text."
        ),
        other => format!("The OS keychain refused: {other}."),
    })
}

impl Keychain {
    fn known(&self) -> MutexGuard<'_, HashMap<String, ChannelSecret>> {
        self.known.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl SecretStore for Keychain {
    fn put(&self, reference: &str, secret: &ChannelSecret) -> Result<(), SecretError> {
        let text = serde_json::to_string(secret)
            .map_err(|_| SecretError("The secret could not be encoded.".into()))?;
        entry(reference)?.set_password(&text).map_err(explain)?;
        self.known().insert(reference.to_owned(), secret.clone());
        Ok(())
    }

    fn get(&self, reference: &str) -> Result<Option<ChannelSecret>, SecretError> {
        if let Some(secret) = self.known().get(reference) {
            return Ok(Some(secret.clone()));
        }
        match entry(reference)?.get_password() {
            Ok(text) => {
                let secret: ChannelSecret = serde_json::from_str(&text).map_err(|_| {
                    SecretError(
                        "The keychain entry for this channel is damaged; paste the secret again."
                            .into(),
                    )
                })?;
                self.known().insert(reference.to_owned(), secret.clone());
                Ok(Some(secret))
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(other) => Err(explain(other)),
        }
    }

    fn delete(&self, reference: &str) -> Result<(), SecretError> {
        self.known().remove(reference);
        match entry(reference)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(other) => Err(explain(other)),
        }
    }
}
