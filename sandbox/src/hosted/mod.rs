//! Hosted mode: the gateway's own full-page checkout at a session's `session_url`
//! (`/hp/pay/<session_id>`), built from the same Drop-in as the embedded modes.
//!
//! The page loads the script-tag SDK from this origin (`/sdk/<version>/`, the files of
//! `scripts/build-sdk.sh`, folder `SANDBOX_SDK_DIR`) and mounts the Drop-in with `backendUrl`
//! `/hp`: the SDK's small JSON API is answered here, by the gateway itself, for that one session
//! (the session id, unguessable, is the shopper's only credential; nothing here takes a card
//! number in clear). When the payment succeeds the page sends the shopper to the session's
//! `return_url`, with `session_id` (which the merchant's return page must not trust: it asks
//! its backend).

mod answer;
mod api;
mod page;
mod sdk;

pub use page::stylesheet;

use crate::state::Shared;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/hp/pay/{session_id}", get(page::page))
        .route("/hp/hosted.js", get(page::script))
        .route("/hp/api/sessions/{session_id}", get(api::session))
        .route("/hp/api/sessions/{session_id}/result", get(api::result))
        .route("/hp/api/payments", post(api::pay))
        .route("/sdk/{version}/{*file}", get(sdk::sdk_file))
}
