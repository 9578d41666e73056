//! What every request handler shares. In its own module (re-exported at the crate root) so
//! that the handlers and the login code reach it without importing the crate root, which
//! starts the server and so depends on them.

use crate::config::Config;
use crate::gateway::Gateway;
use crate::limits::Limits;
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
    /// Request-rate limits per client address and per session.
    pub limits: Limits,
}

pub type Shared = Arc<AppState>;
