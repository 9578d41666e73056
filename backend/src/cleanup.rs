//! Releases that failed because the database was unreachable, tried again once it is back.
//!
//! A payment that fails on an unreachable database answers 503 and must let its retry through:
//! its idempotency key is released (the gateway de-duplicates by the key, so a charge made
//! before the failure is answered, not made again) and its attempt lock dropped. With the
//! database down those writes fail too; kept here, they are done within a second of the
//! database's return, instead of the retry waiting for the claim to go stale (`STALE_LOCK_MS`).
//! Only liveness rests on this list: if this instance dies with it, the leases expire.

use crate::store::Store;
use crate::support::lock;
use std::sync::Mutex;

/// A write that undoes a hold on a shared record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Release {
    /// `Store::release_claim`.
    Claim(String),
    /// `Store::unlock_attempt`.
    Attempt(String),
    /// `Store::unlock_operation` (name, holder).
    Operation(String, String),
}

/// Releases to try again; at most this many are kept (past it, the oldest wait for staleness).
const MAX_KEPT: usize = 10_000;

#[derive(Default)]
pub struct Releases(Mutex<Vec<Release>>);

impl Releases {
    /// Does `r` now, or keeps it for [`Releases::retry`] when the database is unreachable.
    pub async fn release(&self, store: &Store, r: Release) {
        if apply(store, &r).await.is_err() {
            let mut kept = lock(&self.0);
            if kept.len() >= MAX_KEPT {
                kept.remove(0);
            }
            kept.push(r);
        }
    }

    /// Tries every kept release once; keeps those that failed again. Returns how many are left.
    pub async fn retry(&self, store: &Store) -> usize {
        let todo = std::mem::take(&mut *lock(&self.0));
        for r in todo {
            if apply(store, &r).await.is_err() {
                lock(&self.0).push(r);
            }
        }
        lock(&self.0).len()
    }
}

async fn apply(store: &Store, r: &Release) -> crate::store::DbResult<()> {
    match r {
        Release::Claim(key) => store.release_claim(key).await,
        Release::Attempt(key) => store.unlock_attempt(key).await,
        Release::Operation(name, holder) => store.unlock_operation(name, holder).await,
    }
}
