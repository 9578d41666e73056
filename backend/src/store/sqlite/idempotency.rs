//! Idempotency keys (one answer per key, replayed to a retry) and payment attempts: how many
//! a session has had, and the lock that lets one attempt of a session at the gateway at a time.

use super::{SqlResult, SqliteStore, now};
use crate::store::{Claim, STALE_LOCK_MS};
use crate::support::lock;
use rusqlite::{OptionalExtension, params};

/// (body hash, state, HTTP status, response, created at) of an idempotency key.
type ClaimRow = (String, String, Option<u16>, Option<String>, i64);

impl SqliteStore {
    /// Counts a payment attempt (one idempotency key) on a session, unless the session already
    /// has `max`: `Ok(false)` then. A retry with the same key is the same attempt.
    pub(in crate::store) fn count_attempt(
        &self,
        session_id: &str,
        idem_key: &str,
        max: u32,
    ) -> SqlResult<bool> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        let known: bool = tx
            .query_row(
                "SELECT 1 FROM attempts WHERE idem_key = ?1",
                [idem_key],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !known {
            let n: i64 = tx.query_row(
                "SELECT COUNT(*) FROM attempts WHERE session_id = ?1",
                [session_id],
                |r| r.get(0),
            )?;
            if n >= i64::from(max) {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO attempts (idem_key, session_id, created_at) VALUES (?1, ?2, ?3)",
                params![idem_key, session_id, now()],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Takes the session's attempt lock for `idem_key`: `Ok(false)` while another attempt holds
    /// it (unless that one is older than a gateway call can take: a crashed request).
    pub(in crate::store) fn lock_attempt(
        &self,
        session_id: &str,
        idem_key: &str,
    ) -> SqlResult<bool> {
        let c = lock(&self.conn);
        let n = c.execute(
            "INSERT INTO attempt_locks (session_id, idem_key, locked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (session_id) DO UPDATE SET idem_key = ?2, locked_at = ?3
             WHERE attempt_locks.idem_key = ?2 OR attempt_locks.locked_at < ?3 - ?4",
            params![session_id, idem_key, now(), STALE_LOCK_MS],
        )?;
        Ok(n == 1)
    }

    pub(in crate::store) fn unlock_attempt(&self, idem_key: &str) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute("DELETE FROM attempt_locks WHERE idem_key = ?1", [idem_key])?;
        Ok(())
    }

    pub(in crate::store) fn attempt_known(
        &self,
        session_id: &str,
        idem_key: &str,
    ) -> SqlResult<bool> {
        let c = lock(&self.conn);
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM attempts WHERE idem_key = ?1 AND session_id = ?2)",
            [idem_key, session_id],
            |r| r.get(0),
        )
    }

    pub(in crate::store) fn claim(&self, key: &str, hash: &str) -> SqlResult<Claim> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        let row: Option<ClaimRow> = tx
            .query_row(
                "SELECT body_hash, state, http_status, response, created_at FROM idempotency WHERE idem_key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let out = match row {
            None => {
                tx.execute(
                    "INSERT INTO idempotency (idem_key, body_hash, state, created_at) VALUES (?1, ?2, 'pending', ?3)",
                    params![key, hash, now()],
                )?;
                Claim::Claimed
            }
            Some((h, _, _, _, _)) if h != hash => Claim::Conflict,
            Some((_, state, Some(code), Some(resp), _)) if state == "done" => {
                Claim::Done(code, resp)
            }
            Some((_, _, _, _, created)) if now() - created > STALE_LOCK_MS => {
                tx.execute(
                    "UPDATE idempotency SET created_at = ?2 WHERE idem_key = ?1",
                    params![key, now()],
                )?;
                Claim::Claimed
            }
            Some(_) => Claim::InFlight,
        };
        tx.commit()?;
        Ok(out)
    }

    pub(in crate::store) fn finish_claim(
        &self,
        key: &str,
        status: u16,
        response: &str,
    ) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "UPDATE idempotency SET state = 'done', http_status = ?2, response = ?3 WHERE idem_key = ?1",
            params![key, status, response],
        )?;
        Ok(())
    }

    /// Forgets a claim whose request could not be completed (gateway unreachable): the same key
    /// may be retried; the gateway de-duplicates by the forwarded key.
    pub(in crate::store) fn release_claim(&self, key: &str) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "DELETE FROM idempotency WHERE idem_key = ?1 AND state = 'pending'",
            [key],
        )?;
        Ok(())
    }
}
