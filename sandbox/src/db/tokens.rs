//! Stored cards (tokens), by shopper, fingerprint and recurring agreement.

use super::conn::{DbResult, data_where, from_json, record_where, to_json};
use crate::records::TokenRec;
use rusqlite::{Transaction, params};

pub fn insert_token(tx: &Transaction<'_>, t: &TokenRec) -> DbResult<()> {
    tx.execute(
        "INSERT INTO tokens (token, merchant_id, shopper_reference, fingerprint, recurring_agreement_id, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![t.token, t.merchant_id, t.shopper_reference, t.fingerprint, t.recurring_agreement_id, to_json(t)],
    )?;
    Ok(())
}

pub fn update_token(tx: &Transaction<'_>, t: &TokenRec) -> DbResult<()> {
    tx.execute(
        "UPDATE tokens SET data = ?2 WHERE token = ?1",
        params![t.token, to_json(t)],
    )?;
    Ok(())
}

pub fn token_by_fingerprint(
    tx: &Transaction<'_>,
    merchant_id: &str,
    shopper: &str,
    fp: &str,
    usage: &str,
) -> DbResult<Option<TokenRec>> {
    let rows = data_where(
        tx,
        "SELECT data FROM tokens WHERE merchant_id = ?1 AND shopper_reference = ?2 AND fingerprint = ?3",
        [merchant_id, shopper, fp],
    )?;
    for s in rows {
        let t: TokenRec = from_json(s)?;
        if t.token_usage == usage && t.status == "ACTIVATE" {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

pub fn token(tx: &Transaction<'_>, merchant_id: &str, token: &str) -> DbResult<Option<TokenRec>> {
    record_where(
        tx,
        "SELECT data FROM tokens WHERE token = ?1 AND merchant_id = ?2",
        [token, merchant_id],
    )
}

pub fn token_by_agreement(
    tx: &Transaction<'_>,
    merchant_id: &str,
    agreement: &str,
) -> DbResult<Option<TokenRec>> {
    record_where(
        tx,
        "SELECT data FROM tokens WHERE recurring_agreement_id = ?1 AND merchant_id = ?2",
        [agreement, merchant_id],
    )
}

pub fn tokens_of(
    tx: &Transaction<'_>,
    merchant_id: &str,
    shopper: &str,
) -> DbResult<Vec<TokenRec>> {
    data_where(
        tx,
        "SELECT data FROM tokens WHERE merchant_id = ?1 AND shopper_reference = ?2 ORDER BY rowid",
        [merchant_id, shopper],
    )?
    .into_iter()
    .map(from_json)
    .collect()
}

pub fn delete_token(tx: &Transaction<'_>, token: &str) -> DbResult<()> {
    tx.execute("DELETE FROM tokens WHERE token = ?1", [token])?;
    Ok(())
}
