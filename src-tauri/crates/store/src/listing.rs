//! A list read from a table where each row is read on its own: the rows that
//! read back, and the ones that did not, by id, with why. The board, the
//! watcher and the tray show what they can and name what they could not.

/// A row that is stored but does not read back into the domain type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The incident the row belongs to.
    pub id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<T> {
    pub rows: Vec<T>,
    pub unreadable: Vec<Unreadable>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            rows: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

impl<T> Listing<T> {
    pub(crate) fn push(&mut self, id: String, row: Result<T, crate::StoreError>) {
        match row {
            Ok(row) => self.rows.push(row),
            Err(e) => self.unreadable.push(Unreadable {
                id,
                reason: e.to_string(),
            }),
        }
    }
}
