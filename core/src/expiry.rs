use crate::CheckoutError;
use crate::digits::ascii_digit;

/// A calendar month, e.g. today's date as the browser clock gives it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct YearMonth {
    // Field order makes the derived ordering chronological.
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month `month` of `year`. A month outside 1..=12 is clamped into it rather than
    /// refused: the only caller is the clock, and a checkout must not panic over it.
    pub const fn new(year: u16, month: u8) -> YearMonth {
        let month = if month < 1 {
            1
        } else if month > 12 {
            12
        } else {
            month
        };
        YearMonth { year, month }
    }

    /// The four-digit year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1..=12.
    pub const fn month(self) -> u8 {
        self.month
    }

    fn index(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }
}

/// How far ahead an expiry date may be; cards are issued for a few years, so anything further
/// is a typo.
const MAX_YEARS_AHEAD: u32 = 20;

/// A card expiry date that is neither past nor implausibly far.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Expiry(YearMonth);

impl Expiry {
    /// Parses `MM/YY`, `MMYY`, `M/YY`, `MM / YY`, `MM/YYYY` or `MMYYYY`, with any Unicode
    /// decimal digits, and checks it against `today`. A card stays valid through its expiry
    /// month, so the current month passes.
    pub fn parse(input: &str, today: YearMonth) -> Result<Expiry, CheckoutError> {
        let (month, year) = split(input)?;
        let year = match year {
            Year::Two(yy) => full_year(yy, today.year),
            Year::Four(yyyy) => yyyy,
        };
        let date = YearMonth { year, month };
        if date < today {
            Err(CheckoutError::ExpiryInPast)
        } else if date.index() > today.index() + MAX_YEARS_AHEAD * 12 {
            Err(CheckoutError::ExpiryTooFar)
        } else {
            Ok(Expiry(date))
        }
    }

    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.0.month
    }

    /// The four-digit year.
    pub fn year(self) -> u16 {
        self.0.year
    }
}

enum Year {
    Two(u16),
    Four(u16),
}

/// What malformed input (letters, three slashes, seven digits) is reported as. The field only
/// ever holds what [`crate::reformat_expiry`] produces, so garbage can only come from a
/// merchant's own field, and "incomplete" is the fairest of the messages the locales have.
const MALFORMED: CheckoutError = CheckoutError::ExpiryIncomplete;

/// Month and year of `input`, before any date check.
fn split(input: &str) -> Result<(u8, Year), CheckoutError> {
    // Up to two digit groups; 7 digits is enough to tell "too many" from any valid shape.
    let mut groups = [([0u8; 7], 0usize); 2];
    let mut group = 0usize;
    let mut slashes = 0;
    let mut any = false;
    for c in input.chars() {
        if let Some(d) = ascii_digit(c) {
            let (digits, len) = groups.get_mut(group).ok_or(MALFORMED)?;
            *digits.get_mut(*len).ok_or(MALFORMED)? = d - b'0';
            *len += 1;
            any = true;
        } else if c == '/' || c == '\u{FF0F}' {
            slashes += 1;
            if slashes > 1 || groups[0].1 == 0 {
                return Err(MALFORMED);
            }
            group = 1;
        } else if c.is_whitespace() {
            // "MM YY" without a slash: a second group starts after the space.
            if groups[0].1 > 0 && group == 0 {
                group = 1;
            }
        } else {
            return Err(MALFORMED);
        }
    }
    if !any && slashes == 0 {
        return Err(CheckoutError::ExpiryEmpty);
    }
    let number = |digits: &[u8]| digits.iter().fold(0u16, |n, &d| n * 10 + u16::from(d));
    let [(m, m_len), (y, y_len)] = groups;
    let (month, year): (&[u8], &[u8]) = match (m_len, y_len) {
        // One run of digits: MMYY or MMYYYY.
        (4 | 6, 0) => (&m[..2], &m[2..m_len]),
        (1 | 2, _) => (&m[..m_len], &y[..y_len]),
        (0..=5, 0) => return Err(CheckoutError::ExpiryIncomplete),
        _ => return Err(MALFORMED),
    };
    let month = number(month) as u8;
    // A lone "0" may still become "01".
    if month > 12 || (month == 0 && !(m_len == 1 && year.is_empty())) {
        return Err(CheckoutError::ExpiryMonthInvalid);
    }
    match year.len() {
        2 => Ok((month, Year::Two(number(year)))),
        4 => Ok((month, Year::Four(number(year)))),
        0 | 1 | 3 => Err(CheckoutError::ExpiryIncomplete),
        _ => Err(MALFORMED),
    }
}

/// The four-digit year of `yy`, taken in the century window centred on this year, so that
/// around 2099 a card expiring in `01/03` still means 2103.
fn full_year(yy: u16, this_year: u16) -> u16 {
    let this_year = i32::from(this_year);
    let mut year = this_year - this_year % 100 + i32::from(yy);
    if year > this_year + 50 {
        year -= 100;
    } else if year + 50 < this_year {
        year += 100;
    }
    year.clamp(0, i32::from(u16::MAX)) as u16
}
