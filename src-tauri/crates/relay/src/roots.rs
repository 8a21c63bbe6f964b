//! The certificate authorities Herald trusts for HTTPS and SMTP: Mozilla's
//! roots (the same set browsers ship) and every certificate in the OS store,
//! where companies install their private and intercepting CAs. Comms leads
//! often work behind such a proxy; with Mozilla's roots alone every delivery
//! would fail with a TLS error there. The OS store is read once per run
//! (`SSL_CERT_FILE` and `SSL_CERT_DIR` override where it is looked for).

use std::sync::OnceLock;

/// DER certificates: Mozilla's first, then the OS store's.
pub fn trusted() -> &'static [Vec<u8>] {
    static ROOTS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots: Vec<Vec<u8>> = webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|c| c.as_ref().to_vec())
            .collect();
        // Unreadable entries in the OS store are skipped: one bad file must
        // not take every other authority with it.
        let native = rustls_native_certs::load_native_certs();
        for cert in native.certs {
            let der = cert.as_ref().to_vec();
            if !roots.contains(&der) {
                roots.push(der);
            }
        }
        roots
    })
}

/// The same roots for ureq.
pub(crate) fn for_http() -> ureq::tls::RootCerts {
    let certs: Vec<ureq::tls::Certificate<'static>> = trusted()
        .iter()
        .map(|der| ureq::tls::Certificate::from_der(der).to_owned())
        .collect();
    ureq::tls::RootCerts::new_with_certs(&certs)
}

/// The same roots for lettre's TLS parameters.
pub(crate) fn for_mail(
    host: &str,
) -> Result<lettre::transport::smtp::client::TlsParameters, String> {
    use lettre::transport::smtp::client::{CertificateStore, TlsParameters};
    let mut builder =
        TlsParameters::builder(host.to_owned()).certificate_store(CertificateStore::None);
    for der in trusted() {
        if let Ok(cert) = lettre::transport::smtp::client::Certificate::from_der(der.clone()) {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build_rustls()
        .map_err(|_| "the mail server's TLS settings could not be made".to_owned())
}
