//! The real transport: HTTP through ureq, mail through lettre. Redirects are
//! never followed and every wait is bounded (connect 10 s, whole request 30 s).

use std::io::ErrorKind;
use std::time::Duration;

use herald_core::relay::{Email, HttpRequest, Reply, Request, SmtpSecurity, SmtpServer};
use herald_desk::{Attempt, Transport};
use lettre::message::{Mailbox, MultiPart, header};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::Tls;
use lettre::{Message, SmtpTransport, Transport as _};

/// How much of a response body is read: enough for any id or error message.
const MAX_BODY: u64 = 256 * 1024;

#[derive(Debug, Clone)]
pub struct Wire {
    agent: ureq::Agent,
    connect_timeout: Duration,
    whole_timeout: Duration,
}

impl Default for Wire {
    fn default() -> Self {
        Wire::with_timeouts(Duration::from_secs(10), Duration::from_secs(30))
    }
}

impl Wire {
    pub fn with_timeouts(connect: Duration, whole: Duration) -> Wire {
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(connect))
            .timeout_global(Some(whole))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent("Herald")
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(crate::roots::for_http())
                    .build(),
            )
            // HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (and NO_PROXY) are honoured,
            // as ureq reads them: where a company requires a proxy, nothing
            // else gets out. Mail (SMTP) never goes through a proxy.
            .proxy(ureq::Proxy::try_from_env())
            .build()
            .into();
        Wire {
            agent,
            connect_timeout: connect,
            whole_timeout: whole,
        }
    }

    fn http(&self, request: &HttpRequest) -> Attempt {
        let mut builder = ureq::http::Request::builder()
            .method(request.method)
            .uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = match builder.body(request.body.clone()) {
            Ok(built) => built,
            Err(_) => return Attempt::NotSent("the URL could not be used".into()),
        };
        match self.agent.run(built) {
            Ok(mut response) => {
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let status = response.status().as_u16();
                // A body past the cap (or one that breaks off) is marked, so a
                // lookup never mistakes "could not read" for "not there".
                let (body, truncated) = match response
                    .body_mut()
                    .with_config()
                    .limit(MAX_BODY)
                    .read_to_string()
                {
                    Ok(body) => (body, false),
                    Err(_) => (String::new(), true),
                };
                Attempt::Answered(Reply {
                    status,
                    retry_after,
                    body,
                    truncated,
                })
            }
            Err(error) => classify_error(&error),
        }
    }

    fn mail(&self, email: &Email) -> Attempt {
        let message = match build_message(email) {
            Ok(message) => message,
            Err(why) => return Attempt::NotSent(why),
        };
        let transport =
            match smtp_transport(&email.server, self.connect_timeout.max(self.whole_timeout)) {
                Ok(transport) => transport,
                Err(why) => return Attempt::NotSent(why),
            };
        match transport.send(&message) {
            Ok(response) => Attempt::Smtp {
                code: u16::from(response.code()),
                message: response.message().collect::<Vec<_>>().join(" "),
            },
            Err(error) => match error.status() {
                Some(code) => Attempt::Smtp {
                    code: u16::from(code),
                    message: error.to_string(),
                },
                // Refused before DATA finished means nothing was accepted;
                // a timeout or a dropped connection mid-DATA may have been.
                None if error.is_timeout() => {
                    Attempt::Unknown("the mail server stopped answering".into())
                }
                None => Attempt::NotSent(format!("could not talk to the mail server ({error})")),
            },
        }
    }
}

fn classify_error(error: &ureq::Error) -> Attempt {
    use ureq::Error as E;
    match error {
        E::Timeout(ureq::Timeout::Resolve | ureq::Timeout::Connect) => {
            Attempt::NotSent("the connection timed out".into())
        }
        E::Timeout(_) => Attempt::Unknown("the request timed out after it was sent".into()),
        E::HostNotFound => Attempt::NotSent("the host name was not found".into()),
        E::ConnectionFailed => Attempt::NotSent("the connection failed".into()),
        E::Io(io)
            if matches!(
                io.kind(),
                ErrorKind::ConnectionRefused | ErrorKind::AddrNotAvailable
            ) =>
        {
            Attempt::NotSent("the connection was refused".into())
        }
        // The resolver's failure reaches ureq as a plain IO error, not
        // HostNotFound: nothing was sent, so it must not read as "may have posted".
        E::Io(io) if io.to_string().contains("failed to lookup address") => {
            Attempt::NotSent("the host name was not found".into())
        }
        // rustls reports a refused certificate as invalid data during the
        // handshake, before anything is sent.
        E::Io(io)
            if io.kind() == ErrorKind::InvalidData && io.to_string().contains("certificate") =>
        {
            Attempt::NotSent(format!(
                "the secure connection failed: the server's certificate is not trusted ({io})"
            ))
        }
        E::Io(io) => Attempt::Unknown(format!("the connection broke ({})", io.kind())),
        E::Tls(_) | E::Rustls(_) => Attempt::NotSent("the secure connection failed".into()),
        _ => Attempt::NotSent("the request could not be made".into()),
    }
}

fn build_message(email: &Email) -> Result<Message, String> {
    let from: Mailbox = email
        .from
        .parse()
        .map_err(|_| "the sender address is not valid".to_owned())?;
    let mut builder = Message::builder()
        .from(from)
        .subject(email.subject.clone())
        .message_id(Some(email.message_id.clone()));
    // A correction threads under the mail it corrects.
    if let Some(original) = &email.in_reply_to {
        builder = builder
            .in_reply_to(original.clone())
            .references(original.clone());
    }
    for to in &email.to {
        builder = builder.to(to
            .parse()
            .map_err(|_| "a recipient address is not valid".to_owned())?);
    }
    builder
        .header(header::MIME_VERSION_1_0)
        .multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            email.html.clone(),
        ))
        .map_err(|e| format!("the mail could not be built ({e})"))
}

fn smtp_transport(server: &SmtpServer, timeout: Duration) -> Result<SmtpTransport, String> {
    let tls = || crate::roots::for_mail(&server.host);
    // "Dangerous" only means TLS is set below rather than by default:
    // plain SMTP is allowed by the channel check only to this machine.
    let mut builder = SmtpTransport::builder_dangerous(&server.host)
        .port(server.port)
        .timeout(Some(timeout));
    builder = match server.security {
        SmtpSecurity::Starttls => builder.tls(Tls::Required(tls()?)),
        SmtpSecurity::Tls => builder.tls(Tls::Wrapper(tls()?)),
        SmtpSecurity::None => builder.tls(Tls::None),
    };
    if !server.username.is_empty() {
        builder = builder.credentials(Credentials::new(
            server.username.clone(),
            server.password.clone(),
        ));
    }
    Ok(builder.build())
}

impl Transport for Wire {
    fn send(&self, request: &Request) -> Attempt {
        match request {
            Request::Http(http) => self.http(http),
            Request::Email(email) => self.mail(email),
        }
    }
}
