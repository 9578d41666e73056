//! Idempotency keys and payment attempts across instances: a key is claimed by the one insert
//! that wins on its primary key; a stale claim is taken over by the one update whose condition
//! still holds; a session's attempts are counted under its order row's lock.

use super::{PgStore, col, exec, first, now, row};
use crate::store::{Claim, DbResult, STALE_LOCK_MS};

impl PgStore {
    /// Under the order row's lock, so two instances counting attempts of one session take
    /// turns: the count they read is the count they add to.
    pub(in crate::store) async fn count_attempt(
        &self,
        session_id: &str,
        idem_key: &str,
        max: u32,
    ) -> DbResult<bool> {
        let mut c = self.conn().await?;
        let tx = c.transaction().await?;
        exec(
            &tx,
            "SELECT 1 FROM orders WHERE session_id = $1 FOR UPDATE",
            &[&session_id],
        )
        .await?;
        let known: Option<i32> = first(
            &tx,
            "SELECT 1 FROM attempts WHERE idem_key = $1",
            &[&idem_key],
        )
        .await?;
        if known.is_none() {
            let n: i64 = first(
                &tx,
                "SELECT COUNT(*) FROM attempts WHERE session_id = $1",
                &[&session_id],
            )
            .await?
            .unwrap_or(0);
            if n >= i64::from(max) {
                return Ok(false);
            }
            exec(
                &tx,
                "INSERT INTO attempts (idem_key, session_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&idem_key, &session_id, &now()],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    pub(in crate::store) async fn lock_attempt(
        &self,
        session_id: &str,
        idem_key: &str,
    ) -> DbResult<bool> {
        let n = exec(
            &self.conn().await?,
            "INSERT INTO attempt_locks (session_id, idem_key, locked_at) VALUES ($1, $2, $3)
             ON CONFLICT (session_id) DO UPDATE SET idem_key = $2, locked_at = $3
             WHERE attempt_locks.idem_key = $2 OR attempt_locks.locked_at < $4",
            &[&session_id, &idem_key, &now(), &(now() - STALE_LOCK_MS)],
        )
        .await?;
        Ok(n == 1)
    }

    pub(in crate::store) async fn unlock_attempt(&self, idem_key: &str) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "DELETE FROM attempt_locks WHERE idem_key = $1",
            &[&idem_key],
        )
        .await?;
        Ok(())
    }

    pub(in crate::store) async fn attempt_known(
        &self,
        session_id: &str,
        idem_key: &str,
    ) -> DbResult<bool> {
        let known: Option<i32> = first(
            &self.conn().await?,
            "SELECT 1 FROM attempts WHERE idem_key = $1 AND session_id = $2",
            &[&idem_key, &session_id],
        )
        .await?;
        Ok(known.is_some())
    }

    /// The insert decides who owns a new key: of two instances inserting it at once, one
    /// inserts and the other waits for that transaction, then finds the row.
    pub(in crate::store) async fn claim(&self, key: &str, hash: &str) -> DbResult<Claim> {
        let c = self.conn().await?;
        let t = now();
        let inserted = exec(
            &c,
            "INSERT INTO idempotency (idem_key, body_hash, state, created_at) VALUES ($1, $2, 'pending', $3) ON CONFLICT DO NOTHING",
            &[&key, &hash, &t],
        )
        .await?;
        if inserted == 1 {
            return Ok(Claim::Claimed);
        }
        let Some(r) = row(
            &c,
            "SELECT body_hash, state, http_status, response FROM idempotency WHERE idem_key = $1",
            &[&key],
        )
        .await?
        else {
            // Released between the insert and the read: the next poll claims it.
            return Ok(Claim::InFlight);
        };
        let (h, state, code, resp): (String, String, Option<i32>, Option<String>) =
            (col(&r, 0)?, col(&r, 1)?, col(&r, 2)?, col(&r, 3)?);
        if h != hash {
            return Ok(Claim::Conflict);
        }
        if let (true, Some(code), Some(resp)) = (state == "done", code, resp) {
            return Ok(Claim::Done(u16::try_from(code).unwrap_or(500), resp));
        }
        // A claim from a crashed request is taken over by exactly one of those who find it.
        let taken = exec(
            &c,
            "UPDATE idempotency SET created_at = $2 WHERE idem_key = $1 AND state = 'pending' AND created_at < $3",
            &[&key, &t, &(t - STALE_LOCK_MS)],
        )
        .await?;
        Ok(if taken == 1 {
            Claim::Claimed
        } else {
            Claim::InFlight
        })
    }

    pub(in crate::store) async fn finish_claim(
        &self,
        key: &str,
        status: u16,
        response: &str,
    ) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "UPDATE idempotency SET state = 'done', http_status = $2, response = $3 WHERE idem_key = $1",
            &[&key, &i32::from(status), &response],
        )
        .await?;
        Ok(())
    }

    pub(in crate::store) async fn release_claim(&self, key: &str) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "DELETE FROM idempotency WHERE idem_key = $1 AND state = 'pending'",
            &[&key],
        )
        .await?;
        Ok(())
    }
}
