//! Milliseconds since the epoch and RFC 3339 timestamps (`2025-05-05T17:17:24+08:00`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in milliseconds since the Unix epoch: what v1.2's `timestamp` and v3's
/// `x-paykka-timestamp` carry (0 if the clock is before 1970).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats epoch milliseconds as RFC 3339 in UTC, seconds precision: `2025-05-05T09:17:24+00:00`.
pub fn format_rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Parses RFC 3339 (`Z` or `±hh:mm` offset, optional fraction) into epoch milliseconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut i = 19;
    let mut frac_ms = 0i64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let f = &s[start..i.min(start + 3)];
        frac_ms = f.parse::<i64>().ok()? * 10i64.pow(3 - f.len() as u32);
    }
    let offset_min = match s.get(i..)? {
        "Z" | "z" => 0,
        // `+08:00`, and `+0800` as PayKKa's plugin writes it.
        rest if (rest.starts_with('+') || rest.starts_with('-'))
            && rest.is_ascii()
            && ((rest.len() == 6 && &rest[3..4] == ":") || rest.len() == 5) =>
        {
            let digits = |t: &str| -> Option<i64> {
                t.bytes()
                    .all(|c| c.is_ascii_digit())
                    .then(|| t.parse().ok())
                    .flatten()
            };
            let oh = digits(&rest[1..3])?;
            let om = digits(&rest[rest.len() - 2..])?;
            if oh > 23 || om > 59 {
                return None;
            }
            let v = oh * 60 + om;
            if rest.starts_with('-') { -v } else { v }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo, d);
    let secs = days * 86400 + h * 3600 + mi * 60 + se - offset_min * 60;
    Some(secs * 1000 + frac_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_offsets() {
        let ms = parse_rfc3339("2025-05-05T17:17:24+08:00").unwrap();
        assert_eq!(format_rfc3339(ms), "2025-05-05T09:17:24+00:00");
        assert_eq!(parse_rfc3339("2025-05-05T09:17:24Z"), Some(ms));
        assert_eq!(parse_rfc3339("2025-05-05T09:17:24.250Z"), Some(ms + 250));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2024-02-29T00:00:00-01:30"),
            Some(1709170200000)
        );
        assert_eq!(parse_rfc3339("2025-13-05T09:17:24Z"), None);
        assert_eq!(
            parse_rfc3339("2025-05-05T17:17:24+0800"),
            Some(ms),
            "PayKKa's plugin's form"
        );
        for bad in [
            "2025-05-05T17:17:24+08:0x",
            "2025-05-05T17:17:24+0é00",
            "2025-05-05T17:17:24+2500",
            "2025-05-05T17:17:24+08",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert_eq!(parse_rfc3339("tomorrow"), None);
        let now = now_ms() / 1000 * 1000;
        assert_eq!(parse_rfc3339(&format_rfc3339(now)), Some(now));
    }
}
