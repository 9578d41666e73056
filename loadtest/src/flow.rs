//! One virtual shopper: create a session, pay with a test card, query the result, the way the
//! Drop-in and its secure card frames do it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use paykka_core::frame_protocol::Envelope;
use paykka_protocol::cardenc::EnvelopeField;
use paykka_protocol::rsa::{BigUint, RsaPublicKey};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A test card of the brief and what the sandbox must answer for it. No 3DS cards: their
/// challenge needs a browser on the sandbox's page, which is not what this measures.
pub struct Card {
    pub pan: &'static str,
    pub cvv: &'static str,
    pub expect: &'static str,
    /// `failure.code` of a decline.
    pub failure: Option<&'static str>,
    /// Share of the flows, out of the sum of the weights.
    pub weight: u64,
}

#[rustfmt::skip]
pub const CARDS: &[Card] = &[
    Card { pan: "4242424242424242", cvv: "123", expect: "SUCCESS", failure: None, weight: 40 },
    Card { pan: "5555555555554444", cvv: "123", expect: "SUCCESS", failure: None, weight: 20 },
    Card { pan: "378282246310005", cvv: "1234", expect: "SUCCESS", failure: None, weight: 10 },
    Card { pan: "4000000000000002", cvv: "123", expect: "FAILURE", failure: Some("card_declined"), weight: 20 },
    Card { pan: "4000000000009995", cvv: "123", expect: "FAILURE", failure: Some("insufficient_funds"), weight: 10 },
];

/// The card key as the frames hold it after `GET /card-key`: the JWK, imported, and its id.
pub struct CardKey {
    pub kid: String,
    pub public: RsaPublicKey,
}

impl CardKey {
    /// Imports `GET /card-key`'s answer the way the frames do: the kid must make a valid
    /// envelope, the key is the JWK (`n`, `e`).
    pub fn from_json(v: &Value) -> Result<Self, String> {
        let kid = v["kid"].as_str().ok_or("card key: no kid")?.to_string();
        if Envelope::parse(&format!("pkenc.v2.{kid}.AA")).is_none() {
            return Err(format!("card key: kid {kid:?} makes no valid envelope"));
        }
        let b64 = |name: &str| -> Result<BigUint, String> {
            let s = v["jwk"][name]
                .as_str()
                .ok_or(format!("card key: no jwk.{name}"))?;
            let bytes = URL_SAFE_NO_PAD
                .decode(s)
                .map_err(|e| format!("card key: jwk.{name}: {e}"))?;
            Ok(BigUint::from_bytes_be(&bytes))
        };
        let public =
            RsaPublicKey::new(b64("n")?, b64("e")?).map_err(|e| format!("card key: {e}"))?;
        Ok(Self { kid, public })
    }

    /// One field, as the frames seal it for the checkout `session_id` of the demo merchant:
    /// envelope v2, `pkenc.v2.<kid>.<base64url>`, encrypted again in the rare case the envelope
    /// breaks a rule of the protocol (a run of digits that reads as a card number).
    pub fn seal(&self, field: EnvelopeField, session_id: &str, value: &str) -> String {
        loop {
            let e = paykka_protocol::cardenc::seal_now(
                &self.public,
                &self.kid,
                field,
                session_id,
                paykka_backend::DEMO_MERCHANT_ID,
                value,
            );
            if Envelope::parse(&e).is_some() {
                return e;
            }
        }
    }
}

/// What happened to a session, for the record checks afterwards.
#[derive(Debug, Clone)]
pub enum PayState {
    /// Created; no payment sent.
    NotPaid,
    /// Payment sent, no definite answer (transport error, 5xx, cut off at the end of a phase).
    Unknown,
    /// The backend answered 200 with this status and gateway order id.
    Answered { status: String, order_id: String },
    /// The backend refused the payment with a 4xx (nothing should be charged).
    Refused,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub session_id: String,
    pub key: Option<String>,
    pub state: PayState,
    pub replayed: bool,
}

/// Every session the generator got back, across all phases.
#[derive(Default)]
pub struct Ledger(Mutex<Vec<Entry>>);

impl Ledger {
    fn push(&self, e: Entry) -> usize {
        let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
        v.push(e);
        v.len() - 1
    }

    fn update(&self, i: usize, f: impl FnOnce(&mut Entry)) {
        let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut v[i]);
    }

    pub fn entries(&self) -> Vec<Entry> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

pub struct Ctx {
    pub http: reqwest::Client,
    /// The backend instances' base URLs; each request goes to the next in turn.
    pub backends: Vec<String>,
    pub turn: std::sync::atomic::AtomicUsize,
    pub key: CardKey,
    pub run_id: String,
    pub replay: f64,
    pub exp_year: String,
    pub next_id: AtomicU64,
    pub ledger: Ledger,
}

/// What one flow did. Latencies are of requests that got an HTTP answer.
#[derive(Debug)]
pub struct FlowResult {
    pub scheduled: Instant,
    pub ended: Instant,
    pub create: Option<Duration>,
    pub pay: Option<Duration>,
    pub replay: Option<Duration>,
    pub query: Option<Duration>,
    pub replayed: bool,
    /// `None`: every step answered as expected. Else `step:kind`.
    pub error: Option<String>,
}

/// An answer: status, whether it is a replay of a stored answer, JSON body.
struct Answer {
    status: StatusCode,
    replayed: bool,
    body: Value,
}

fn transport_kind(e: &reqwest::Error) -> &'static str {
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "transport"
    }
}

/// `http_<status>:<error.code>` of a refusal.
fn http_kind(a: &Answer) -> String {
    format!(
        "http_{}:{}",
        a.status.as_u16(),
        a.body["error"]["code"].as_str().unwrap_or("?")
    )
}

/// splitmix64: a flow's card, amount and replay follow from its number (runs are repeatable).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick_card(h: u64) -> &'static Card {
    let total: u64 = CARDS.iter().map(|c| c.weight).sum();
    let mut x = h % total;
    for c in CARDS {
        if x < c.weight {
            return c;
        }
        x -= c.weight;
    }
    &CARDS[0]
}

/// What a flow does, following from its number.
struct Plan {
    id: u64,
    card: &'static Card,
    amount: u64,
    replay: Replay,
}

/// A payment request's latency and answer.
type Sent = (Duration, Result<Answer, &'static str>);

#[derive(Clone, Copy, PartialEq)]
enum Replay {
    No,
    /// The same request again after the answer (a retry after a lost answer).
    After,
    /// The same request twice at once (a double click, a retry racing the first).
    Concurrent,
}

impl Ctx {
    /// The instance for the next request: round robin, as a load balancer spreads them (a
    /// flow's create, pay, replay and query land on different instances when there are some).
    pub fn backend(&self) -> &str {
        let i = self.turn.fetch_add(1, Ordering::Relaxed);
        &self.backends[i % self.backends.len()]
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> Result<Answer, &'static str> {
        let res = r.send().await.map_err(|e| transport_kind(&e))?;
        let status = res.status();
        let replayed = res
            .headers()
            .get("idempotent-replayed")
            .is_some_and(|v| v == "true");
        let text = res.text().await.map_err(|e| transport_kind(&e))?;
        let body = serde_json::from_str(&text).map_err(|_| "not_json")?;
        Ok(Answer {
            status,
            replayed,
            body,
        })
    }

    async fn pay_once(&self, key: &str, body: &[u8]) -> Sent {
        let t = Instant::now();
        let r = self
            .send(
                self.http
                    .post(format!("{}/api/payments", self.backend()))
                    .header("content-type", "application/json")
                    .header("Idempotency-Key", key)
                    .body(body.to_vec()),
            )
            .await;
        (t.elapsed(), r)
    }

    /// One shopper, from "create session" to the queried result.
    pub async fn flow(self: Arc<Self>, scheduled: Instant) -> FlowResult {
        let mut r = FlowResult {
            scheduled,
            ended: scheduled,
            create: None,
            pay: None,
            replay: None,
            query: None,
            replayed: false,
            error: None,
        };
        let e = self.steps(&mut r).await.err();
        r.error = e;
        r.ended = Instant::now();
        r
    }

    async fn steps(&self, r: &mut FlowResult) -> Result<(), String> {
        let plan = self.plan();
        // 1. The merchant page asks its backend for a session.
        let (sid, entry) = self.create_session(&plan, r).await?;
        // 2. The secure frames seal each field; the Drop-in posts them with a new key.
        let body = self.payment_body(&plan, &sid);
        let key = format!("load-{}-{}", self.run_id, plan.id);
        let (status, order_id, second) = self.pay(&plan, r, entry, &key, &body).await?;
        // 2b. The same payment again with the same key: must answer the same, charge nothing.
        let second = match (plan.replay, second) {
            (Replay::After, _) => Some(self.pay_once(&key, &body).await),
            (_, s) => s,
        };
        if let Some(second) = second {
            check_replay(r, second, &status, &order_id)?;
        }
        // 3. The result page asks the backend, which queries the gateway.
        self.query(r, &sid, &status, &order_id).await
    }

    /// The flow's number, and what follows from it: card, amount, replay.
    fn plan(&self) -> Plan {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let h = mix(id);
        let card = pick_card(h);
        let amount = 100 + (h >> 16) % 99_900;
        let replay = if ((h >> 40) % 10_000) as f64 / 10_000.0 < self.replay {
            if (h >> 8) & 1 == 0 {
                Replay::After
            } else {
                Replay::Concurrent
            }
        } else {
            Replay::No
        };
        Plan {
            id,
            card,
            amount,
            replay,
        }
    }

    /// Step 1: the session id and its entry in the ledger.
    async fn create_session(
        &self,
        plan: &Plan,
        r: &mut FlowResult,
    ) -> Result<(String, usize), String> {
        let (id, amount) = (plan.id, plan.amount);
        let t = Instant::now();
        let a = self
            .send(
                self.http
                    .post(format!("{}/api/server/sessions", self.backend()))
                    .header("content-type", "application/json")
                    .body(
                        json!({ "amount": amount, "currency": "USD", "mode": "drop_in",
                            "shopper_reference": format!("load-shopper-{}", id % 1000) })
                        .to_string(),
                    ),
            )
            .await
            .map_err(|k| format!("create:{k}"))?;
        r.create = Some(t.elapsed());
        if a.status != StatusCode::OK {
            return Err(format!("create:{}", http_kind(&a)));
        }
        let sid = a.body["session_id"]
            .as_str()
            .ok_or("create:no_session_id")?
            .to_string();
        let entry = self.ledger.push(Entry {
            session_id: sid.clone(),
            key: None,
            state: PayState::NotPaid,
            replayed: false,
        });
        if a.body["amount"].as_u64() != Some(amount) {
            return Err("create:amount_mismatch".into());
        }
        Ok((sid, entry))
    }

    /// Step 2's request body: each card field sealed as the secure frames do.
    fn payment_body(&self, plan: &Plan, sid: &str) -> Vec<u8> {
        let card = plan.card;
        let body = json!({
            "session_id": sid, "payment_method": "BANKCARD",
            "encrypted_card_no": self.key.seal(EnvelopeField::Number, sid, card.pan),
            "encrypted_exp_month": self.key.seal(EnvelopeField::ExpMonth, sid, "12"),
            "encrypted_exp_year": self.key.seal(EnvelopeField::ExpYear, sid, &self.exp_year),
            "encrypted_cvv": self.key.seal(EnvelopeField::Cvv, sid, card.cvv),
            "holder_name": "Load Tester",
        });
        serde_json::to_vec(&body).expect("serialises")
    }

    /// Step 2: the payment (twice at once for a concurrent replay). The answer's status and
    /// order id, and the second request of a concurrent replay.
    async fn pay(
        &self,
        plan: &Plan,
        r: &mut FlowResult,
        entry: usize,
        key: &str,
        body: &[u8],
    ) -> Result<(String, String, Option<Sent>), String> {
        let (card, amount, replay) = (plan.card, plan.amount, plan.replay);
        self.ledger.update(entry, |e| {
            e.key = Some(key.to_owned());
            e.state = PayState::Unknown;
            e.replayed = replay != Replay::No;
        });
        r.replayed = replay != Replay::No;
        let (first, second) = match replay {
            Replay::Concurrent => {
                let (a, b) = tokio::join!(self.pay_once(key, body), self.pay_once(key, body));
                (a, Some(b))
            }
            _ => (self.pay_once(key, body).await, None),
        };
        // Of two concurrent ones, the one that was not a replay is the payment.
        let (first, second) = match (first, second) {
            ((d1, Ok(a1)), Some((d2, Ok(a2)))) if a1.replayed && !a2.replayed => {
                ((d2, Ok(a2)), Some((d1, Ok(a1))))
            }
            other => other,
        };
        let (d, a) = first;
        let a = a.map_err(|k| format!("pay:{k}"))?;
        r.pay = Some(d);
        if a.status != StatusCode::OK {
            if a.status.is_client_error() {
                self.ledger.update(entry, |e| e.state = PayState::Refused);
            }
            return Err(format!("pay:{}", http_kind(&a)));
        }
        let status = a.body["status"].as_str().unwrap_or("").to_string();
        let order_id = a.body["order_id"]
            .as_str()
            .ok_or("pay:no_order_id")?
            .to_string();
        self.ledger.update(entry, |e| {
            e.state = PayState::Answered {
                status: status.clone(),
                order_id: order_id.clone(),
            }
        });
        if status != card.expect {
            return Err(format!("pay:unexpected_status_{status}"));
        }
        if a.body["amount"].as_u64() != Some(amount) {
            return Err("pay:amount_mismatch".into());
        }
        if a.body["failure"]["code"].as_str() != card.failure {
            return Err("pay:unexpected_failure_code".into());
        }
        if second.is_none() && a.replayed {
            return Err("pay:replayed_without_replay".into());
        }
        Ok((status, order_id, second))
    }

    /// Step 3: the result, which must be the payment's.
    async fn query(
        &self,
        r: &mut FlowResult,
        sid: &str,
        status: &str,
        order_id: &str,
    ) -> Result<(), String> {
        let t = Instant::now();
        let q = self
            .send(
                self.http
                    .get(format!("{}/api/sessions/{sid}/result", self.backend())),
            )
            .await
            .map_err(|k| format!("query:{k}"))?;
        r.query = Some(t.elapsed());
        if q.status != StatusCode::OK {
            return Err(format!("query:{}", http_kind(&q)));
        }
        match q.body["status"].as_str() {
            Some(s) if s == status => {}
            Some("NONE") => return Err("query:payment_missing".into()),
            _ => return Err("query:different_status".into()),
        }
        if q.body["order_id"].as_str() != Some(order_id) {
            return Err("query:different_order_id".into());
        }
        Ok(())
    }
}

/// Step 2b: a replay must answer as the payment did, and say it is a replay.
fn check_replay(
    r: &mut FlowResult,
    (d, a2): Sent,
    status: &str,
    order_id: &str,
) -> Result<(), String> {
    let a2 = a2.map_err(|k| format!("replay:{k}"))?;
    r.replay = Some(d);
    if a2.status != StatusCode::OK {
        return Err(format!("replay:{}", http_kind(&a2)));
    }
    if a2.body["order_id"].as_str() != Some(order_id) {
        return Err("replay:different_order_id".into());
    }
    if a2.body["status"].as_str() != Some(status) {
        return Err("replay:different_status".into());
    }
    if !a2.replayed {
        return Err("replay:not_marked_replayed".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests;
