use core::str::FromStr;

use crate::CheckoutError;

/// Active ISO 4217 codes that have a minor unit, sorted, three letters each.
///
/// Funds and precious metals without a minor unit (XAU, XDR, XSU, ...) cannot be charged and
/// are left out, as are withdrawn codes (ANG, BGN, CUC, HRK, SLL, ZWL).
const CODES: &str = concat!(
    "AEDAFNALLAMDAOAARSAUDAWGAZNBAMBBDBDTBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHFCHW",
    "CLFCLPCNYCOPCOUCRCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNL",
    "HTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGA",
    "MKDMMKMNTMOPMRUMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSD",
    "RUBRWFSARSBDSCRSDGSEKSGDSHPSLESOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSD",
    "USNUYIUYUUYWUZSVEDVESVNDVUVWSTXAFXCDXCGXOFXPFYERZARZMWZWG",
);

const EXPONENT_0: &str = "BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXUYIVNDVUVXAFXOFXPF";
const EXPONENT_3: &str = "BHDIQDJODKWDLYDOMRTND";
const EXPONENT_4: &str = "CLFUYW";

/// The table entry equal to `code`, as a `'static` slice so [`Currency`] can be `Copy`.
fn lookup(table: &'static str, code: &str) -> Option<&'static str> {
    if code.len() != 3 {
        return None;
    }
    let count = table.len() / 3;
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        let entry = table.get(mid * 3..mid * 3 + 3)?;
        match entry.cmp(code) {
            core::cmp::Ordering::Less => low = mid + 1,
            core::cmp::Ordering::Greater => high = mid,
            core::cmp::Ordering::Equal => return Some(entry),
        }
    }
    None
}

/// Number of decimals of the minor unit of an active ISO 4217 currency (`"USD"` → 2,
/// `"JPY"` → 0, `"KWD"` → 3), `None` for anything else, lowercase included.
pub fn currency_exponent(code: &str) -> Option<u8> {
    lookup(CODES, code)?;
    Some(if lookup(EXPONENT_0, code).is_some() {
        0
    } else if lookup(EXPONENT_3, code).is_some() {
        3
    } else if lookup(EXPONENT_4, code).is_some() {
        4
    } else {
        2
    })
}

/// An active ISO 4217 currency.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Currency(&'static str);

impl Currency {
    /// Accepts exactly three uppercase letters naming an active currency, as the gateway
    /// sends them; anything else is [`CheckoutError::CurrencyUnsupported`].
    pub fn parse(code: &str) -> Result<Currency, CheckoutError> {
        lookup(CODES, code)
            .map(Currency)
            .ok_or(CheckoutError::CurrencyUnsupported)
    }

    /// The ISO 4217 code, e.g. `"EUR"`.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Decimals of the minor unit.
    pub fn exponent(self) -> u8 {
        currency_exponent(self.0).unwrap_or(2)
    }
}

impl FromStr for Currency {
    type Err = CheckoutError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A non-negative amount in minor units of its currency, as the gateway's `amount` field.
///
/// Formatting for shoppers (symbols, grouping, locale) happens in the browser with
/// `Intl.NumberFormat`, fed by [`Amount::to_decimal_string`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Amount {
    minor: i64,
    currency: Currency,
}

impl Amount {
    /// Fails with [`CheckoutError::AmountNegative`] below zero.
    pub fn new(minor: i64, currency: Currency) -> Result<Amount, CheckoutError> {
        if minor < 0 {
            Err(CheckoutError::AmountNegative)
        } else {
            Ok(Amount { minor, currency })
        }
    }

    /// Parses a count of minor units written as plain ASCII digits (`"1234"`): no sign, no
    /// whitespace, no decimal point, no leading zero, at most `i64::MAX`.
    pub fn parse_minor(s: &str, currency: &str) -> Result<Amount, CheckoutError> {
        let currency = Currency::parse(currency)?;
        let digits = match s.strip_prefix('-') {
            Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(CheckoutError::AmountNegative);
            }
            _ => s,
        };
        // Canonical digits only: a leading zero means a producer that is not the gateway.
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return Err(CheckoutError::AmountInvalid);
        }
        let mut minor = 0i64;
        for b in digits.bytes() {
            if !b.is_ascii_digit() {
                return Err(CheckoutError::AmountInvalid);
            }
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or(CheckoutError::AmountInvalid)?;
        }
        Amount::new(minor, currency)
    }

    /// Minor units.
    pub fn minor(self) -> i64 {
        self.minor
    }

    /// The currency.
    pub fn currency(self) -> Currency {
        self.currency
    }

    /// The amount in major units with a `.` decimal point and exactly the currency's
    /// decimals: 1234 USD is `"12.34"`, 1234 JPY `"1234"`, 1234 KWD `"1.234"`, 5 USD `"0.05"`.
    pub fn to_decimal_string(self) -> String {
        let exponent = usize::from(self.currency.exponent());
        // Written by hand rather than with `format!` to keep the formatting machinery out of
        // the wasm bundle.
        let mut digits = [b'0'; 20];
        let mut n = self.minor.unsigned_abs();
        let mut start = digits.len();
        while n > 0 || start == digits.len() {
            start -= 1;
            if let Some(slot) = digits.get_mut(start) {
                *slot = b'0' + (n % 10) as u8;
            }
            n /= 10;
        }
        let written = digits.get(start..).unwrap_or(&[]);
        let mut out = String::with_capacity(written.len() + exponent + 2);
        // Leading zeros so that there is at least one digit before the point.
        for _ in written.len()..=exponent {
            out.push('0');
        }
        for &d in written {
            out.push(char::from(d));
        }
        if exponent > 0 {
            out.insert(out.len() - exponent, '.');
        }
        out
    }
}
