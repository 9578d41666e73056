//! How the wire structs of [`crate::types`] and [`crate::order`] are declared: the rules every
//! one of them shares, written once.

/// Declares wire structs (request and answer bodies, and the objects inside them).
///
/// Written as ordinary structs (attributes, doc comments and `pub` members), with one rule added
/// to every `Option` member: a member that is missing (or `null`) reads as `None`, and `None` is
/// left out when sending, i.e. `#[serde(default, skip_serializing_if = "Option::is_none")]`.
/// PayKKa's examples leave out what a shop does not know and its plugin sends `null`s; a member
/// needing more (`deserialize_with`) gives its own `#[serde(...)]` beside the rule.
///
/// Two lines stand for members that several messages share, at the place they are written:
///
/// * `signed_request_fields;`: `merchant_id` and `timestamp`, which begin every request body
///   (the members a v1.2 signature covers).
/// * `order_objects;`: `goods`, `bill`, `shipping`, `customer` and `authentication`, the order's
///   objects that Create Session and Initiate Transaction both carry.
///
/// Members are written one a line with a trailing comma, `pub name: Type,`. rustfmt does not
/// format inside a macro: keep the layout by hand. A member without a doc comment is reported by
/// `missing_docs` at this macro's `pub $member` line, not at the member's.
macro_rules! wire {
    () => {};
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* } $($more:tt)*) => {
        wire!(@members [$(#[$meta])* pub struct $name] [] $($body)*);
        wire!($($more)*);
    };
    (@members $head:tt [$($done:tt)*] signed_request_fields; $($rest:tt)*) => {
        wire!(@members $head [$($done)*]
            /// The merchant's id at PayKKa (the merchant number of its portal). v1.2 signs it
            /// (`merchantId=<id>&...`); in v3 the caller is named by `x-paykka-appid` and the
            /// member says which merchant the request is for. Empty when not sent.
            #[serde(default)]
            pub merchant_id: String,
            /// v1.2 only: the time of the request in milliseconds since the epoch (13 digits),
            /// the one its signature covers; refused more than 5 minutes from the gateway's
            /// clock ([`crate::sign::MAX_SKEW_MS`]). Read as a number or a string of digits.
            /// `None` in v3, which carries the time in `x-paykka-timestamp`.
            #[serde(deserialize_with = "crate::types::de_opt_int")]
            pub timestamp: Option<i64>,
            $($rest)*
        );
    };
    (@members $head:tt [$($done:tt)*] order_objects; $($rest:tt)*) => {
        wire!(@members $head [$($done)*]
            /// The order's lines, prices in minor units. `None`: not sent.
            pub goods: Option<Vec<$crate::order::Goods>>,
            /// The billing address; its `descriptor` is the statement descriptor. `None`: not
            /// sent.
            pub bill: Option<$crate::order::Address>,
            /// Where the goods go. PayKKa refuses physical goods without it (`ret_code`
            /// `210003`, `error_code` `2009`); `None` for digital goods and services.
            pub shipping: Option<$crate::order::Address>,
            /// The shopper as the shop knows them (3-D Secure and fraud checks). `None`: not sent.
            pub customer: Option<$crate::order::Customer>,
            /// 3-D Secure preferences; `None` leaves them to PayKKa.
            pub authentication: Option<$crate::order::Authentication>,
            $($rest)*
        );
    };
    (@members $head:tt [$($done:tt)*]
        $(#[$attr:meta])* pub $member:ident: Option<$inner:ty>, $($rest:tt)*) => {
        wire!(@members $head [$($done)*
            $(#[$attr])*
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub $member: Option<$inner>,
        ] $($rest)*);
    };
    (@members $head:tt [$($done:tt)*] $(#[$attr:meta])* pub $member:ident: $ty:ty, $($rest:tt)*) => {
        wire!(@members $head [$($done)* $(#[$attr])* pub $member: $ty,] $($rest)*);
    };
    (@members [$($head:tt)*] [$($done:tt)*]) => {
        $($head)* { $($done)* }
    };
}
