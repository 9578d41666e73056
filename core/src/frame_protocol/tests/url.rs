//! The frame's URL fragment and the origin it names.

use super::*;

#[test]
fn origins_are_bare_http_origins() {
    for good in [
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "https://shop.example.com",
        "https://xn--bcher-kva.example",
        "http://[::1]:8080",
        "https://a:65535",
    ] {
        assert_eq!(
            Origin::parse(good)
                .map(|o| o.as_str().to_owned())
                .as_deref(),
            Some(good)
        );
    }
    for bad in [
        "",
        "null",
        "*",
        "http://",
        "http://127.0.0.1:8080/",
        "http://127.0.0.1:8080/path",
        "http://user@host",
        "http://host:0",
        "http://host:65536",
        "http://host:",
        "http://host:08080",
        "http://Shop.example",
        "ftp://host",
        "javascript:alert(1)",
        "http://host?x",
        "http://host#x",
        "http://[::1",
        "http://[]:80",
        "http://[::1]x",
        "http://ho st",
    ] {
        assert_eq!(Origin::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_frame_url_fragment() {
    let p = FrameParams::parse(&format!(
        "#field=cvv&ch={CH}&origin=http%3A%2F%2F127.0.0.1%3A8080&locale=fr-CH"
    ))
    .unwrap();
    assert_eq!(p.field, FieldKind::Cvv);
    assert_eq!(p.channel, ch());
    assert_eq!(p.origin.as_str(), "http://127.0.0.1:8080");
    assert_eq!(p.locale.as_str(), "fr-CH");
    assert_eq!(FrameParams::parse(&p.to_fragment()), Ok(p.clone()));
    assert_eq!(
        p.to_fragment(),
        format!("field=cvv&ch={CH}&origin=http%3A%2F%2F127.0.0.1%3A8080&locale=fr-CH")
    );
    let p =
        FrameParams::parse(&format!("field=number&ch={CH}&origin=https://shop.example")).unwrap();
    assert_eq!(p.locale.as_str(), "en-US");
    for bad in [
        String::new(),
        "#".into(),
        format!("field=number&ch={CH}"),
        format!("field=number&ch={CH}&origin=*"),
        format!("field=number&ch={CH}&origin=https://shop.example/"),
        format!("field=pan&ch={CH}&origin=https://shop.example"),
        "field=number&ch=abc&origin=https://shop.example".to_owned(),
        format!("field=number&ch={CH}&origin=https://shop.example&x=1"),
    ] {
        assert!(FrameParams::parse(&bad).is_err(), "{bad}");
    }
}
