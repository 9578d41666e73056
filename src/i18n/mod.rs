//! Fluent localization: the shopper's locale, with en-US as the fallback for any missing message.
//!
//! Messages are read by the core's small Fluent ([`paykka_core::messages`], checked against the
//! reference implementation in its tests). Amounts are formatted by the browser's
//! `Intl.NumberFormat` and plural categories come from `Intl.PluralRules` (see [`intl`]), so no
//! CLDR tables, float formatting or general-purpose Fluent runtime are compiled into the wasm.

pub mod intl;

use std::sync::{Arc, Mutex, MutexGuard};

use crate::small_map::SmallMap;

pub use paykka_core::messages::MessageArg;
use paykka_core::messages::Messages;

/// The locale every message is written in first, and the last fallback. The only one compiled
/// into the wasm: the others are fetched when a shopper needs them (see [`load_locale`]).
pub const SOURCE_LOCALE: &str = "en-US";

const SOURCE_FILE: &str = include_str!("../../locales/en-US/checkout.ftl");

/// The en-US messages as compiled in: the file without its comment lines (notes for
/// translators, ~1 KB the shopper would download for nothing). A line starting with `#` is
/// always a comment in Fluent: a pattern's continuation lines are indented.
const SOURCE_MESSAGES: &str = {
    const STRIPPED: ([u8; SOURCE_FILE.len()], usize) =
        without_comment_lines(SOURCE_FILE.as_bytes());
    match std::str::from_utf8(STRIPPED.0.split_at(STRIPPED.1).0) {
        Ok(text) => text,
        Err(_) => panic!("en-US messages are not UTF-8 once stripped"),
    }
};

/// `source`'s lines, except those starting with `#`, in an array as long as `source` (the rest
/// zeros, which compress to nothing), and the length used.
const fn without_comment_lines<const N: usize>(source: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut read, mut written) = (0, 0);
    while read < source.len() {
        let comment = source[read] == b'#';
        while read < source.len() {
            let byte = source[read];
            read += 1;
            if !comment {
                out[written] = byte;
                written += 1;
            }
            if byte == b'\n' {
                break;
            }
        }
    }
    (out, written)
}

/// Every locale shipped beside the bundle in `locales/<tag>/checkout.ftl`, PayKKa's markets
/// first. Negotiation picks among these (and any locale a merchant adds).
pub const AVAILABLE_LOCALES: &[&str] = &[
    "en-US", "en-GB", "zh-CN", "zh-TW", "zh-HK", "ja-JP", "ko-KR", "th-TH", "vi-VN", "id-ID",
    "ms-MY", "fil-PH", "hi-IN", "fr-FR", "de-DE", "es-ES", "es-MX", "it-IT", "nl-NL", "pt-PT",
    "pt-BR", "pl-PL", "sv-SE", "da-DK", "nb-NO", "fi-FI", "cs-CZ", "hu-HU", "ro-RO", "el-GR",
    "tr-TR", "ru-RU", "uk-UA", "ar", "he-IL",
];

/// Languages written right to left.
const RTL_LANGUAGES: &[&str] = &["ar", "he", "fa", "ur"];

/// Whether `locale` is written right to left (Arabic, Hebrew...).
pub fn is_rtl(locale: &str) -> bool {
    let language = locale.split(['-', '_']).next().unwrap_or_default();
    RTL_LANGUAGES
        .iter()
        .any(|l| l.eq_ignore_ascii_case(language))
}

/// What this page has of each locale: its fetched messages, and the merchant's own on top.
#[derive(Default)]
struct Catalogue {
    /// Fetched `checkout.ftl` sources, by tag (en-US is compiled in, never stored here).
    loaded: SmallMap<&'static str, Arc<str>>,
    /// Messages the merchant added or replaced, by tag, in the order given (later wins).
    merchant: SmallMap<&'static str, Vec<Arc<str>>>,
    /// Where the locale files are: `<base><tag>/checkout.ftl`, with optional SRI hashes keyed
    /// `locales/<tag>/checkout.ftl` (the bundle's `integrity.json` keys).
    base: Option<String>,
    integrity: SmallMap<String, String>,
    /// Each locale's messages as parsed (its file, then the merchant's): parsed once, dropped
    /// when either changes.
    parsed: SmallMap<&'static str, Arc<Messages>>,
}

static CATALOGUE: Mutex<Option<Catalogue>> = Mutex::new(None);

fn catalogue() -> MutexGuard<'static, Option<Catalogue>> {
    // A panic while it was held cannot leave it half-written: every write is a single insert.
    CATALOGUE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn with_catalogue<R>(f: impl FnOnce(&mut Catalogue) -> R) -> R {
    f(catalogue().get_or_insert_with(Catalogue::default))
}

/// A tag as `&'static str`: one of ours, else the merchant's (kept for the page's lifetime;
/// merchants add a handful at most).
fn intern(tag: &str) -> &'static str {
    if let Some(known) = AVAILABLE_LOCALES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(tag))
    {
        return known;
    }
    with_catalogue(|c| {
        c.merchant
            .keys()
            .find(|t| t.eq_ignore_ascii_case(tag))
            .copied()
    })
    .unwrap_or_else(|| Box::leak(tag.to_owned().into_boxed_str()))
}

/// Every locale negotiation may pick: the shipped ones and those a merchant added.
fn available() -> Vec<&'static str> {
    let mut all = AVAILABLE_LOCALES.to_vec();
    with_catalogue(|c| all.extend(c.merchant.keys().filter(|t| !AVAILABLE_LOCALES.contains(t))));
    all
}

/// Picks the best available locale for a list of requested language tags, most preferred first:
/// an exact match (case-insensitive), else the first available locale of the same base language
/// (`fr-CH` -> `fr-FR`, `zh-SG` -> `zh-CN`), else the next request, and finally [`SOURCE_LOCALE`].
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> &'static str {
    let available = available();
    for tag in requested {
        let tag = tag.trim().replace('_', "-");
        if let Some(code) = available
            .iter()
            .find(|code| code.eq_ignore_ascii_case(&tag))
        {
            return code;
        }
        let base = tag.split('-').next().unwrap_or_default();
        if base.is_empty() {
            continue;
        }
        if let Some(code) = available.iter().find(|code| {
            code.split('-')
                .next()
                .is_some_and(|b| b.eq_ignore_ascii_case(base))
        }) {
            return code;
        }
    }
    SOURCE_LOCALE
}

/// Why merchant messages were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessagesError(pub String);

impl std::fmt::Display for MessagesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Adds or replaces messages for `locale` (Fluent syntax, e.g. `pay-button = Place order { $amount }`).
/// A locale we do not ship becomes available to negotiation; its missing messages come from
/// en-US. Applies to localizers created afterwards.
pub fn add_messages(locale: &str, ftl: &str) -> Result<(), MessagesError> {
    let tag = locale.trim();
    if tag.is_empty()
        || tag.len() > 35
        || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(MessagesError(format!(
            "\"{locale}\" is not a language tag such as \"fr-FR\""
        )));
    }
    if let Some(first) = Messages::parse(ftl).1.first() {
        return Err(MessagesError(format!(
            "the messages for {tag} are not valid Fluent: {first}"
        )));
    }
    let tag = intern(tag);
    with_catalogue(|c| {
        c.merchant.get_or_default(tag).push(Arc::from(ftl));
        c.parsed.remove(tag);
    });
    Ok(())
}

/// Where [`load_locale`] fetches locale files: `<base><tag>/checkout.ftl`, each checked against
/// `integrity` (an object of `locales/<tag>/checkout.ftl` -> `sha384-...`, or undefined) when
/// given. The script-tag loader points it at the bundle's own folder.
pub fn set_locale_source(base: &str, integrity: impl IntoIterator<Item = (String, String)>) {
    let integrity = integrity.into_iter().collect();
    with_catalogue(|c| {
        c.base = Some(base.to_owned());
        c.integrity = integrity;
    });
}

/// Whether `locale`'s messages are at hand (compiled in, fetched, or the merchant's).
pub fn is_loaded(locale: &str) -> bool {
    locale == SOURCE_LOCALE
        || with_catalogue(|c| c.loaded.contains_key(locale) || c.merchant.contains_key(locale))
}

/// Negotiates `requested` and fetches that locale's messages if this page has not yet: resolves
/// to the locale to use. When the file cannot be had (offline, 404, tampered), the shopper gets
/// en-US rather than a broken form, and a later call tries again.
pub async fn load_locale<'a>(requested: impl IntoIterator<Item = &'a str>) -> &'static str {
    let locale = negotiate(requested);
    if is_loaded(locale) || !AVAILABLE_LOCALES.contains(&locale) {
        return locale;
    }
    // Two loads of one locale at once (a Drop-in's fallback and its session's language) share
    // one fetch: the second waits for the first's promise instead of downloading the file again.
    let in_flight = IN_FLIGHT.with(|m| m.borrow().get(locale).cloned());
    let promise = in_flight.unwrap_or_else(|| {
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            Ok(fetch_locale(locale)
                .await
                .map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from))
        });
        IN_FLIGHT.with(|m| m.borrow_mut().insert(locale, promise.clone()));
        promise
    });
    let source = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string());
    IN_FLIGHT.with(|m| m.borrow_mut().remove(locale));
    match source {
        Some(source) => {
            if !is_loaded(locale) {
                with_catalogue(|c| {
                    c.loaded.insert(locale, Arc::from(source));
                    c.parsed.remove(locale);
                });
            }
            locale
        }
        None => SOURCE_LOCALE,
    }
}

thread_local! {
    /// Locale files being fetched, by tag.
    static IN_FLIGHT: std::cell::RefCell<SmallMap<&'static str, js_sys::Promise>> =
        const { std::cell::RefCell::new(SmallMap::new()) };
}

async fn fetch_locale(locale: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let (base, integrity) = with_catalogue(|c| {
        let key = format!("locales/{locale}/checkout.ftl");
        (
            c.base.clone().unwrap_or_else(|| "/locales/".to_owned()),
            c.integrity.get(&key).cloned(),
        )
    });
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    if let Some(integrity) = integrity {
        init.set_integrity(&integrity);
    }
    let request =
        web_sys::Request::new_with_str_and_init(&format!("{base}{locale}/checkout.ftl"), &init)
            .ok()?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_request(&request))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    // An error page served with 200 is not a locale: it must parse and define the Pay button.
    let (messages, errors) = Messages::parse(&text);
    (errors.is_empty() && messages.has("pay-button")).then_some(text)
}

/// Translates message ids for one shopper locale.
pub struct Localizer {
    locale: &'static str,
    messages: Arc<Messages>,
    fallback: Option<Arc<Messages>>,
}

impl Localizer {
    /// A localizer for `locale`, negotiated against the available locales. A locale whose
    /// messages are not loaded yet (see [`load_locale`]) is served in en-US, and says so in
    /// [`Localizer::locale`], so the page's `lang` never claims a language it does not show.
    pub fn new(locale: &str) -> Self {
        let negotiated = negotiate([locale]);
        let locale = if is_loaded(negotiated) {
            negotiated
        } else {
            SOURCE_LOCALE
        };
        let fallback = (locale != SOURCE_LOCALE).then(|| messages_for(SOURCE_LOCALE));
        Self {
            locale,
            messages: messages_for(locale),
            fallback,
        }
    }

    /// A localizer for a locale file at hand (tests: no catalogue, no fetch).
    #[cfg(test)]
    fn from_source(locale: &'static str, source: &str) -> Self {
        let (messages, errors) = Messages::parse(source);
        assert!(errors.is_empty(), "{locale}: {errors:?}");
        Self {
            locale,
            messages: Arc::new(messages),
            fallback: Some(messages_for(SOURCE_LOCALE)),
        }
    }

    /// The BCP 47 tag in use, e.g. `fr-FR`.
    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Whether this locale is written right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl(self.locale)
    }

    /// Whether `id` resolves in this locale or its fallback.
    pub fn has(&self, id: &str) -> bool {
        self.messages.has(id) || self.fallback.as_ref().is_some_and(|m| m.has(id))
    }

    /// The message `id`; the id itself when no locale defines it, so a gap is visible, not blank.
    pub fn t(&self, id: &str) -> String {
        self.t_with(id, &[])
    }

    /// The message `id` with named arguments: text (`"$49.99".into()`) or whole numbers
    /// (`3.into()`, which also pick plural variants by the locale's rules).
    pub fn t_with(&self, id: &str, args: &[(&str, MessageArg<'_>)]) -> String {
        // Arguments are amounts, brands, card digits, method and shop names: in a right-to-left
        // sentence each stays one left-to-right piece (LRI ... PDI). No isolation marks
        // otherwise: in Arabic, Intl's amounts start with a right-to-left mark, and an isolate
        // around every argument would turn "US$" into "$US".
        let isolated: Vec<(&str, MessageArg<'_>)>;
        let args = if self.is_rtl() {
            isolated = args
                .iter()
                .map(|(name, value)| match value {
                    MessageArg::Text(text) => {
                        (*name, MessageArg::from(format!("\u{2066}{text}\u{2069}")))
                    }
                    other => (*name, other.clone()),
                })
                .collect();
            &isolated[..]
        } else {
            args
        };
        let locale = self.locale;
        let plural = move |n: i64| intl::plural_category(locale, n);
        std::iter::once(&self.messages)
            .chain(self.fallback.as_ref())
            .find_map(|messages| messages.format(id, args, &plural))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// `locale`'s messages: its file (en-US: compiled in), then the merchant's on top, parsed once.
fn messages_for(locale: &'static str) -> Arc<Messages> {
    if let Some(parsed) = with_catalogue(|c| c.parsed.get(locale).cloned()) {
        return parsed;
    }
    let (source, merchant) = with_catalogue(|c| {
        let source = if locale == SOURCE_LOCALE {
            None
        } else {
            c.loaded.get(locale).cloned()
        };
        (source, c.merchant.get(locale).cloned().unwrap_or_default())
    });
    let source = source.as_deref().unwrap_or(if locale == SOURCE_LOCALE {
        SOURCE_MESSAGES
    } else {
        ""
    });
    // A malformed entry loses that entry only; the rest of the file still loads.
    let (mut messages, _) = Messages::parse(source);
    for text in &merchant {
        messages.add(text);
    }
    let messages = Arc::new(messages);
    with_catalogue(|c| c.parsed.insert(locale, messages.clone()));
    messages
}

/// Shared handle to the shopper's [`Localizer`], cheap to clone into closures.
pub type I18n = Arc<Localizer>;

#[cfg(test)]
mod tests;
