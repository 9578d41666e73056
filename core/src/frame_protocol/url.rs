//! The frame's URL: the fragment the parent writes into the iframe's `src` and the frame reads
//! on load, and the origin it names.

use super::values::{Channel, FieldKind, Locale};
use super::wire::{Fields, ProtocolError, Writer, pairs, parse_u32};

/// An `http` or `https` origin as `MessageEvent.origin` serialises it: lowercase scheme and
/// host, an optional port, nothing after (no path, not even `/`, no user info).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Origin(String);

impl Origin {
    /// Checks an origin; `None` if it is not the serialisation of an http(s) origin.
    pub fn parse(s: &str) -> Option<Origin> {
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))?;
        let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
            let (addr, after) = v6.split_once(']')?;
            let ok = !addr.is_empty()
                && addr
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'a'..=b'f' | b':' | b'.'));
            if !ok {
                return None;
            }
            (addr, after)
        } else {
            match rest.find(':') {
                Some(i) => (rest.get(..i)?, rest.get(i..)?),
                None => (rest, ""),
            }
        };
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && (rest.starts_with('[')
                || host.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                }));
        let port_ok = match port.strip_prefix(':') {
            None => port.is_empty(),
            Some(p) => parse_u32(p).is_some_and(|n| (1..=65535).contains(&n)),
        };
        (host_ok && port_ok).then(|| Origin(s.to_owned()))
    }

    /// The origin, for `postMessage` and for comparing with `MessageEvent.origin`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the frame reads from its URL fragment:
/// `#field=<field>&ch=<channel>&origin=<parent origin, urlencoded>&locale=<tag>` (`locale`
/// optional, default `en-US`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FrameParams {
    /// The field to render.
    pub field: FieldKind,
    /// The channel of the mount.
    pub channel: Channel,
    /// The only origin the frame listens to and posts to.
    pub origin: Origin,
    /// The initial locale.
    pub locale: Locale,
}

impl FrameParams {
    /// Parses the fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Result<FrameParams, ProtocolError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut f = Fields(pairs(fragment)?);
        let params = FrameParams {
            field: f.field()?,
            channel: Channel::parse(&f.req("ch")?).ok_or(ProtocolError::BadChannel)?,
            origin: f.parsed("origin", Origin::parse)?,
            locale: f
                .optional("locale", Locale::new)?
                .unwrap_or_else(|| Locale("en-US".to_owned())),
        };
        f.finish(params)
    }

    /// The fragment, as [`FrameParams::parse`] reads it (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut w = Writer(String::with_capacity(128));
        w.pair("field", self.field.code());
        w.pair("ch", self.channel.as_str());
        w.pair("origin", self.origin.as_str());
        w.pair("locale", self.locale.as_str());
        w.0
    }
}
