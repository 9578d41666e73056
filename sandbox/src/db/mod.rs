//! SQLite storage. Records are JSON in a `data` column beside the columns they are looked up by.
//! One connection behind a mutex: every operation is short and synchronous, and each request's
//! writes happen in one SQLite transaction, so a refused request leaves nothing behind.
//!
//! One file per table group; the functions that take a `Transaction` run inside [`Db::with_tx`].

mod conn;
mod merchants;
mod payments;
mod tokens;
mod webhooks;

pub use conn::{Db, DbResult};
pub use merchants::*;
pub use payments::*;
pub use tokens::*;
pub use webhooks::*;
