use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ObjId, ObjType, ROOT, ReadDoc, Value};

pub struct Am {
    doc: AutoCommit,
    to_other: sync::State,
    from_other: sync::State,
}

impl Am {
    fn obj(&self, key: &str) -> ObjId {
        match self.doc.get(ROOT, key) {
            Ok(Some((Value::Object(_), id))) => id,
            _ => panic!("no {key}"),
        }
    }
}

/// Runs the sync protocol between two peers until both are quiet.
fn exchange(a: &mut Am, b: &mut Am) -> usize {
    let mut bytes = 0;
    loop {
        let mut quiet = true;
        if let Some(m) = a.doc.sync().generate_sync_message(&mut a.to_other) {
            let wire = m.encode();
            bytes += wire.len();
            let m = sync::Message::decode(&wire).unwrap();
            b.doc.sync().receive_sync_message(&mut b.from_other, m).unwrap();
            quiet = false;
        }
        if let Some(m) = b.doc.sync().generate_sync_message(&mut b.from_other) {
            let wire = m.encode();
            bytes += wire.len();
            let m = sync::Message::decode(&wire).unwrap();
            a.doc.sync().receive_sync_message(&mut a.to_other, m).unwrap();
            quiet = false;
        }
        if quiet {
            return bytes;
        }
    }
}

impl crate::Replica for Am {
    fn new(actor: u8) -> Self {
        // Both start from one shared document, as a shared incident would.
        let mut base = AutoCommit::new().with_actor(ActorId::from(vec![0u8; 16]));
        base.put_object(ROOT, "timeline", ObjType::Map).unwrap();
        base.put_object(ROOT, "asks", ObjType::Map).unwrap();
        base.put_object(ROOT, "draft", ObjType::Text).unwrap();
        let saved = base.save();
        let doc = AutoCommit::load(&saved).unwrap().with_actor(ActorId::from(vec![actor; 16]));
        Am { doc, to_other: sync::State::new(), from_other: sync::State::new() }
    }
    fn add_event(&mut self, id: &str, json: &str) {
        let timeline = self.obj("timeline");
        self.doc.put(&timeline, id, json).unwrap();
        self.doc.commit();
    }
    fn type_char(&mut self, at: u32, c: char) {
        let draft = self.obj("draft");
        self.doc.splice_text(&draft, at as usize, 0, &c.to_string()).unwrap();
        self.doc.commit();
    }
    fn set_ask_field(&mut self, ask: &str, field: &str, value: &str) {
        let asks = self.obj("asks");
        let obj = match self.doc.get(&asks, ask).unwrap() {
            Some((Value::Object(_), id)) => id,
            _ => self.doc.put_object(&asks, ask, ObjType::Map).unwrap(),
        };
        self.doc.put(&obj, field, value).unwrap();
        self.doc.commit();
    }
    fn push_to(&mut self, other: &mut Self) -> usize {
        exchange(self, other)
    }
    fn reconcile(&mut self, other: &mut Self) -> usize {
        exchange(self, other)
    }
    fn events(&self) -> Vec<String> {
        let timeline = self.obj("timeline");
        self.doc.keys(&timeline).collect()
    }
    fn draft(&self) -> String {
        self.doc.text(self.obj("draft")).unwrap()
    }
    fn ask_field(&self, ask: &str, field: &str) -> Option<String> {
        let asks = self.obj("asks");
        let (_, obj) = self.doc.get(&asks, ask).ok()??;
        let (value, _) = self.doc.get(&obj, field).ok()??;
        value.into_string().ok()
    }
    fn saved_len(&mut self) -> usize {
        self.doc.save().len()
    }
}
