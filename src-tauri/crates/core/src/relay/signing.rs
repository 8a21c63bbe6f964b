//! Standard Webhooks signatures: `v1,` + base64(HMAC-SHA256(key, "{id}.{ts}.{body}")),
//! with the key given as `whsec_` + base64.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error(
        "The signing secret must start with whsec_ followed by base64 (as Standard Webhooks receivers issue it)."
    )]
    Format,
    #[error("The signing secret must hold 24 to 64 bytes; this one holds {0}.")]
    Length(usize),
}

/// The key bytes of a `whsec_` secret, checked for the spec's 24..=64 bytes.
pub(crate) fn check_secret(secret: &str) -> Result<Vec<u8>, SigningError> {
    let encoded = secret.strip_prefix("whsec_").ok_or(SigningError::Format)?;
    let key = STANDARD.decode(encoded).map_err(|_| SigningError::Format)?;
    if !(24..=64).contains(&key.len()) {
        return Err(SigningError::Length(key.len()));
    }
    Ok(key)
}

/// The `webhook-signature` header value for one attempt.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, SigningError> {
    let key = check_secret(secret)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|_| SigningError::Format)?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example from the Standard Webhooks reference libraries' tests.
    #[test]
    fn matches_the_reference_example() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let signature = sign(
            secret,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        )
        .unwrap();
        assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn refuses_a_malformed_secret() {
        assert_eq!(check_secret("abc"), Err(SigningError::Format));
        assert_eq!(check_secret("whsec_!!"), Err(SigningError::Format));
        assert_eq!(check_secret("whsec_YWJj"), Err(SigningError::Length(3)));
    }
}
