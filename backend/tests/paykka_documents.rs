//! PayKKa's published examples as tests (`fixtures/paykka/`, sources in its `SOURCES.md`),
//! both ways:
//!
//! 1. **Reading**: every request, answer and webhook example is read by our type for it with
//!    nothing lost: each member the example has (but `null`) is in what our type writes back,
//!    with the same value (a number written as a string counts as that number). Request types
//!    refuse unknown members, so a member our types do not know fails here.
//! 2. **Sending**: what our client sends, recorded between the backend and the sandbox while a
//!    shopper pays and the merchant's server captures, refunds and charges a subscription,
//!    names only members the examples show for that operation, nested the same way and of the
//!    same JSON type, or members listed in `EXTENSIONS` (ours, switchable) or in
//!    [`TABLE_ONLY`] (in PayKKa's field tables, with no example).

mod common;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, Uri};
use common::*;
use paykka_protocol::api::{ApiVersion, Operation};
use paykka_protocol::types::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn fixtures() -> Vec<(String, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/paykka");
    let mut out = vec![];
    for dir in ["v1.2", "v3", "common"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                out.push((
                    format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()),
                    p,
                ));
            }
        }
    }
    out.sort();
    out
}

/// Examples of PayKKa's older v1.0 API (which this project does not speak) and of disputes
/// (which it does not handle yet) are not read.
fn skipped(name: &str) -> Option<&'static str> {
    if name.contains("v1.0") {
        Some("PayKKa's v1.0 API")
    } else if name.contains("webhook_dispute") {
        Some("dispute notifications are not handled")
    } else {
        None
    }
}

/// Reads `v` as `T` and writes it back.
fn through<T: DeserializeOwned + Serialize>(v: &Value) -> Result<Value, String> {
    let t: T = serde_json::from_value(v.clone()).map_err(|e| e.to_string())?;
    Ok(serde_json::to_value(t).unwrap())
}

/// Our type's reading of one example, written back.
fn read(name: &str, v: &Value) -> Result<Value, String> {
    let file = name.rsplit('/').next().unwrap();
    let mut parts = file.split('.');
    let (op, kind) = (parts.next().unwrap(), parts.next().unwrap());
    match (op, kind) {
        ("create_session", "request") if file.contains("fragment") => {
            Ok(json!({ "payment": through::<SessionPayment>(&v["payment"])? }))
        }
        ("create_session", "request") => through::<CreateSessionRequest>(v),
        ("create_session" | "query_session", "response") => through::<ApiResponse<SessionData>>(v),
        ("query_session", "request") => through::<QuerySessionRequest>(v),
        ("payment", "request") => through::<PaymentRequest>(v),
        ("payment" | "query", "response") => through::<ApiResponse<TransactionData>>(v),
        ("query", "request") => through::<QueryTransactionRequest>(v),
        ("capture", "request") => through::<CaptureRequest>(v),
        ("void", "request") => through::<VoidRequest>(v),
        ("refund", "request") => through::<RefundRequest>(v),
        // Published as the data model alone, without the envelope.
        ("refund", "response") => through::<RefundData>(v),
        ("refund_query", "request") => through::<RefundQueryRequest>(v),
        ("refund_query", "response") => through::<ApiResponse<RefundData>>(v),
        ("token_query", "request") => through::<TokenQueryRequest>(v),
        ("token_query", "response") => through::<ApiResponse<Vec<TokenInfo>>>(v),
        ("token_remove", "request") => through::<TokenRemoveRequest>(v),
        ("recurring_cancel", "request") => through::<RecurringCancelRequest>(v),
        ("apple_pay_session", "request") => through::<ApplePaySessionRequest>(v),
        ("apple_pay_session", "response") if v.is_string() => Ok(v.clone()),
        ("webhook_payment" | "webhook_refund", "webhook") => through::<Notification>(v),
        (_, "response" | "error") => through::<ApiResponse<Value>>(v),
        _ => Err(format!("no type reads {op}.{kind}")),
    }
}

/// Where `ours` lacks or changes a member of `doc` (its `null`s aside).
fn lost(doc: &Value, ours: &Value, path: &str, out: &mut Vec<String>) {
    match (doc, ours) {
        (Value::Null, _) => {}
        (Value::Object(d), Value::Object(o)) => {
            for (k, v) in d {
                if v.is_null() {
                    continue;
                }
                match o.get(k) {
                    Some(x) => lost(v, x, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}")),
                }
            }
        }
        (Value::Array(d), Value::Array(o)) if d.len() == o.len() => {
            for (i, (a, b)) in d.iter().zip(o).enumerate() {
                lost(a, b, &format!("{path}[{i}]"), out);
            }
        }
        (Value::String(s), Value::Number(n)) | (Value::Number(n), Value::String(s))
            if s == &n.to_string() => {}
        (a, b) if a == b => {}
        (a, b) => out.push(format!("{path}: {a} read as {b}")),
    }
}

#[test]
fn every_published_example_is_read_by_our_types_with_nothing_lost() {
    let mut read_count = 0;
    let mut failures = vec![];
    for (name, path) in fixtures() {
        if skipped(&name).is_some() {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        match read(&name, &v) {
            Err(e) => failures.push(format!("{name}: not read: {e}")),
            Ok(ours) => {
                let mut l = vec![];
                lost(&v, &ours, "", &mut l);
                if !l.is_empty() {
                    failures.push(format!("{name}: lost {l:?}"));
                }
            }
        }
        read_count += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(read_count >= 45, "only {read_count} examples read");
}

#[test]
fn a_misspelt_member_of_a_request_is_refused_not_dropped() {
    let mut v: Value =
        serde_json::from_str(include_str!("fixtures/paykka/v1.2/payment.request.json")).unwrap();
    v["payment"]["shoper_reference"] = "x".into();
    assert!(read("v1.2/payment.request.json", &v).is_err());
    let mut v: Value = serde_json::from_str(include_str!(
        "fixtures/paykka/v3/refund.request.plugin-reconstructed.json"
    ))
    .unwrap();
    v["refund_ammount"] = 1.into();
    assert!(read("v3/refund.request.json", &v).is_err());
}

/// Members PayKKa's field tables list with no example showing them: (operation, path, where).
const TABLE_ONLY: &[(&str, &str, &str)] = &[
    (
        "create_session",
        "display_merchant_name",
        "Create Session field table (paykka-api-facts.md)",
    ),
    (
        "create_session",
        "allowed_payment_methods",
        "Create Session field table; a v1.0 Google Pay example",
    ),
];

/// (operation, path, why our type differs from the examples').
const TYPE_NOTES: &[(&str, &str, &str)] = &[(
    "create_session",
    "customer.id",
    "PayKKa's plugin sends WooCommerce's numeric user id; a shop's customer id is text",
)];

/// The order's objects, one documented shape in Create Session and in Initiate Transaction.
const ORDER_OBJECTS: &[&str] = &[
    "goods",
    "bill",
    "shipping",
    "customer",
    "browser",
    "authentication",
];

/// path -> JSON types seen at it, over every example of one operation's requests (the order's
/// objects over both operations that carry them). `null`: shown, type not given.
fn shapes(op: &str) -> BTreeMap<String, BTreeSet<&'static str>> {
    let mut out = shapes_of(op);
    if op == "create_session" || op == "payment" {
        let other = shapes_of(if op == "payment" {
            "create_session"
        } else {
            "payment"
        });
        for (path, kinds) in other {
            if ORDER_OBJECTS.iter().any(|o| {
                path == *o
                    || path.starts_with(&format!("{o}."))
                    || path.starts_with(&format!("{o}[]"))
            }) {
                out.entry(path).or_default().extend(kinds);
            }
        }
    }
    out
}

fn shapes_of(op: &str) -> BTreeMap<String, BTreeSet<&'static str>> {
    fn walk(v: &Value, path: &str, out: &mut BTreeMap<String, BTreeSet<&'static str>>) {
        let kind = match v {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(a) => {
                for x in a {
                    walk(x, &format!("{path}[]"), out);
                }
                "array"
            }
            Value::Object(o) => {
                for (k, x) in o {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(x, &p, out);
                }
                "object"
            }
        };
        out.entry(path.to_string()).or_default().insert(kind);
    }
    let mut out = BTreeMap::new();
    for (name, p) in fixtures() {
        let file = name.rsplit('/').next().unwrap();
        if file.starts_with(&format!("{op}.request")) && skipped(&name).is_none() {
            walk(
                &serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap(),
                "",
                &mut out,
            );
        }
    }
    out
}

fn op_name(op: Operation) -> &'static str {
    match op {
        Operation::CreateSession => "create_session",
        Operation::QuerySession => "query_session",
        Operation::Payment => "payment",
        Operation::Query => "query",
        Operation::Capture => "capture",
        Operation::Void => "void",
        Operation::Refund => "refund",
        Operation::RefundQuery => "refund_query",
        Operation::TokenQuery => "token_query",
        Operation::TokenRemove => "token_remove",
        Operation::RecurringCancel => "recurring_cancel",
        Operation::ApplePaySession => "apple_pay_session",
    }
}

type Recorded = Arc<Mutex<Vec<(String, Value)>>>;

/// A pass-through between the backend and the sandbox that keeps every request body.
async fn recorder(sandbox: String, seen: Recorded) -> String {
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let app = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
        let (http, sandbox, seen) = (http.clone(), sandbox.clone(), seen.clone());
        async move {
            seen.lock().unwrap().push((
                uri.path().to_string(),
                serde_json::from_slice(&body).unwrap_or(Value::Null),
            ));
            let mut req = http.post(format!("{sandbox}{}", uri.path())).body(body);
            for (k, v) in &headers {
                if k != "host" && k != "content-length" {
                    req = req.header(k, v);
                }
            }
            let res = req.send().await.unwrap();
            let mut out = axum::response::Response::builder()
                .status(StatusCode::from_u16(res.status().as_u16()).unwrap());
            for (k, v) in res.headers() {
                if k != "content-length" && k != "transfer-encoding" {
                    out = out.header(k, v);
                }
            }
            out.body(axum::body::Body::from(res.bytes().await.unwrap()))
                .unwrap()
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// Pays, captures, refunds, charges a subscription and removes a card through the backend
/// speaking `version`, and answers every request body it sent, by operation.
async fn what_the_client_sends(version: ApiVersion) -> Vec<(Operation, Value)> {
    let seen: Recorded = Arc::default();
    let mut env = Env::with(move |_, be| be.api_version = version).await;
    let proxy = recorder(env.sb().base_url.clone(), seen.clone()).await;
    let mut cfg = backend_config(&env.dir, "127.0.0.1:0".parse().unwrap(), &proxy);
    cfg.api_version = version;
    env.be.take().unwrap().shutdown().await;
    env.be = Some(paykka_backend::start(cfg).await.unwrap());

    // A signed-in shopper's cart, shipped to the account's address; a card payment with 3DS
    // inputs; its result; the session as the Drop-in reads it.
    env.sign_in(Some("demo-shopper-alice")).await;
    let (_, s) = env.post("/api/sessions", json!({ "cart": [{ "sku": "kettle-pour-over", "quantity": 1 }], "display_locale": "en-GB" })).await;
    let sid = s["session_id"].as_str().unwrap().to_string();
    let (status, _) = env.get(&format!("/api/sessions/{sid}")).await;
    assert_eq!(status.as_u16(), 200);
    let mut card = env.card(&sid, "4242424242424242");
    card["store_payment_method"] = true.into();
    card["browser"] = json!({ "screen_width": "1280", "screen_height": "800", "color_depth": "24", "timezone_offset": "+01:00", "device_type": "PC" });
    let (_, p) = env.pay(&key(), card).await;
    assert_eq!(p["status"], "SUCCESS", "{p}");
    let order = p["order_id"].as_str().unwrap().to_string();
    env.get(&format!("/api/sessions/{sid}/result")).await;
    // A saved card removed, an Apple Pay merchant validated.
    let (_, s2) = env
        .post(
            "/api/sessions",
            json!({ "cart": [{ "sku": "paper-filters-100", "quantity": 1 }] }),
        )
        .await;
    let sid2 = s2["session_id"].as_str().unwrap();
    let (_, session) = env.get(&format!("/api/sessions/{sid2}")).await;
    let token = session["saved_cards"][0]["token"]
        .as_str()
        .expect("a saved card")
        .to_string();
    let (status, _) = env
        .send(
            env.http
                .delete(env.url(&format!("/api/saved-cards/{token}?session_id={sid2}"))),
        )
        .await;
    assert_eq!(status.as_u16(), 200);
    env.post("/api/apple-pay/session", json!({ "domain_name": "shop.example.com", "validation_url": "https://apple-pay-gateway.apple.com/paymentservices/startSession" })).await;
    // The merchant's server: a hosted session with a cancel URL; capture in two parts, void,
    // refund and its query; a subscription charged later and cancelled.
    let (status, v) = env
        .server_post("/api/server/sessions", json!({ "amount": 1200, "currency": "EUR", "mode": "hosted", "cancel_url": "http://127.0.0.1:8080/cart", "expires_in_seconds": 900,
            "goods": [{ "id": "tea-1", "name": "Tea", "price": 1200, "quantity": 1 }], "customer": { "id": "c-1", "email": "c1@example.com" }, "bill": demo_address() }))
        .await;
    assert_eq!(status.as_u16(), 200, "{v}");
    let manual = env
        .session(json!({ "amount": 3000, "currency": "USD", "capture_method": "MANUAL" }))
        .await;
    let (_, a) = env.pay(&key(), env.card(&manual, "4242424242424242")).await;
    let authorised = a["order_id"].as_str().unwrap().to_string();
    env.server_post(
        &format!("/api/server/payments/{authorised}/capture"),
        json!({ "amount": 1000, "final": false }),
    )
    .await;
    env.server_post(
        &format!("/api/server/payments/{authorised}/void"),
        json!({}),
    )
    .await;
    let (status, r) = env
        .server_post(
            &format!("/api/server/payments/{order}/refunds"),
            json!({ "amount": 100, "reference": "R-doc" }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{r}");
    env.send(
        env.http
            .get(env.url("/api/server/refunds/R-doc"))
            .bearer_auth(SERVER_SECRET),
    )
    .await;
    let sub = env.session(json!({ "amount": 1900, "currency": "USD", "payment_type": "RECURRING", "shopper_reference": "sub-doc" })).await;
    env.sign_in(Some("sub-doc")).await;
    env.pay(&key(), env.card(&sub, "4242424242424242")).await;
    let (status, c) = env
        .server_post(
            "/api/server/recurring/charges",
            json!({ "shopper_reference": "sub-doc", "amount": 1900, "currency": "USD" }),
        )
        .await;
    assert_eq!(status.as_u16(), 200, "{c}");
    let kept = env
        .sb()
        .state
        .db
        .record(c["payment"]["order_id"].as_str().unwrap())
        .unwrap();
    env.server_post("/api/server/recurring/cancel", json!({ "recurring_agreement_id": kept["recurring_agreement_id"], "shopper_reference": "sub-doc" })).await;

    let seen = seen.lock().unwrap().clone();
    seen.into_iter()
        .filter(|(path, _)| !path.starts_with("/portal/"))
        .map(|(path, body)| {
            let op = Operation::ALL
                .into_iter()
                .find(|op| version.path(*op) == path)
                .unwrap_or_else(|| panic!("{path}"));
            (op, body)
        })
        .collect()
}

#[tokio::test]
async fn what_our_client_sends_has_the_members_types_and_nesting_of_paykkas_examples() {
    for version in ApiVersion::ALL {
        let sent = what_the_client_sends(version).await;
        let ops: BTreeSet<&str> = sent.iter().map(|(op, _)| op_name(*op)).collect();
        for op in Operation::ALL {
            assert!(
                ops.contains(op_name(op)),
                "{version}: the flows call {}",
                op_name(op)
            );
        }
        let mut problems = BTreeSet::new();
        for (op, body) in &sent {
            let name = op_name(*op);
            let doc = shapes(name);
            let mut ours = BTreeMap::new();
            fn walk(v: &Value, path: &str, out: &mut BTreeMap<String, &'static str>) {
                let kind = match v {
                    Value::Null => return,
                    Value::Bool(_) => "boolean",
                    Value::Number(_) => "number",
                    Value::String(_) => "string",
                    Value::Array(a) => {
                        a.iter().for_each(|x| walk(x, &format!("{path}[]"), out));
                        "array"
                    }
                    Value::Object(o) => {
                        for (k, x) in o {
                            walk(
                                x,
                                &if path.is_empty() {
                                    k.clone()
                                } else {
                                    format!("{path}.{k}")
                                },
                                out,
                            );
                        }
                        "object"
                    }
                };
                out.insert(path.to_string(), kind);
            }
            walk(body, "", &mut ours);
            for (path, kind) in ours {
                if path.is_empty() {
                    continue;
                }
                let listed =
                    paykka_backend::EXTENSIONS.iter().any(|(o, p, _)| {
                        o == op && (path == *p || path.starts_with(&format!("{p}.")))
                    }) || TABLE_ONLY.iter().any(|(o, p, _)| {
                        *o == name && (path == *p || path.starts_with(&format!("{p}[")))
                    }) || (path == "timestamp" && version == ApiVersion::V1_2);
                match doc.get(&path) {
                    None if listed => {}
                    None => {
                        problems.insert(format!(
                            "{version} {name}: `{path}` is in no example and not listed"
                        ));
                    }
                    Some(kinds)
                        if !kinds.contains(kind)
                            && kinds.iter().any(|k| *k != "null")
                            && !TYPE_NOTES.iter().any(|(o, p, _)| *o == name && *p == path) =>
                    {
                        problems.insert(format!(
                            "{version} {name}: `{path}` is {kind}, the examples show {kinds:?}"
                        ));
                    }
                    Some(_) => {}
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{}",
            problems.into_iter().collect::<Vec<_>>().join("\n")
        );
    }
}
