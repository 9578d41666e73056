use super::*;

#[test]
fn card_mix_follows_the_weights() {
    let mut n = std::collections::HashMap::new();
    for i in 0..10_000 {
        *n.entry(pick_card(mix(i)).pan).or_insert(0) += 1;
    }
    let visa = n["4242424242424242"];
    assert!((3500..4500).contains(&visa), "{visa}");
    assert_eq!(n.len(), CARDS.len());
}

#[test]
fn sealed_fields_open_with_the_card_key() {
    let k = paykka_protocol::sign::SigningKey::from_pem(paykka_protocol::test_keys::CARD).unwrap();
    let ck = paykka_protocol::cardenc::CardKey::new(k.private_key().clone());
    let imported = CardKey::from_json(&ck.public_json()).unwrap();
    assert_eq!(imported.kid, ck.kid());
    let e = imported.seal(EnvelopeField::Number, "CS1", "4242424242424242");
    assert_eq!(ck.open(&e).unwrap().value, "4242424242424242");
}
