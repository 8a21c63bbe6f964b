//! "Goes to": how far a publish to a channel reaches, asked for before the
//! lead publishes. A Statuspage page is asked for its subscriber count; every
//! other channel says its reach from its own settings. A count that cannot be
//! read is said, never an error: the lead can still publish.

use herald_core::relay::{self, Reach};
use herald_store::channels;

use crate::courier::{Attempt, Transport};
use crate::secrets::reference_for;
use crate::{Desk, Error};

impl Desk {
    pub fn channel_reach(&self, id: &str, transport: &dyn Transport) -> Result<Reach, Error> {
        let channel = self
            .store
            .read(|conn| channels::get(conn, id))?
            .ok_or_else(|| Error::not_found("That channel"))?;
        if let Some(reach) = relay::known_reach(&channel) {
            return Ok(reach);
        }
        let unread = |why: &str| relay::unavailable(&channel, why);
        let secret = match self.secrets().get(&reference_for(id)) {
            Ok(Some(secret)) => secret,
            Ok(None) => return Ok(unread("the API key is missing from the keychain")),
            Err(_) => return Ok(unread("the keychain could not be read")),
        };
        let request = relay::Request::Http(relay::statuspage_subscriber_count(&channel, &secret));
        Ok(match transport.send(&request) {
            Attempt::Answered(reply) => relay::subscriber_reach(&channel, &reply),
            Attempt::NotSent(why) | Attempt::Unknown(why) => {
                let why = crate::courier::scrub(&why, &secret);
                unread(&format!("Statuspage could not be reached: {why}"))
            }
            Attempt::Smtp { .. } => unread("Statuspage answered as a mail server"),
        })
    }
}
