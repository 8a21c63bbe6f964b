//! Herald honours the usual proxy variables for webhooks and Statuspage (where
//! a company requires a proxy, nothing else gets out) and `NO_PROXY` for hosts
//! that must be reached directly. A loopback server stands in for the proxy:
//! a request for a host that does not exist can only reach it through the
//! proxy. ureq tunnels through the proxy with CONNECT (for http targets too),
//! which is what company proxies expect; the stand-in is a few lines of
//! Python that accepts the tunnel and answers the request inside it. Each case
//! runs in a child of this test binary, because the proxy is read from the
//! environment when the transport is made.

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use herald_core::relay::{HttpRequest, Request};
use herald_desk::{Attempt, Transport};
use herald_relay::Wire;

const PROXY: &str = r#"
import socket
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(5)
print(server.getsockname()[1], flush=True)
while True:
    conn, _ = server.accept()
    head = b""
    while b"\r\n\r\n" not in head:
        head += conn.recv(4096)
    print("ASKED", head.split(b"\r\n")[0].decode(), flush=True)
    conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk:
            break
        request += chunk
    print("TUNNELLED", request.split(b"\r\n")[0].decode(), flush=True)
    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
    conn.close()
"#;

const TARGET: &str = "http://hooks.herald-test.invalid/hook";

#[test]
fn the_proxy_from_the_environment_is_used_and_no_proxy_is_respected() {
    if std::env::var_os("HERALD_PROXY_CHILD").is_some() {
        let attempt = Wire::default().send(&Request::Http(HttpRequest {
            method: "POST",
            url: TARGET.into(),
            headers: vec![("content-type".into(), "application/json".into())],
            body: "{}".into(),
        }));
        match attempt {
            Attempt::Answered(reply) => println!("RESULT answered {}", reply.status),
            other => println!("RESULT {other:?}"),
        }
        return;
    }
    let mut proxy = Command::new("/usr/bin/python3")
        .args(["-c", PROXY])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let out = BufReader::new(proxy.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let port = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    let proxy_uri = format!("http://127.0.0.1:{}", port.trim());
    let child = |no_proxy: Option<&str>| {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args([
                "--exact",
                "the_proxy_from_the_environment_is_used_and_no_proxy_is_respected",
                "--nocapture",
            ])
            .env("HERALD_PROXY_CHILD", "1")
            .env("HTTP_PROXY", &proxy_uri);
        for name in [
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "http_proxy",
            "no_proxy",
        ] {
            command.env_remove(name);
        }
        match no_proxy {
            Some(hosts) => command.env("NO_PROXY", hosts),
            None => command.env_remove("NO_PROXY"),
        };
        let out = command.output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("RESULT ").map(str::to_owned))
            .unwrap_or_else(|| panic!("the child said nothing: {out:?}"))
    };
    let through = child(None);
    let seen: Vec<String> = rx.try_iter().collect();
    let direct = child(Some("hooks.herald-test.invalid"));
    let seen_after: Vec<String> = rx.try_iter().collect();
    let _ = proxy.kill();
    let _ = proxy.wait();
    assert_eq!(through, "answered 200", "through the proxy: {seen:?}");
    assert!(
        seen.contains(&"ASKED CONNECT hooks.herald-test.invalid:80 HTTP/1.1".to_owned()),
        "the proxy was asked for the real target: {seen:?}"
    );
    assert!(
        seen.contains(&"TUNNELLED POST /hook HTTP/1.1".to_owned()),
        "{seen:?}"
    );
    assert!(
        direct.starts_with("NotSent"),
        "NO_PROXY goes direct: {direct}"
    );
    assert!(
        seen_after.is_empty(),
        "NO_PROXY bypassed the proxy: {seen_after:?}"
    );
}
