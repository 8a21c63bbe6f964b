//! The connection that carries one shared incident to and from the server,
//! on its own thread, speaking the y-websocket protocol (sync step 1 and 2,
//! updates, awareness). It reconnects by itself; whatever was done while it
//! was down is merged by the next handshake.

use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tungstenite::client::IntoClientRequest;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message as Frame, WebSocket};
use yrs::sync::{Awareness, Message, MessageReader, SyncMessage};
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{Origin, ReadTxn, Subscription, Transact, Update};

use crate::SharedIncident;
use crate::server::{Endpoint, client_token};

/// The origin of changes that came from the server, so they are not sent back.
pub(crate) const REMOTE: &str = "remote";
/// How long a read waits before the thread looks at its outbox again.
const POLL: Duration = Duration::from_millis(25);
/// The longest wait between two attempts to reach the server.
const MOST_BACKOFF: Duration = Duration::from_secs(2);

/// Who has the incident open and which draft they are in, as every Herald
/// sharing it sees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub person: String,
    /// The audience whose draft they are editing, if any.
    pub editing: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    Connecting,
    /// Connected, and the server's copy has been merged in.
    Online,
    /// Not connected: why, in words for the lead (never with a token).
    Offline(String),
}

pub struct Link {
    stop: Arc<AtomicBool>,
    state: Arc<Mutex<LinkState>>,
    awareness: Arc<Awareness>,
    presence_changed: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    _local_changes: Subscription,
}

impl Link {
    /// Starts sharing `incident` through `endpoint` as `me`.
    pub fn start(incident: &SharedIncident, endpoint: Endpoint, me: &Presence) -> Link {
        let doc = incident.doc().clone();
        let awareness = Arc::new(Awareness::new(doc.clone()));
        let _ = awareness.set_local_state(me);
        let (outbox, changes) = channel::<Vec<u8>>();
        let remote = Origin::from(REMOTE);
        let local_changes = doc
            .observe_update_v1(move |txn, event| {
                if txn.origin() != Some(&remote) {
                    let _ = outbox.send(event.update.clone());
                }
            })
            .expect("a new document has no open transaction");
        let stop = Arc::new(AtomicBool::new(false));
        let state = Arc::new(Mutex::new(LinkState::Connecting));
        let presence_changed = Arc::new(AtomicBool::new(false));
        let session = Session {
            endpoint,
            awareness: awareness.clone(),
            changes,
            stop: stop.clone(),
            state: state.clone(),
            presence_changed: presence_changed.clone(),
        };
        let thread = std::thread::Builder::new()
            .name("herald-team-link".into())
            .spawn(move || session.run())
            .expect("the OS can start a thread");
        Link {
            stop,
            state,
            awareness,
            presence_changed,
            thread: Some(thread),
            _local_changes: local_changes,
        }
    }

    pub fn state(&self) -> LinkState {
        self.state
            .lock()
            .map(|s| s.clone())
            .unwrap_or(LinkState::Connecting)
    }

    /// The other people who have this incident open now.
    pub fn peers(&self) -> Vec<Presence> {
        let me = self.awareness.client_id();
        let mut peers: Vec<Presence> = self
            .awareness
            .iter()
            .filter(|(id, _)| *id != me)
            .filter_map(|(_, state)| serde_json::from_str(state.data.as_deref()?).ok())
            .collect();
        peers.sort_by(|a, b| a.person.cmp(&b.person));
        peers
    }

    /// Tells the others which draft this lead is in now.
    pub fn set_presence(&self, me: &Presence) {
        if self.awareness.set_local_state(me).is_ok() {
            self.presence_changed.store(true, Ordering::SeqCst);
        }
    }
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link")
            .field("state", &self.state())
            .finish_non_exhaustive()
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Session {
    endpoint: Endpoint,
    awareness: Arc<Awareness>,
    changes: Receiver<Vec<u8>>,
    stop: Arc<AtomicBool>,
    state: Arc<Mutex<LinkState>>,
    presence_changed: Arc<AtomicBool>,
}

type Socket = WebSocket<MaybeTlsStream<TcpStream>>;

impl Session {
    fn run(self) {
        let mut backoff = Duration::from_millis(100);
        while !self.stop.load(Ordering::SeqCst) {
            self.set_state(LinkState::Connecting);
            let reason = match self.connect() {
                Ok(socket) => {
                    backoff = Duration::from_millis(100);
                    self.serve(socket)
                }
                Err(reason) => reason,
            };
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            tracing::info!(target: "herald::team", "offline: {reason}");
            self.set_state(LinkState::Offline(reason));
            let until = Instant::now() + backoff;
            while Instant::now() < until && !self.stop.load(Ordering::SeqCst) {
                std::thread::sleep(POLL);
            }
            backoff = (backoff * 2).min(MOST_BACKOFF);
        }
    }

    fn set_state(&self, state: LinkState) {
        if let Ok(mut now) = self.state.lock() {
            *now = state;
        }
    }

    fn connect(&self) -> Result<Socket, String> {
        let token = client_token(&self.endpoint).map_err(|e| e.to_string())?;
        let mut url = format!("{}/{}", token.url, token.doc_id);
        if let Some(token) = &token.token {
            url.push_str("?token=");
            url.push_str(token);
        }
        let request = url
            .into_client_request()
            .map_err(|_| "the server gave an address that is not a WebSocket URL".to_owned())?;
        let host = request.uri().host().unwrap_or_default().to_owned();
        let secure = request.uri().scheme_str() == Some("wss");
        let port = request
            .uri()
            .port_u16()
            .unwrap_or(if secure { 443 } else { 80 });
        let address = (host.as_str(), port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut all| all.next())
            .ok_or_else(|| format!("{host} could not be resolved"))?;
        let tcp = TcpStream::connect_timeout(&address, Duration::from_secs(5))
            .map_err(|e| format!("{host}:{port} could not be reached: {e}"))?;
        let timeouts = tcp.try_clone().map_err(|e| e.to_string())?;
        let _ = timeouts.set_read_timeout(Some(Duration::from_secs(10)));
        let (socket, _) = tungstenite::client_tls_with_config(request, tcp, None, None)
            .map_err(|e| describe_handshake(&e))?;
        // Short reads from here on, so local changes go out while the
        // server is quiet. (The clone shares the socket, and its options.)
        let _ = timeouts.set_read_timeout(Some(POLL));
        Ok(socket)
    }

    /// Exchanges changes until the connection drops or the link stops;
    /// returns why it ended.
    fn serve(&self, mut socket: Socket) -> String {
        // What was done while offline goes in the handshake's answer, so the
        // queue of single changes made meanwhile is not needed.
        while self.changes.try_recv().is_ok() {}
        let doc = self.awareness.doc();
        let state_vector = doc.transact().state_vector();
        let mut hello = vec![Message::Sync(SyncMessage::SyncStep1(state_vector))];
        if let Ok(update) = self.awareness.update() {
            hello.push(Message::Awareness(update));
        }
        for message in hello {
            if let Err(reason) = send(&mut socket, message) {
                return reason;
            }
        }
        loop {
            if self.stop.load(Ordering::SeqCst) {
                let _ = socket.close(None);
                let _ = socket.flush();
                return "stopped".into();
            }
            while let Ok(update) = self.changes.try_recv() {
                if let Err(reason) = send(&mut socket, Message::Sync(SyncMessage::Update(update))) {
                    return reason;
                }
            }
            if self.presence_changed.swap(false, Ordering::SeqCst)
                && let Ok(update) = self.awareness.update()
                && let Err(reason) = send(&mut socket, Message::Awareness(update))
            {
                return reason;
            }
            match socket.read() {
                Ok(Frame::Binary(data)) => {
                    if let Err(reason) = self.receive(&mut socket, &data) {
                        return reason;
                    }
                }
                Ok(Frame::Close(_)) => return "the server closed the connection".into(),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) => {
                    return format!("the connection to the server was lost ({})", kind_of(&e));
                }
            }
        }
    }

    fn receive(&self, socket: &mut Socket, data: &[u8]) -> Result<(), String> {
        let mut decoder = DecoderV1::from(data);
        let mut replies = Vec::new();
        for message in MessageReader::new(&mut decoder) {
            let message = message
                .map_err(|e| format!("the server sent a message Herald cannot read: {e}"))?;
            match message {
                Message::Sync(SyncMessage::SyncStep1(theirs)) => {
                    let update = self
                        .awareness
                        .doc()
                        .transact()
                        .encode_state_as_update_v1(&theirs);
                    replies.push(Message::Sync(SyncMessage::SyncStep2(update)));
                }
                Message::Sync(SyncMessage::SyncStep2(update)) => {
                    self.apply(&update)?;
                    self.set_state(LinkState::Online);
                }
                Message::Sync(SyncMessage::Update(update)) => self.apply(&update)?,
                Message::Awareness(update) => {
                    let _ = self.awareness.apply_update(update);
                }
                Message::AwarenessQuery => {
                    if let Ok(update) = self.awareness.update() {
                        replies.push(Message::Awareness(update));
                    }
                }
                Message::Auth(Some(reason)) => {
                    return Err(format!("the server refused this incident: {reason}"));
                }
                Message::Auth(None) | Message::Custom(..) => {}
            }
        }
        for reply in replies {
            send(socket, reply)?;
        }
        Ok(())
    }

    fn apply(&self, update: &[u8]) -> Result<(), String> {
        let update = Update::decode_v1(update)
            .map_err(|e| format!("the server sent a change Herald cannot read: {e}"))?;
        self.awareness
            .doc()
            .transact_mut_with(REMOTE)
            .apply_update(update)
            .map_err(|e| format!("a change from the server could not be merged: {e}"))
    }
}

fn send(socket: &mut Socket, message: Message) -> Result<(), String> {
    socket
        .send(Frame::binary(message.encode_v1()))
        .map_err(|e| format!("the connection to the server was lost ({})", kind_of(&e)))
}

/// The kind of a WebSocket failure, without the address (it holds a token).
fn kind_of(error: &tungstenite::Error) -> String {
    match error {
        tungstenite::Error::Io(e) => e.kind().to_string(),
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => "closed".into(),
        tungstenite::Error::Protocol(p) => p.to_string(),
        other => format!("{:?}", std::mem::discriminant(other)),
    }
}

fn describe_handshake(
    error: &tungstenite::HandshakeError<tungstenite::ClientHandshake<MaybeTlsStream<TcpStream>>>,
) -> String {
    match error {
        tungstenite::HandshakeError::Failure(tungstenite::Error::Http(response)) => {
            match response.status().as_u16() {
                401 | 403 => "the server refused the connection token".into(),
                404 => "the server does not have this incident".into(),
                status => format!("the server answered HTTP {status} to the connection"),
            }
        }
        tungstenite::HandshakeError::Failure(e) => {
            format!("the connection could not be opened ({})", kind_of(e))
        }
        tungstenite::HandshakeError::Interrupted(_) => {
            "the server did not answer the connection in time".into()
        }
    }
}
