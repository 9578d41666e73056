//! What every request handler shares. In its own module (re-exported at the crate root) so
//! that the handlers and the login code reach it without importing the crate root, which
//! starts the server and so depends on them.

use crate::cleanup::Releases;
use crate::config::Config;
use crate::gateway::Gateway;
use crate::store::Store;
use std::sync::Arc;

pub struct AppState {
    pub cfg: Config,
    pub gateway: Gateway,
    pub store: Store,
    /// The secret a merchant's own server presents (`Authorization: Bearer ...`) to create
    /// sessions with any terms, capture and void: `BACKEND_SERVER_SECRET`, or generated into
    /// `<data_dir>/server_secret` (0600) on first start. Never sent to a browser.
    pub server_secret: String,
    /// Releases of shared records that failed on an unreachable database, to try again.
    pub releases: Releases,
}

pub type Shared = Arc<AppState>;
