//! Tests of the frame protocol, one file per part, and the samples they share.

use super::*;
use crate::style_values::{FrameStyle, FrameStyleVar, ValueKind};
use crate::{Brand, CheckoutError};

mod messages;
mod url;
mod values;
mod wire;

const CH: &str = "0123456789abcdef0123456789abcdef";

fn ch() -> Channel {
    Channel::parse(CH).unwrap()
}

fn env(tag: &str) -> Envelope {
    Envelope::parse(&format!("pkenc.v2.08dcc3528cbd0c50.{tag}AbC-_x")).unwrap()
}

/// One message of every kind, with the richest contents each allows.
fn frame_samples() -> Vec<FrameToParent> {
    let mut out = Vec::new();
    for &field in FieldKind::ALL {
        out.push(FrameToParent::Ready { field });
        out.push(FrameToParent::Submit { field });
        out.push(FrameToParent::State {
            field,
            state: FieldState {
                empty: false,
                complete: true,
                valid: true,
                focused: true,
                error: None,
                brand: (field == FieldKind::Number).then_some(Brand::Visa),
            },
        });
        out.push(FrameToParent::State {
            field,
            state: FieldState {
                empty: true,
                complete: false,
                valid: false,
                focused: false,
                error: Some(CheckoutError::NumberIncomplete),
                brand: None,
            },
        });
        for &reason in FailReason::ALL {
            out.push(FrameToParent::Failed {
                req: u32::MAX,
                field,
                reason,
                error: None,
            });
            out.push(FrameToParent::Failed {
                req: 0,
                field,
                reason,
                error: Some(CheckoutError::CvvIncomplete),
            });
        }
    }
    out.push(FrameToParent::Encrypted {
        req: 7,
        value: Encrypted::Number {
            enc: env("n"),
            brand: Brand::Amex,
            bin: Bin::new("37828").unwrap(),
            last4: Last4::new("0005").unwrap(),
        },
    });
    out.push(FrameToParent::Encrypted {
        req: 8,
        value: Encrypted::Expiry {
            enc_month: env("m"),
            enc_year: env("y"),
        },
    });
    out.push(FrameToParent::Encrypted {
        req: 9,
        value: Encrypted::Cvv { enc: env("c") },
    });
    out.push(FrameToParent::Encrypted {
        req: 10,
        value: Encrypted::Holder {
            holder: HolderText::new("Zoë O'Brien-Łukasz & 名前+%=").unwrap(),
        },
    });
    out
}

fn parent_samples() -> Vec<ParentToFrame> {
    let mut out = vec![
        ParentToFrame::Focus,
        ParentToFrame::Touch,
        ParentToFrame::Clear,
        ParentToFrame::Encrypt { req: 0 },
        ParentToFrame::Encrypt { req: 4_000_000_000 },
        ParentToFrame::Configure(Configure {
            label: Label::new("Card number").unwrap(),
            placeholder: None,
            locale: Locale::new("en-US").unwrap(),
            brand: None,
            style: FrameStyle::default(),
            binding: None,
        }),
        ParentToFrame::Configure(Configure {
            label: Label::new("Numéro de carte & co = 100% *sûr*").unwrap(),
            placeholder: Label::new("1234 1234 1234 1234").ok_or(()).ok(),
            locale: Locale::new("fr-CH").unwrap(),
            brand: Some(Brand::Amex),
            style: FrameStyle::from_values([
                (FrameStyleVar::Color, "rgb(236, 238, 243)"),
                (FrameStyleVar::PlaceholderColor, "#b8bdc9"),
                (FrameStyleVar::InvalidColor, "#ffb4ab"),
                (FrameStyleVar::Background, "#1d2129"),
                (
                    FrameStyleVar::FontFamily,
                    "\"Open Sans\", system-ui, sans-serif",
                ),
                (FrameStyleVar::FontSize, "16px"),
                (FrameStyleVar::FontWeight, "500"),
            ]),
            binding: Binding::new("CS0123456789abcdef", "10000000000001"),
        }),
    ];
    out.extend(
        Brand::ALL
            .iter()
            .map(|&brand| ParentToFrame::Brand { brand }),
    );
    out
}
