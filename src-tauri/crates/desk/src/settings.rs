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
        self.store
            .write(|tx| settings::save_severity_matrix(tx, &matrix))
            .map_err(Error::from)?;
        self.severity_matrix()
    }
}
