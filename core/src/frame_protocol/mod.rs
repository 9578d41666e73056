//! The messages between the secure card frames and the page that embeds them.
//!
//! Each card field (number, expiry, CVV, holder name) is an `<input>` inside a cross-origin
//! iframe served by the payment provider. The frame and its parent (the Drop-in or a
//! Component) talk with `postMessage`, always naming the exact target origin. This module is
//! the whole vocabulary of that conversation, shared by both sides so that neither can send
//! what the other would not understand.
//!
//! # Wire format
//!
//! The `data` of every message is a **string** in `application/x-www-form-urlencoded` form,
//! exactly what `URLSearchParams.toString()` produces (`+` for a space, `%XX` for any byte
//! outside `A-Z a-z 0-9 * - . _`). A message is at most [`MAX_MESSAGE_BYTES`] bytes and
//! [`MAX_PAIRS`] pairs; keys are `[a-z0-9_]`, appear once, and only the keys of the message's
//! type are accepted: an unknown or duplicated key, a malformed `%` escape, invalid UTF-8 or an
//! empty pair rejects the whole message.
//!
//! Every message carries `pk=1` (the protocol version), `ch=<channel>` (32 lowercase hex
//! digits: 128 random bits the parent picks per mount and passes in the frame's URL fragment)
//! and `t=<type>`.
//!
//! | direction | `t` | other keys |
//! | --- | --- | --- |
//! | frame → parent | `ready` | `field` |
//! | frame → parent | `state` | `field`, `empty`, `complete`, `valid`, `focused` (each `0`/`1`), `error`? (message id, only when it should be shown now), `brand`? (number field only) |
//! | frame → parent | `submit` | `field` (the shopper pressed Enter in the frame) |
//! | frame → parent | `encrypted` | `req`, `field`, then by field: number `enc`, `brand`, `bin6`, `last4`; expiry `enc_month`, `enc_year`; cvv `enc`; holder `holder` (a name is not card data: sent in clear) |
//! | frame → parent | `failed` | `req`, `field`, `reason` (`invalid`, `key_unavailable`, `crypto_failed`), `error`? |
//! | parent → frame | `configure` | `label`, `placeholder`?, `locale`, `brand`? (fixes the brand of a stored card's CVV frame), `s_*`? (the look, below), `sid`? and `mid`? (the checkout the envelopes are sealed for, see [`Binding`]) |
//! | parent → frame | `brand` | `brand` (the number frame's brand, for the CVV frame's length) |
//! | parent → frame | `focus` | |
//! | parent → frame | `touch` | (the parent is submitting: show any error now, re-send `state`) |
//! | parent → frame | `encrypt` | `req` |
//! | parent → frame | `clear` | |
//!
//! `field` is `number`, `expiry`, `cvv` or `holder`; `brand` a [`Brand::code`]; `error` a
//! [`CheckoutError::message_id`]; `req` a decimal `u32` without leading zeros; `enc*` an
//! envelope `pkenc.v2.<kid>.<base64url>` (see [`Envelope`]).
//!
//! The parent's look travels in `configure` as one optional key per [`FrameStyleVar`]
//! (`s_color`, `s_placeholder`, `s_invalid`, `s_background`, `s_font_family`, `s_font_size`,
//! `s_font_weight`). No theme name is sent: the parent reads the values from its own computed
//! custom properties, so its theme, the merchant's appearance and the page's CSS all arrive as
//! values, which the frame sets as its own custom properties. Each value must pass the grammar
//! of its [`ValueKind`] or the whole `configure` is refused (`BadValue` naming the key; the
//! parent's [`FrameStyle::from_values`] drops such values before sending); any other key, a
//! `theme` among them, is refused like every unknown key.
//!
//! # Never a card number or a CVV in clear
//!
//! By construction: no variant has a place for one. Frame → parent, the only free text is the
//! holder name ([`HolderText`], which refuses every digit); the card number leaves as an
//! [`Envelope`] plus [`Bin`] (at most 6 digits) and [`Last4`] (4 digits). Parent → frame, the free
//! texts are label, placeholder and locale, which the parent never has card data for.
//!
//! And by a guard: [`decode_frame_message`] and [`decode_parent_message`] reject any message
//! in which any value holds a run of [`PAN_DIGIT_RUN`] or more consecutive digits (Unicode
//! decimal digits included): the shortest card number is 12 digits. Some values are exempt,
//! because digit runs are their nature and their shape is checked strictly anyway: the channel
//! `ch` (random hex, exactly 32 `0-9a-f`, see [`Channel`]), the checkout's ids `sid` and `mid`
//! (a merchant id is 14 digits, see [`Binding`]) and the key id inside an `enc*` envelope; for
//! `enc*` values the guard looks at the ciphertext, where a 12-digit run is a
//! one-in-ten-million event the frame handles by encrypting again (OAEP is randomised). The
//! same checks run in the constructors of [`Label`], [`Locale`], [`HolderText`] and
//! [`Envelope`] and in [`FrameStyle::from_values`], so whatever [`encode`] writes, the decoders
//! accept.
//!
//! # Layout
//!
//! `wire` (the form-urlencoded format, the header, the limits and the guard), `values` (the
//! checked values messages carry), `messages` (both directions, encoded and decoded) and `url`
//! (the frame's URL fragment); everything public is re-exported here.
//!
//! [`Brand::code`]: crate::Brand::code
//! [`CheckoutError::message_id`]: crate::CheckoutError::message_id
//! [`FrameStyleVar`]: crate::style_values::FrameStyleVar
//! [`ValueKind`]: crate::style_values::ValueKind
//! [`FrameStyle::from_values`]: crate::style_values::FrameStyle::from_values

mod messages;
mod url;
mod values;
mod wire;

/// The envelope prefix, as `GET /card-key` announces it.
pub use crate::card_envelope::ENVELOPE_PREFIX;
// The card-number guard lives with the other digit helpers.
pub use crate::digits::{PAN_DIGIT_RUN, has_card_number_run};
pub use messages::{
    Configure, Encrypted, FailReason, FieldState, FrameToParent, Message, ParentToFrame,
    decode_frame_message, decode_parent_message, encode,
};
pub use url::{FrameParams, Origin};
pub use values::{
    Bin, Binding, Channel, Envelope, FieldKind, FixedDigits, HolderText, Label, Last4, Locale,
    MAX_ENVELOPE_BYTES, MAX_LABEL_BYTES, MAX_LABEL_CHARS, MAX_LOCALE_BYTES, error_from_id,
};
pub use wire::{MAX_MESSAGE_BYTES, MAX_PAIRS, ProtocolError, VERSION};

#[cfg(test)]
mod tests;
