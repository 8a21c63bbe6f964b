//! The shared record of one incident, as a Yjs document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use yrs::updates::decoder::Decode;
use yrs::{Doc, GetString, Map, OffsetKind, Options, ReadTxn, StateVector, Text, Transact, Update};

use crate::TeamError;
use crate::draft::rebase;

/// Logs that only grow: an entry is written once, by id, and never changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Log {
    Timeline,
    Ledger,
    Syncs,
    Snoozes,
}

impl Log {
    fn name(self) -> &'static str {
        match self {
            Log::Timeline => "timeline",
            Log::Ledger => "ledger",
            Log::Syncs => "syncs",
            Log::Snoozes => "snoozes",
        }
    }
}

/// One writer's value for a field, and when it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub value: String,
    /// Milliseconds since the epoch on the writer's clock.
    pub at_ms: i64,
    /// Who wrote it (the person, as the timeline names them).
    pub by: String,
}

/// Fields are kept per writer under "field␟writer", so two Heralds editing
/// one field apart both keep their write and every Herald picks the same
/// newest one. (A nested map per field would lose one writer's map when both
/// created it apart.)
const FIELDS: &str = "fields";
const SEPARATOR: char = '\u{1f}';
const REMOVED: &str = "removed:";

pub struct SharedIncident {
    doc: Doc,
}

impl std::fmt::Debug for SharedIncident {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedIncident")
            .field("peer", &self.doc.client_id())
            .finish_non_exhaustive()
    }
}

impl SharedIncident {
    /// A new, empty shared record for this Herald; `peer` must differ
    /// between Heralds sharing it (Yjs orders concurrent inserts by it). It
    /// is 32 bits because that is what the wire carries: a wider id comes
    /// back cut short, and the document then takes its own edits for
    /// another writer's and doubles them.
    pub fn new(peer: u32) -> Self {
        let doc = Doc::with_options(Options {
            client_id: u64::from(peer),
            // Rust strings are UTF-8, so offsets are bytes (on char
            // boundaries, which `splice` keeps).
            offset_kind: OffsetKind::Bytes,
            ..Options::default()
        });
        SharedIncident { doc }
    }

    /// The record as this Herald saved it, to carry on offline or after a
    /// restart.
    pub fn load(peer: u32, saved: &[u8]) -> Result<Self, TeamError> {
        let shared = SharedIncident::new(peer);
        let update = Update::decode_v1(saved).map_err(|e| TeamError::Damaged(e.to_string()))?;
        shared
            .doc
            .transact_mut()
            .apply_update(update)
            .map_err(|e| TeamError::Damaged(e.to_string()))?;
        Ok(shared)
    }

    /// Everything this Herald knows, to keep beside its database.
    pub fn save(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }

    pub(crate) fn doc(&self) -> &Doc {
        &self.doc
    }

    /// Adds an entry to a log; an id already there is left as it is.
    /// Returns whether it was new.
    pub fn append(&self, log: Log, id: &str, json: &str) -> bool {
        let map = self.doc.get_or_insert_map(log.name());
        let mut txn = self.doc.transact_mut();
        if map.contains_key(&txn, id) {
            return false;
        }
        map.insert(&mut txn, id, json);
        true
    }

    /// A log's entries by id.
    pub fn entries(&self, log: Log) -> BTreeMap<String, String> {
        let map = self.doc.get_or_insert_map(log.name());
        let txn = self.doc.transact();
        map.iter(&txn)
            .map(|(id, value)| (id.to_owned(), value.to_string(&txn)))
            .collect()
    }

    /// Writes this Herald's value for a field.
    pub fn set_field(&self, field: &str, value: &FieldValue) {
        let map = self.doc.get_or_insert_map(FIELDS);
        let key = format!("{field}{SEPARATOR}{}", self.doc.client_id());
        let json = serde_json::to_string(value).unwrap_or_default();
        map.insert(&mut self.doc.transact_mut(), key, json);
    }

    /// The newest value anyone wrote for a field; a tie in time goes to the
    /// writer named last, so every Herald agrees.
    pub fn field(&self, field: &str) -> Option<FieldValue> {
        self.fields(field).remove(field)
    }

    /// Every field whose name starts with `prefix`, each with its newest value.
    pub fn fields(&self, prefix: &str) -> BTreeMap<String, FieldValue> {
        let map = self.doc.get_or_insert_map(FIELDS);
        let txn = self.doc.transact();
        let mut newest: BTreeMap<String, FieldValue> = BTreeMap::new();
        for (key, value) in map.iter(&txn) {
            let Some((field, _writer)) = key.split_once(SEPARATOR) else {
                continue;
            };
            if !field.starts_with(prefix) {
                continue;
            }
            let Ok(value) = serde_json::from_str::<FieldValue>(&value.to_string(&txn)) else {
                continue;
            };
            match newest.get(field) {
                Some(seen) if (seen.at_ms, &seen.by) >= (value.at_ms, &value.by) => {}
                _ => {
                    newest.insert(field.to_owned(), value);
                }
            }
        }
        newest
    }

    /// Takes a person out of the shared incident: every Herald stops showing
    /// them, and theirs stops sharing when it reads this.
    pub fn remove_person(&self, person: &str, by: &str, at_ms: i64) {
        self.set_field(
            &format!("{REMOVED}{person}"),
            &FieldValue {
                value: person.to_owned(),
                at_ms,
                by: by.to_owned(),
            },
        );
    }

    /// The people taken out of the shared incident, each with who did it.
    pub fn removed(&self) -> BTreeMap<String, String> {
        self.fields(REMOVED)
            .into_values()
            .map(|v| (v.value, v.by))
            .collect()
    }

    /// Applies the lead's edit of a draft, from the text they saw (`seen`)
    /// to what they have now (`text`), onto the draft as it is, in one
    /// transaction: what others typed meanwhile elsewhere in it stays, and
    /// where both touched the same words the lead's version of them wins.
    pub fn revise_draft(&self, audience: &str, seen: &str, text: &str) {
        let draft = self.doc.get_or_insert_text(format!("draft:{audience}"));
        let mut txn = self.doc.transact_mut();
        let shared = draft.get_string(&txn);
        let (start, end, insert) = rebase(seen, text, &shared);
        if end > start {
            draft.remove_range(&mut txn, start as u32, (end - start) as u32);
        }
        if !insert.is_empty() {
            draft.insert(&mut txn, start as u32, &insert);
        }
    }

    /// Replaces a draft's text with `text`, as the smallest edit.
    pub fn set_draft(&self, audience: &str, text: &str) {
        let now = self.draft(audience);
        self.revise_draft(audience, &now, text);
    }

    pub fn draft(&self, audience: &str) -> String {
        let draft = self.doc.get_or_insert_text(format!("draft:{audience}"));
        draft.get_string(&self.doc.transact())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brings two records together the way the server's handshake does.
    fn merge(a: &SharedIncident, b: &SharedIncident) {
        let for_b = a
            .doc
            .transact()
            .encode_diff_v1(&b.doc.transact().state_vector());
        let for_a = b
            .doc
            .transact()
            .encode_diff_v1(&a.doc.transact().state_vector());
        for (doc, update) in [(&b.doc, for_b), (&a.doc, for_a)] {
            let update = Update::decode_v1(&update).expect("update");
            doc.transact_mut().apply_update(update).expect("apply");
        }
    }

    fn value(value: &str, at_ms: i64, by: &str) -> FieldValue {
        FieldValue {
            value: value.into(),
            at_ms,
            by: by.into(),
        }
    }

    #[test]
    fn edits_made_apart_merge_the_same_way_on_both_sides() {
        let a = SharedIncident::new(1);
        let b = SharedIncident::new(2);
        a.set_draft("customers", "We are investigating errors at checkout.");
        merge(&a, &b);

        assert!(a.append(Log::Timeline, "a-1", r#"{"kind":"declared"}"#));
        assert!(!a.append(Log::Timeline, "a-1", r#"{"kind":"other"}"#));
        b.append(Log::Timeline, "b-1", r#"{"kind":"ic_sync"}"#);
        a.set_draft(
            "customers",
            "We are investigating errors at checkout. Next update by 21:00 UTC.",
        );
        b.set_draft(
            "customers",
            "UPDATE: We are investigating errors at checkout.",
        );
        // B wrote later, A's clock says earlier: B's owner wins everywhere.
        a.set_field("ask-1.owner", &value("Ana", 1_000, "Ana"));
        b.set_field("ask-1.owner", &value("Bo", 2_000, "Bo"));
        merge(&a, &b);

        assert_eq!(a.entries(Log::Timeline), b.entries(Log::Timeline));
        assert_eq!(a.entries(Log::Timeline)["a-1"], r#"{"kind":"declared"}"#);
        assert_eq!(a.entries(Log::Timeline).len(), 2);
        assert_eq!(
            a.draft("customers"),
            "UPDATE: We are investigating errors at checkout. Next update by 21:00 UTC."
        );
        assert_eq!(a.draft("customers"), b.draft("customers"));
        assert_eq!(a.field("ask-1.owner"), Some(value("Bo", 2_000, "Bo")));
        assert_eq!(b.field("ask-1.owner"), a.field("ask-1.owner"));
        assert_eq!(a.field("ask-2.owner"), None);
    }

    #[test]
    fn a_saved_record_loads_back_and_a_damaged_one_is_refused() {
        let a = SharedIncident::new(1);
        a.append(Log::Ledger, "u-1", "{}");
        a.set_draft("executives", "Exec draft — naïve café");
        let again = SharedIncident::load(1, &a.save()).expect("loads");
        assert_eq!(again.entries(Log::Ledger).len(), 1);
        assert_eq!(again.draft("executives"), "Exec draft — naïve café");
        let error = SharedIncident::load(1, b"\xff\xff\xff not yjs").expect_err("refused");
        assert!(error.to_string().contains("damaged"), "{error}");
    }
}
