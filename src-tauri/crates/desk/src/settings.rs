//! Settings: the severity matrix.

use herald_core::SeverityMatrix;
use herald_store::settings;

use crate::{Desk, Error};

impl Desk {
    pub fn severity_matrix(&self) -> Result<SeverityMatrix, Error> {
        Ok(self.store.read(settings::severity_matrix)?)
    }

    /// Saves an edited matrix; a bad cell is named and nothing is saved.
    pub fn save_severity_matrix(&self, matrix: SeverityMatrix) -> Result<SeverityMatrix, Error> {
        matrix.validate()?;
        let now = self.clock.now();
        self.write(|tx| {
            settings::save_severity_matrix(tx, &matrix)?;
            self.refresh_all_deadlines(tx, "Severity matrix edited", now)
        })?;
        self.severity_matrix()
    }
}
