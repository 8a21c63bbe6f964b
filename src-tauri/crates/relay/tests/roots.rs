//! HTTPS to a server whose certificate comes from a private CA: delivered once
//! that CA is in the OS store (here `SSL_CERT_FILE`, which the OS-store loader
//! reads), refused as a TLS failure when it is not. The server is Python's own
//! `http.server` wrapped in `ssl` on loopback; the CA and certificate are made
//! by the openssl command line for each run.
//!
//! Each case runs in a child of this test binary, because the trusted roots
//! are read once per process.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use herald_core::relay::{HttpRequest, Request};
use herald_desk::{Attempt, Transport};
use herald_relay::Wire;

const SERVER: &str = r#"
import http.server, ssl, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
"#;

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the openssl command line is needed (apt package openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A private CA and a certificate for localhost signed by it.
fn private_ca(dir: &Path) {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Herald test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign",
    ]);
    openssl(dir, &ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    openssl(dir, &csr);
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ],
    );
}

fn post(url: &str) -> Attempt {
    Wire::default().send(&Request::Http(HttpRequest {
        method: "POST",
        url: url.into(),
        headers: vec![("content-type".into(), "application/json".into())],
        body: "{}".into(),
    }))
}

#[test]
fn a_private_ca_in_the_os_store_is_trusted_and_nothing_else_is() {
    if let Ok(url) = std::env::var("HERALD_ROOTS_CHILD_URL") {
        // The child: one request with whatever SSL_CERT_FILE the parent set.
        match post(&url) {
            Attempt::Answered(reply) => println!("ANSWERED {}", reply.status),
            Attempt::NotSent(why) => println!("NOT SENT {why}"),
            other => println!("OTHER {other:?}"),
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    private_ca(dir.path());
    let mut server = Command::new("/usr/bin/python3")
        .args(["-c", SERVER])
        .arg(dir.path().join("server.pem"))
        .arg(dir.path().join("server.key"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut port = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut port)
        .unwrap();
    let url = format!("https://localhost:{}/hook", port.trim());
    let child = |cert_file: &Path| {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_private_ca_in_the_os_store_is_trusted_and_nothing_else_is",
                "--nocapture",
            ])
            .env("HERALD_ROOTS_CHILD_URL", &url)
            .env("SSL_CERT_FILE", cert_file)
            .env_remove("SSL_CERT_DIR")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        stdout
            .lines()
            .find(|l| {
                l.starts_with("ANSWERED") || l.starts_with("NOT SENT") || l.starts_with("OTHER")
            })
            .unwrap_or_else(|| panic!("the child said nothing: {stdout}"))
            .to_owned()
    };
    let trusted = child(&dir.path().join("ca.pem"));
    std::fs::write(dir.path().join("empty.pem"), "").unwrap();
    let untrusted = child(&dir.path().join("empty.pem"));
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(trusted, "ANSWERED 200");
    assert!(
        untrusted.starts_with(
            "NOT SENT the secure connection failed: the server's certificate is not trusted"
        ),
        "{untrusted}"
    );
}
