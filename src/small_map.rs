//! A map for the handful of entries the SDK keeps (locales, saved cards, requests waiting on a
//! frame): a vector searched in order. `HashMap` brings a hasher and a hash table's code for
//! every key and value type into the wasm; at a few dozen entries a scan is as fast.

use std::borrow::Borrow;

/// Insertion-ordered map over a `Vec`; one entry per key.
#[derive(Debug, Clone)]
pub(crate) struct SmallMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: PartialEq, V> SmallMap<K, V> {
    pub(crate) const fn new() -> Self {
        Self(Vec::new())
    }

    fn position<Q: ?Sized + PartialEq>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
    {
        self.0.iter().position(|(k, _)| k.borrow() == key)
    }

    pub(crate) fn get<Q: ?Sized + PartialEq>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.position(key).map(|i| &self.0[i].1)
    }

    pub(crate) fn contains_key<Q: ?Sized + PartialEq>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.position(key).is_some()
    }

    /// Sets `key`'s value; the one it replaces, if any.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Some(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    pub(crate) fn remove<Q: ?Sized + PartialEq>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.position(key).map(|i| self.0.remove(i).1)
    }

    /// `key`'s value, inserting the default first if there is none.
    pub(crate) fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.position(&key) {
            Some(i) => i,
            None => {
                self.0.push((key, V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    /// The keys, in the order they were first inserted.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for SmallMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        for (key, value) in iter {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn a_key_has_one_value_the_last_inserted_and_keys_keep_their_first_order() {
        let mut map: SmallMap<String, u32> = [
            ("b".to_owned(), 1),
            ("a".to_owned(), 2),
            ("b".to_owned(), 3),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            map.keys().map(String::as_str).collect::<Vec<_>>(),
            ["b", "a"]
        );
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.insert("a".to_owned(), 4), Some(2));
        assert!(map.contains_key("a") && !map.contains_key("c"));
        *map.get_or_default("c".to_owned()) += 5;
        *map.get_or_default("c".to_owned()) += 5;
        assert_eq!(map.get("c"), Some(&10));
        assert_eq!(map.remove("b"), Some(3));
        assert_eq!(map.remove("b"), None);
        assert_eq!(
            map.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "c"]
        );
    }
}
