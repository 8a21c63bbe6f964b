//! Where channel secrets live: a port the shell fills with the OS keychain.
//! Herald never falls back to keeping a secret anywhere else.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Mutex;

use herald_core::relay::ChannelSecret;

/// Why the keychain could not be used, in words the lead can act on. Never
/// holds the secret itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretError(pub String);

/// The OS keychain, or a stand-in in tests. Entries are named by reference.
pub trait SecretStore: Send + Sync + Debug {
    fn put(&self, reference: &str, secret: &ChannelSecret) -> Result<(), SecretError>;
    /// `None` when there is no entry by that name.
    fn get(&self, reference: &str) -> Result<Option<ChannelSecret>, SecretError>;
    fn delete(&self, reference: &str) -> Result<(), SecretError>;
}

/// What the desk uses until the shell hands it a keychain: every call says
/// there is none, so nothing is ever stored in plain text by mistake.
#[derive(Debug, Default)]
pub struct NoKeychain;

const NO_KEYCHAIN: &str = "No OS keychain is reachable, so Herald cannot store channel secrets. \
    Start your keyring (Secret Service on Linux) and try again; Herald never keeps a secret in plain text.";

impl SecretStore for NoKeychain {
    fn put(&self, _: &str, _: &ChannelSecret) -> Result<(), SecretError> {
        Err(SecretError(NO_KEYCHAIN.into()))
    }
    fn get(&self, _: &str) -> Result<Option<ChannelSecret>, SecretError> {
        Err(SecretError(NO_KEYCHAIN.into()))
    }
    fn delete(&self, _: &str) -> Result<(), SecretError> {
        Err(SecretError(NO_KEYCHAIN.into()))
    }
}

/// Secrets held in memory for one process: the use-case tests and the crash
/// harness, which have no keychain of their own. Never used by the app.
#[derive(Debug, Default)]
pub struct MemorySecrets {
    entries: Mutex<HashMap<String, ChannelSecret>>,
}

impl SecretStore for MemorySecrets {
    fn put(&self, reference: &str, secret: &ChannelSecret) -> Result<(), SecretError> {
        self.lock().insert(reference.to_owned(), secret.clone());
        Ok(())
    }
    fn get(&self, reference: &str) -> Result<Option<ChannelSecret>, SecretError> {
        Ok(self.lock().get(reference).cloned())
    }
    fn delete(&self, reference: &str) -> Result<(), SecretError> {
        self.lock().remove(reference);
        Ok(())
    }
}

impl MemorySecrets {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, ChannelSecret>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The keychain entry name for a channel's secret.
pub fn reference_for(channel_id: &str) -> String {
    format!("herald/channel/{channel_id}")
}
