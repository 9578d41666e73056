//! Merchants and their public keys (one, or two while a merchant rotates its key).

use super::conn::{Db, DbResult, lock};
use paykka_protocol::sign::{VerifyingKey, VerifyingKeys};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

impl Db {
    /// Registers a merchant with the public key `pem`. An existing merchant keeps its key set if
    /// `pem` is already one of its keys (a backend re-registering during a key rotation with
    /// either key changes nothing); another key replaces the whole set.
    pub fn upsert_merchant(&self, id: &str, name: &str, pem: &str) -> DbResult<()> {
        self.with_tx(|tx| {
            let keys = match (merchant_in(tx, id)?, VerifyingKey::from_pem(pem)) {
                (Some((_, stored)), Ok(key)) => match VerifyingKeys::from_pem_bundle(&stored) {
                    Ok(set) if set.contains(&key) => stored,
                    _ => pem.to_string(),
                },
                _ => pem.to_string(),
            };
            tx.execute(
                "INSERT INTO merchants (merchant_id, name, public_key_pem, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (merchant_id) DO UPDATE SET name = excluded.name, public_key_pem = excluded.public_key_pem",
                params![id, name, keys, paykka_protocol::time::now_ms()],
            )?;
            Ok(())
        })
    }

    /// (name, public keys PEM) of a merchant: one or more PEM blocks (two while it rotates its
    /// key), read with [`VerifyingKeys::from_pem_bundle`].
    pub fn merchant(&self, id: &str) -> DbResult<Option<(String, String)>> {
        merchant_in(&lock(&self.conn), id)
    }
}

/// (name, public keys PEM) of a merchant, in a transaction (or on the connection).
pub fn merchant_in(conn: &Connection, id: &str) -> DbResult<Option<(String, String)>> {
    conn.query_row(
        "SELECT name, public_key_pem FROM merchants WHERE merchant_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Replaces a merchant's key set (PEM blocks, as [`VerifyingKeys::to_pem_bundle`] writes).
pub fn set_merchant_keys(tx: &Transaction<'_>, id: &str, keys: &VerifyingKeys) -> DbResult<()> {
    tx.execute(
        "UPDATE merchants SET public_key_pem = ?2 WHERE merchant_id = ?1",
        params![id, keys.to_pem_bundle()],
    )?;
    Ok(())
}
