use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Doc, GetString, Map, MapRef, Options, ReadTxn, StateVector, Text, Transact, Update};

pub struct Y {
    doc: Doc,
    /// Updates made locally since the last push, as the websocket provider
    /// would send them (one message per transaction).
    pending: Vec<Vec<u8>>,
}

fn framed(message: Message) -> Vec<u8> {
    message.encode_v1()
}

impl Y {
    fn apply(&self, update: &[u8]) {
        let mut txn = self.doc.transact_mut();
        txn.apply_update(Update::decode_v1(update).unwrap()).unwrap();
    }
}

impl crate::Replica for Y {
    fn new(actor: u8) -> Self {
        let doc = Doc::with_options(Options { client_id: actor as u64, ..Options::default() });
        Y { doc, pending: Vec::new() }
    }
    fn add_event(&mut self, id: &str, json: &str) {
        let timeline = self.doc.get_or_insert_map("timeline");
        let mut txn = self.doc.transact_mut();
        timeline.insert(&mut txn, id, json);
        self.pending.push(txn.encode_update_v1());
    }
    fn type_char(&mut self, at: u32, c: char) {
        let draft = self.doc.get_or_insert_text("draft");
        let mut txn = self.doc.transact_mut();
        draft.insert(&mut txn, at, &c.to_string());
        self.pending.push(txn.encode_update_v1());
    }
    fn set_ask_field(&mut self, ask: &str, field: &str, value: &str) {
        let asks = self.doc.get_or_insert_map("asks");
        let mut txn = self.doc.transact_mut();
        let obj: MapRef = match asks.get(&txn, ask) {
            Some(yrs::Out::YMap(m)) => m,
            _ => asks.insert(&mut txn, ask, yrs::MapPrelim::default()),
        };
        obj.insert(&mut txn, field, value);
        self.pending.push(txn.encode_update_v1());
    }
    fn push_to(&mut self, other: &mut Self) -> usize {
        let mut bytes = 0;
        for update in self.pending.drain(..) {
            let wire = framed(Message::Sync(SyncMessage::Update(update.clone())));
            bytes += wire.len();
            other.apply(&update);
        }
        bytes
    }
    fn reconcile(&mut self, other: &mut Self) -> usize {
        // y-websocket's handshake: each side sends its state vector (step 1)
        // and answers the other's with what it lacks (step 2).
        self.pending.clear();
        other.pending.clear();
        let sv_a = self.doc.transact().state_vector();
        let sv_b = other.doc.transact().state_vector();
        let for_b = self.doc.transact().encode_diff_v1(&sv_b);
        let for_a = other.doc.transact().encode_diff_v1(&sv_a);
        let mut bytes = 0;
        for m in [
            Message::Sync(SyncMessage::SyncStep1(sv_a)),
            Message::Sync(SyncMessage::SyncStep1(sv_b)),
            Message::Sync(SyncMessage::SyncStep2(for_b.clone())),
            Message::Sync(SyncMessage::SyncStep2(for_a.clone())),
        ] {
            bytes += framed(m).len();
        }
        other.apply(&for_b);
        self.apply(&for_a);
        bytes
    }
    fn events(&self) -> Vec<String> {
        let timeline = self.doc.get_or_insert_map("timeline");
        let txn = self.doc.transact();
        let mut keys: Vec<String> = timeline.keys(&txn).map(str::to_owned).collect();
        keys.sort();
        keys
    }
    fn draft(&self) -> String {
        let draft = self.doc.get_or_insert_text("draft");
        draft.get_string(&self.doc.transact())
    }
    fn ask_field(&self, ask: &str, field: &str) -> Option<String> {
        let asks = self.doc.get_or_insert_map("asks");
        let txn = self.doc.transact();
        match asks.get(&txn, ask)? {
            yrs::Out::YMap(m) => m.get(&txn, field).map(|v| v.to_string(&txn)),
            _ => None,
        }
    }
    fn saved_len(&mut self) -> usize {
        self.doc.transact().encode_state_as_update_v1(&StateVector::default()).len()
    }
}
