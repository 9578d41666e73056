//! The published declarations (`sdk/paykka-checkout.d.ts`) against the Rust definitions and the
//! loader (`sdk/core.js`, pasted into the script tag's and the npm package's loaders): an option,
//! a component, an error code, a custom element, an attribute or an event in one and not the
//! other fails here. (`e2e/types/usage.ts`, compiled by the end-to-end suite under `--strict`,
//! checks that the declarations type a merchant's code.)

use super::*;
use paykka_core::CheckoutError;
use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The declarations without their comments (string literals kept as they are).
fn declarations() -> String {
    without_comments(&read("sdk/paykka-checkout.d.ts"))
}

/// `source` (TypeScript or JavaScript) with its `//` and `/* */` comments removed; strings,
/// whose contents may look like comments (`'https://...'`), are kept whole.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' | '`' => {
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        out.extend(chars.next());
                    } else if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// The single-quoted string literals of `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    text.split('\'')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// What follows `head` in `text` up to its block's closing brace (`head` ends with `{`).
fn block<'a>(text: &'a str, head: &str) -> &'a str {
    let start = text
        .find(head)
        .unwrap_or_else(|| panic!("`{head}` not found"))
        + head.len();
    let mut depth = 1;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[start..start + i];
                }
            }
            _ => {}
        }
    }
    panic!("`{head}` is not closed")
}

/// The members of an interface body: each `name?: type;` or `'quoted-name': type;` at its top
/// level (nested object types, parameter lists and generics are skipped).
fn members(body: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0i32;
    let mut member = String::new();
    let mut previous = ' ';
    for c in body.chars() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '<' => depth += 1,
            '>' if previous != '=' => depth -= 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
        previous = c;
        if depth == 0 && c == ';' {
            names.insert(member_name(&member));
            member.clear();
        } else {
            member.push(c);
        }
    }
    assert!(member.trim().is_empty(), "a member without `;`: {member}");
    names
}

fn member_name(member: &str) -> String {
    let member = member.trim_start().trim_start_matches("readonly ");
    let name = match member.strip_prefix('\'') {
        Some(rest) => rest.split('\'').next().unwrap_or_default(),
        None => member
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .next()
            .unwrap_or_default(),
    };
    assert!(!name.is_empty(), "not a member: {member}");
    name.to_string()
}

/// The string literals of a union type alias: `export type Name = 'a' | 'b';`.
fn union(text: &str, name: &str) -> BTreeSet<String> {
    let head = format!("export type {name} =");
    let start = text
        .find(&head)
        .unwrap_or_else(|| panic!("`{head}` not found"))
        + head.len();
    let end = start + text[start..].find(';').expect("the union ends with `;`");
    let alias = &text[start..end];
    let literals = quoted(alias);
    let mut rest = alias.to_string();
    for literal in &literals {
        rest = rest.replacen(&format!("'{literal}'"), "", 1);
    }
    assert!(
        rest.chars().all(|c| c == '|' || c.is_whitespace()),
        "{name} is not a union of string literals: {rest}"
    );
    literals.into_iter().collect()
}

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

/// The `'paykka-...'` string literals of the loader: its custom elements and its events.
fn loader_names() -> BTreeSet<String> {
    quoted(&without_comments(&read("sdk/core.js")))
        .into_iter()
        .filter(|s| {
            s.strip_prefix("paykka-").is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            })
        })
        .collect()
}

/// The loader's field elements and their components (`FIELD_KINDS = { tag: kind, ... }`).
fn loader_field_kinds() -> Vec<(String, String)> {
    let loader = without_comments(&read("sdk/core.js"));
    let kinds = quoted(block(&loader, "var FIELD_KINDS = {"));
    assert!(
        !kinds.is_empty() && kinds.len().is_multiple_of(2),
        "{kinds:?}"
    );
    kinds
        .chunks(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

#[test]
fn every_option_is_declared_and_every_declared_option_is_taken() {
    let declared = members(block(&declarations(), "export interface CheckoutOptions {"));
    let known = set(KNOWN_OPTIONS.iter().copied());
    assert_eq!(known.len(), KNOWN_OPTIONS.len(), "an option listed twice");
    let missing: Vec<_> = known.difference(&declared).collect();
    let extra: Vec<_> = declared.difference(&known).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "CheckoutOptions of sdk/paykka-checkout.d.ts against KNOWN_OPTIONS (src/js_api_names.rs): \
         taken but not declared {missing:?}, declared but refused {extra:?}"
    );
}

#[test]
fn the_declared_error_codes_are_the_cores_and_the_js_apis_own() {
    let declared = union(&declarations(), "ErrorCode");
    let mut codes = set(CheckoutError::ALL.iter().map(CheckoutError::code));
    for code in JS_ONLY_ERROR_CODES {
        assert!(codes.insert(code.to_string()), "{code} is also a core code");
    }
    assert_eq!(
        declared, codes,
        "ErrorCode of sdk/paykka-checkout.d.ts against CheckoutError::code and JS_ONLY_ERROR_CODES"
    );
    let failure = members(block(&declarations(), "export interface CheckoutFailure {"));
    assert!(failure.contains("code"));
    assert!(
        block(&declarations(), "export interface CheckoutFailure {").contains("code: ErrorCode;")
    );
}

#[test]
fn the_declared_components_are_those_create_makes() {
    let text = declarations();
    assert_eq!(
        union(&text, "ComponentKind"),
        set(COMPONENT_KINDS.iter().copied())
    );
    // The JS API's `create(kind)` takes each of them.
    let api = read("src/js_api/mod.rs");
    let create = api
        .split("pub fn create_component(")
        .nth(1)
        .and_then(|f| f.split("Ok(JsComponent").next())
        .expect("create_component in src/js_api/mod.rs");
    for kind in COMPONENT_KINDS {
        assert!(
            create.contains(&format!("\"{kind}\" =>"))
                || create.contains(&format!("\"{kind}\" |"))
                || create.contains(&format!("\"{kind}\" if")),
            "create({kind:?}) in src/js_api/mod.rs"
        );
    }
    // A component a payment needs and nobody mounted is one of them.
    let failure = block(&text, "export interface CheckoutFailure {");
    let named = quoted(
        failure
            .split("component?:")
            .nth(1)
            .expect("CheckoutFailure.component"),
    );
    assert!(!named.is_empty());
    for kind in named {
        assert!(COMPONENT_KINDS.contains(&kind.as_str()), "{kind}");
    }
}

#[test]
fn the_custom_elements_their_attributes_and_events_are_declared_as_the_loader_defines_them() {
    let text = declarations();
    let loader = without_comments(&read("sdk/core.js"));
    let fields = loader_field_kinds();
    for (tag, kind) in &fields {
        assert!(COMPONENT_KINDS.contains(&kind.as_str()), "{tag}: {kind}");
    }
    // The elements: the two checkouts and the field elements, each defined by the loader.
    let mut elements = set(["paykka-dropin", "paykka-checkout"]);
    elements.extend(fields.iter().map(|(tag, _)| tag.clone()));
    assert_eq!(
        elements,
        set([
            "paykka-dropin",
            "paykka-checkout",
            "paykka-card-number",
            "paykka-expiry",
            "paykka-cvv",
            "paykka-holder-name",
        ])
    );
    for tag in ["paykka-dropin", "paykka-checkout"] {
        assert!(
            loader.contains(&format!("customElements.define('{tag}'")),
            "{tag} defined"
        );
    }
    assert!(loader.contains(
        "Object.keys(FIELD_KINDS).forEach(function (tag) { global.customElements.define(tag"
    ));
    let declared_elements = members(block(&text, "interface HTMLElementTagNameMap {"));
    assert_eq!(
        declared_elements, elements,
        "HTMLElementTagNameMap of the declarations"
    );

    // The events: every other `paykka-*` name of the loader.
    let events: BTreeSet<String> = loader_names().difference(&elements).cloned().collect();
    assert_eq!(
        events,
        set([
            "paykka-ready",
            "paykka-change",
            "paykka-payment-completed",
            "paykka-payment-failed",
            "paykka-error",
        ])
    );
    let declared_events = members(block(&text, "export interface PaykkaElementEventMap {"));
    assert_eq!(
        declared_events, events,
        "PaykkaElementEventMap of the declarations"
    );
    assert!(
        text.contains("interface GlobalEventHandlersEventMap extends PaykkaElementEventMap {}"),
        "the events typed on every element and the document"
    );

    // The attributes the elements read.
    let mut attributes = BTreeSet::new();
    for call in ["getAttribute('", "hasAttribute('"] {
        for piece in loader.split(call).skip(1) {
            attributes.insert(piece.split('\'').next().unwrap_or_default().to_string());
        }
    }
    assert_eq!(
        attributes,
        set(["session-id", "backend-url", "locale", "return-url"])
    );
    assert_eq!(union(&text, "PaykkaElementAttribute"), attributes);
}

#[test]
fn the_script_tag_and_the_npm_module_share_the_loader() {
    for loader in ["sdk/loader.js", "sdk/module.js"] {
        let source = read(loader);
        assert!(source.contains("__CORE__"), "{loader} pastes sdk/core.js");
        assert!(
            !source.contains("customElements.define"),
            "{loader} defines elements of its own"
        );
    }
}

#[test]
fn the_parsers_here_read_what_they_claim() {
    let text = without_comments(
        "// a 'quoted' comment\nexport type K = 'a' /* 'b' */ | 'c://d';\ninterface I {\n  x?: { y: string };\n  f(a: number): void;\n  g?: (h: { i: 1 }) => Promise<Record<string, unknown>>;\n  'j-k': CustomEvent<null>;\n  readonly l: string;\n}",
    );
    assert_eq!(union(&text, "K"), set(["a", "c://d"]));
    assert_eq!(
        members(block(&text, "interface I {")),
        set(["x", "f", "g", "j-k", "l"])
    );
}
