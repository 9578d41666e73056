//! Unit tests of the messages module.

use super::*;

fn english(n: i64) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

fn fmt(source: &str, id: &str, args: &[(&str, MessageArg<'_>)]) -> Option<String> {
    let (messages, errors) = Messages::parse(source);
    assert!(errors.is_empty(), "{errors:?}");
    messages.format(id, args, &english)
}

#[test]
fn patterns_read_as_fluent_reads_them() {
    let table: &[(&str, &str)] = &[
        ("m = Hello", "Hello"),
        ("m =    Hello   ", "Hello"),
        ("m =\n    Hello", "Hello"),
        ("m =\n    Line one\n    Line two\n", "Line one\nLine two"),
        (
            "m = First\n    second\n      indented\n",
            "First\nsecond\n  indented",
        ),
        ("m =\n    a\n\n    b\n", "a\n\nb"),
        ("m = a { \"{\" } b", "a { b"),
        ("m = { \"\\u0041\\\\\\\"\" }", "A\\\""),
        ("m = { 42 } and { -1.5 }", "42 and -1.5"),
        (
            "-brand = PayKKa\nm = Pay with { -brand }",
            "Pay with PayKKa",
        ),
        ("other = there\nm = Hi { other }", "Hi there"),
        ("m = a\r\n    b\r\n", "a\nb"),
        ("m = Hi\n    .title = ignored\n", "Hi"),
        ("m = { { \"nested\" } }", "nested"),
    ];
    for (source, expected) in table {
        assert_eq!(
            fmt(source, "m", &[]).as_deref(),
            Some(*expected),
            "for {source:?}"
        );
    }
}

#[test]
fn variables_and_selects_pick_exact_numbers_then_plural_categories_then_the_default() {
    let source = "m = { $n ->\n    [0] none\n    [one] one { $n }\n   *[other] { $n } items\n}\nw = { $where ->\n    [front] on the front\n   *[back] on the back\n}\n";
    assert_eq!(fmt(source, "m", &[("n", 0.into())]).unwrap(), "none");
    assert_eq!(fmt(source, "m", &[("n", 1.into())]).unwrap(), "one 1");
    assert_eq!(fmt(source, "m", &[("n", 7.into())]).unwrap(), "7 items");
    assert_eq!(fmt(source, "m", &[]).unwrap(), "{$n} items");
    assert_eq!(
        fmt(source, "w", &[("where", "front".into())]).unwrap(),
        "on the front"
    );
    assert_eq!(
        fmt(source, "w", &[("where", "side".into())]).unwrap(),
        "on the back"
    );
    assert_eq!(
        fmt(source, "w", &[("where", 1.into())]).unwrap(),
        "on the back"
    );
}

#[test]
fn missing_things_show_where_they_are_missing() {
    assert_eq!(
        fmt("m = Pay { $amount }", "m", &[]).unwrap(),
        "Pay {$amount}"
    );
    assert_eq!(
        fmt("m = See { nothing }", "m", &[]).unwrap(),
        "See {nothing}"
    );
    assert_eq!(fmt("m = x", "absent", &[]), None);
    assert_eq!(fmt("-t = term", "-t", &[]), None);
    assert_eq!(fmt("m = a { m }", "m", &[]).unwrap(), "a {m}");
    assert_eq!(
        fmt("m = a { n }\nn = b { m }", "m", &[]).unwrap(),
        "a b {m}"
    );
}

#[test]
fn a_bad_entry_loses_that_entry_only_and_names_its_line() {
    let source = "good = Fine\nbad = { $x\nalso-good = Also fine\nworse = { NUMBER($x) }\n  }\n#bad comment\nlast = Last\n";
    let (messages, errors) = Messages::parse(source);
    assert_eq!(
        messages.ids().collect::<Vec<_>>(),
        ["also-good", "good", "last"]
    );
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 4, 6], "{errors:?}");
}

#[test]
fn refused_syntax_says_why() {
    let table: &[(&str, &str)] = &[
        ("m = { NUMBER($n) }", "not supported"),
        ("m = { $n ->\n   [one] x\n}", "default variant"),
        ("m = { $n ->\n  *[one] x\n  *[other] y\n}", "one default"),
        ("m = a } b", "without its"),
        ("m = { \"open", "ends on its line"),
        ("m = { \"\\q\" }", "unknown escape"),
        ("m =", "needs a value"),
        ("= x", "expected an entry"),
        ("m x", "expected `=`"),
    ];
    for (source, reason) in table {
        let (_, errors) = Messages::parse(source);
        assert!(
            errors.first().is_some_and(|e| e.reason.contains(reason)),
            "{source:?}: {errors:?}"
        );
    }
}

#[test]
fn later_sources_override_earlier_messages_and_keep_the_rest() {
    let (mut messages, _) = Messages::parse("a = one\nb = two\n");
    assert!(messages.add("b = deux\nc = trois\n").is_empty());
    let got: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|id| messages.format(id, &[], &english).unwrap())
        .collect();
    assert_eq!(got, ["one", "deux", "trois"]);
}

#[test]
fn parsing_never_panics_on_any_input() {
    let pieces = [
        "m",
        " ",
        "=",
        "{",
        "}",
        "$",
        "-",
        ">",
        "[",
        "]",
        "*",
        "\n",
        "\r",
        "\"",
        "\\",
        "u",
        "#",
        ".",
        "1",
        "é",
        "\u{1F600}",
        "x",
    ];
    // Every string of up to 4 pieces: 22^4 inputs, all the punctuation's interleavings.
    let mut input = String::new();
    fn walk(pieces: &[&str], input: &mut String, left: usize) {
        let (messages, _) = Messages::parse(input);
        for id in messages.ids() {
            let _ = messages.format(id, &[("n", 1.into())], &|_| PluralCategory::Other);
        }
        if left == 0 {
            return;
        }
        for piece in pieces {
            let len = input.len();
            input.push_str(piece);
            walk(pieces, input, left - 1);
            input.truncate(len);
        }
    }
    walk(&pieces, &mut input, 4);
}
