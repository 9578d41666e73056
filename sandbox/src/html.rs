//! HTML escaping for the pages the sandbox writes (the hosted page, the 3DS and approval pages):
//! every value from a request or a record goes through it before it reaches markup.

/// `s` safe as HTML text and as a double- or single-quoted attribute value.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
