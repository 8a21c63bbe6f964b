//! Herald's outward IO, behind the desk's ports: [`Wire`] sends requests over
//! HTTP and SMTP, [`Keychain`] keeps channel secrets in the OS keychain, and
//! [`Courier`] runs one lane per busy channel to drain the outbox.

mod courier;
mod keychain;
pub mod roots;
mod wire;

pub use courier::Courier;
pub use keychain::Keychain;
pub use wire::Wire;
