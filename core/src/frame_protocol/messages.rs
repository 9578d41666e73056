//! The messages of both directions: what each carries, how [`encode`] writes it and how
//! [`decode_frame_message`] and [`decode_parent_message`] read it back.

use super::values::{Bin, Binding, Channel, Envelope, FieldKind, HolderText, Label, Last4, Locale};
use super::wire::{ProtocolError, Writer, header};
use crate::style_values::{FrameStyle, FrameStyleVar};
use crate::{Brand, CheckoutError};

/// What a frame tells its parent about its field, on every change, focus and blur.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FieldState {
    /// Nothing typed.
    pub empty: bool,
    /// Valid and unable to take more characters: the parent may move focus on.
    pub complete: bool,
    /// The value would pass as it is.
    pub valid: bool,
    /// The input has focus.
    pub focused: bool,
    /// The error to show now ([`crate::field::FieldVerdict::visible_error`]); `None` while it
    /// should stay hidden, even if the value is not valid yet.
    pub error: Option<CheckoutError>,
    /// The number field's brand as detected so far; `None` for the other fields.
    pub brand: Option<Brand>,
}

/// An encrypted field, as the frame hands it over.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Encrypted {
    /// The card number, and what the page may know of it.
    Number {
        /// The digits, encrypted.
        enc: Envelope,
        /// Its brand.
        brand: Brand,
        /// Leading digits, as many as the truncation rule allows (at most six).
        bin: Bin,
        /// Last four digits.
        last4: Last4,
    },
    /// The expiry date, month and year encrypted apart as the gateway takes them.
    Expiry {
        /// Month `01`..`12`, encrypted.
        enc_month: Envelope,
        /// Four-digit year, encrypted.
        enc_year: Envelope,
    },
    /// The security code, encrypted.
    Cvv {
        /// The digits, encrypted.
        enc: Envelope,
    },
    /// The holder name, in clear: a name is not card data.
    Holder {
        /// The normalised name.
        holder: HolderText,
    },
}

impl Encrypted {
    /// The field this value comes from.
    pub fn field(&self) -> FieldKind {
        match self {
            Self::Number { .. } => FieldKind::Number,
            Self::Expiry { .. } => FieldKind::Expiry,
            Self::Cvv { .. } => FieldKind::Cvv,
            Self::Holder { .. } => FieldKind::Holder,
        }
    }
}

/// Why a frame could not answer an `encrypt`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FailReason {
    /// The value is not valid; `error` says why.
    Invalid,
    /// The card key could not be fetched or imported.
    KeyUnavailable,
    /// WebCrypto refused to encrypt.
    CryptoFailed,
}

impl FailReason {
    /// Every reason.
    pub const ALL: &'static [FailReason] =
        &[Self::Invalid, Self::KeyUnavailable, Self::CryptoFailed];

    /// The wire name.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::KeyUnavailable => "key_unavailable",
            Self::CryptoFailed => "crypto_failed",
        }
    }

    /// The reason from its wire name.
    pub fn from_code(code: &str) -> Option<FailReason> {
        Self::ALL.iter().copied().find(|r| r.code() == code)
    }
}

/// A message from a frame to its parent.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FrameToParent {
    /// The frame is listening (`t=ready`).
    Ready {
        /// The frame's field.
        field: FieldKind,
    },
    /// The field's state changed (`t=state`).
    State {
        /// The frame's field.
        field: FieldKind,
        /// Its state.
        state: FieldState,
    },
    /// The shopper pressed Enter (`t=submit`).
    Submit {
        /// The frame's field.
        field: FieldKind,
    },
    /// The answer to an `encrypt` (`t=encrypted`).
    Encrypted {
        /// The `req` of the `encrypt`.
        req: u32,
        /// The encrypted value.
        value: Encrypted,
    },
    /// An `encrypt` that could not be honoured (`t=failed`).
    Failed {
        /// The `req` of the `encrypt`.
        req: u32,
        /// The frame's field.
        field: FieldKind,
        /// Why.
        reason: FailReason,
        /// For [`FailReason::Invalid`]: what is wrong with the value.
        error: Option<CheckoutError>,
    },
}

/// What the parent tells a frame once it is ready.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Configure {
    /// The input's accessible name (`aria-label`).
    pub label: Label,
    /// The input's placeholder.
    pub placeholder: Option<Label>,
    /// The locale of the checkout.
    pub locale: Locale,
    /// A fixed brand: a stored card's CVV frame, whose length follows that card.
    pub brand: Option<Brand>,
    /// The parent's look (text colour, font...), each value checked (`s_*` keys).
    pub style: FrameStyle,
    /// The checkout the field's envelopes are sealed for; without it the frame refuses to
    /// encrypt (an envelope bound to nothing could be replayed anywhere).
    pub binding: Option<Binding>,
}

/// A message from the parent to a frame.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ParentToFrame {
    /// Label, placeholder, locale, fixed brand (`t=configure`).
    Configure(Configure),
    /// The number frame's brand, for the CVV frame (`t=brand`).
    Brand {
        /// The brand.
        brand: Brand,
    },
    /// Take the focus (`t=focus`).
    Focus,
    /// The parent is submitting: show any error now and re-send the state (`t=touch`).
    Touch,
    /// Encrypt the value and answer `encrypted` or `failed` with this `req` (`t=encrypt`).
    Encrypt {
        /// Echoed in the answer.
        req: u32,
    },
    /// Empty the field (`t=clear`).
    Clear,
}

/// Encodes a message of either direction for `postMessage`.
pub fn encode<M: Message>(channel: &Channel, msg: &M) -> String {
    msg.encode(channel)
}

/// A message that [`encode`] can write: [`FrameToParent`] or [`ParentToFrame`].
pub trait Message {
    /// Writes the message's wire string.
    fn encode(&self, channel: &Channel) -> String;
}

impl Message for FrameToParent {
    fn encode(&self, channel: &Channel) -> String {
        let mut w;
        match self {
            Self::Ready { field } => {
                w = Writer::new(channel, "ready");
                w.pair("field", field.code());
            }
            Self::State { field, state } => {
                w = Writer::new(channel, "state");
                w.pair("field", field.code());
                w.flag("empty", state.empty);
                w.flag("complete", state.complete);
                w.flag("valid", state.valid);
                w.flag("focused", state.focused);
                if let Some(error) = state.error {
                    w.pair("error", error.message_id());
                }
                if let Some(brand) = state.brand.filter(|_| *field == FieldKind::Number) {
                    w.pair("brand", brand.code());
                }
            }
            Self::Submit { field } => {
                w = Writer::new(channel, "submit");
                w.pair("field", field.code());
            }
            Self::Encrypted { req, value } => {
                w = Writer::new(channel, "encrypted");
                w.number("req", *req);
                w.pair("field", value.field().code());
                match value {
                    Encrypted::Number {
                        enc,
                        brand,
                        bin,
                        last4,
                    } => {
                        w.pair("enc", enc.as_str());
                        w.pair("brand", brand.code());
                        w.pair("bin6", bin.as_str());
                        w.pair("last4", last4.as_str());
                    }
                    Encrypted::Expiry {
                        enc_month,
                        enc_year,
                    } => {
                        w.pair("enc_month", enc_month.as_str());
                        w.pair("enc_year", enc_year.as_str());
                    }
                    Encrypted::Cvv { enc } => w.pair("enc", enc.as_str()),
                    Encrypted::Holder { holder } => w.pair("holder", holder.as_str()),
                }
            }
            Self::Failed {
                req,
                field,
                reason,
                error,
            } => {
                w = Writer::new(channel, "failed");
                w.number("req", *req);
                w.pair("field", field.code());
                w.pair("reason", reason.code());
                if let Some(error) = error {
                    w.pair("error", error.message_id());
                }
            }
        }
        w.0
    }
}

impl Message for ParentToFrame {
    fn encode(&self, channel: &Channel) -> String {
        let mut w;
        match self {
            Self::Configure(c) => {
                w = Writer::new(channel, "configure");
                w.pair("label", c.label.as_str());
                if let Some(p) = &c.placeholder {
                    w.pair("placeholder", p.as_str());
                }
                w.pair("locale", c.locale.as_str());
                if let Some(brand) = c.brand {
                    w.pair("brand", brand.code());
                }
                for (var, value) in &c.style.0 {
                    w.pair(var.key(), value.as_str());
                }
                if let Some(b) = &c.binding {
                    w.pair("sid", b.session_id());
                    w.pair("mid", b.merchant_id());
                }
            }
            Self::Brand { brand } => {
                w = Writer::new(channel, "brand");
                w.pair("brand", brand.code());
            }
            Self::Focus => w = Writer::new(channel, "focus"),
            Self::Touch => w = Writer::new(channel, "touch"),
            Self::Encrypt { req } => {
                w = Writer::new(channel, "encrypt");
                w.number("req", *req);
            }
            Self::Clear => w = Writer::new(channel, "clear"),
        }
        w.0
    }
}

/// Decodes a message a frame sent to its parent. Never panics, whatever `data` holds.
pub fn decode_frame_message(data: &str) -> Result<(Channel, FrameToParent), ProtocolError> {
    let (channel, t, mut f) = header(data)?;
    let msg = match t.as_str() {
        "ready" => FrameToParent::Ready { field: f.field()? },
        "submit" => FrameToParent::Submit { field: f.field()? },
        "state" => {
            let field = f.field()?;
            let state = FieldState {
                empty: f.flag("empty")?,
                complete: f.flag("complete")?,
                valid: f.flag("valid")?,
                focused: f.flag("focused")?,
                error: f.error()?,
                brand: if field == FieldKind::Number {
                    f.optional("brand", Brand::from_code)?
                } else {
                    None
                },
            };
            FrameToParent::State { field, state }
        }
        "encrypted" => {
            let req = f.req_id()?;
            let value = match f.field()? {
                FieldKind::Number => Encrypted::Number {
                    enc: f.parsed("enc", Envelope::parse)?,
                    brand: f.parsed("brand", Brand::from_code)?,
                    bin: f.parsed("bin6", Bin::new)?,
                    last4: f.parsed("last4", Last4::new)?,
                },
                FieldKind::Expiry => Encrypted::Expiry {
                    enc_month: f.parsed("enc_month", Envelope::parse)?,
                    enc_year: f.parsed("enc_year", Envelope::parse)?,
                },
                FieldKind::Cvv => Encrypted::Cvv {
                    enc: f.parsed("enc", Envelope::parse)?,
                },
                FieldKind::Holder => Encrypted::Holder {
                    holder: f.parsed("holder", HolderText::new)?,
                },
            };
            FrameToParent::Encrypted { req, value }
        }
        "failed" => FrameToParent::Failed {
            req: f.req_id()?,
            field: f.field()?,
            reason: f.parsed("reason", FailReason::from_code)?,
            error: f.error()?,
        },
        _ => return Err(ProtocolError::UnknownType),
    };
    Ok((channel, f.finish(msg)?))
}

/// Decodes a message a parent sent to a frame. Never panics, whatever `data` holds.
pub fn decode_parent_message(data: &str) -> Result<(Channel, ParentToFrame), ProtocolError> {
    let (channel, t, mut f) = header(data)?;
    let msg = match t.as_str() {
        "configure" => ParentToFrame::Configure(Configure {
            label: f.parsed("label", Label::new)?,
            placeholder: f.optional("placeholder", Label::new)?,
            locale: f.parsed("locale", Locale::new)?,
            brand: f.optional("brand", Brand::from_code)?,
            style: {
                let mut style = Vec::new();
                for var in FrameStyleVar::ALL {
                    if let Some(value) = f.optional(var.key(), |v| var.kind().check(v))? {
                        style.push((var, value));
                    }
                }
                FrameStyle(style)
            },
            binding: match f.take("sid") {
                None => None,
                Some(sid) => {
                    let mid = f.take("mid").unwrap_or_default();
                    Some(Binding::new(&sid, &mid).ok_or(ProtocolError::BadValue("sid"))?)
                }
            },
        }),
        "brand" => ParentToFrame::Brand {
            brand: f.parsed("brand", Brand::from_code)?,
        },
        "focus" => ParentToFrame::Focus,
        "touch" => ParentToFrame::Touch,
        "encrypt" => ParentToFrame::Encrypt { req: f.req_id()? },
        "clear" => ParentToFrame::Clear,
        _ => return Err(ProtocolError::UnknownType),
    };
    Ok((channel, f.finish(msg)?))
}
