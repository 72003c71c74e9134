//! The name index: every normalised name and alternate name, sorted, for exact and prefix
//! lookups by binary search. A sorted vector of spans stays far smaller than a map of strings.

use super::Span;

/// Bytes of a key kept in its entry.
const HEAD: usize = 5;

/// One name of one place. 16 bytes, like a key span, a place and a flag alone would take.
#[derive(Clone, Copy)]
pub struct NameEntry {
    key_start: u32,
    key_len: u16,
    /// Found through an alternate name ("Philly") rather than the place's own.
    pub alternate: bool,
    /// The key's first bytes, zero-padded; set by [`NameIndex::new`] for sorting.
    head: [u8; HEAD],
    pub place: u32,
}

impl NameEntry {
    /// # Panics
    /// If the key is 64 KiB or longer; names are far shorter.
    pub fn new(key: Span, place: u32, alternate: bool) -> Self {
        NameEntry {
            key_start: key.start,
            key_len: u16::try_from(key.len).expect("a name shorter than 64 KiB"),
            alternate,
            head: [0; HEAD],
            place,
        }
    }

    pub fn key(&self) -> Span {
        Span {
            start: self.key_start,
            len: u32::from(self.key_len),
        }
    }

    fn head(&self) -> u64 {
        let mut bytes = [0u8; 8];
        bytes[..HEAD].copy_from_slice(&self.head);
        u64::from_be_bytes(bytes)
    }
}

pub struct NameIndex {
    entries: Vec<NameEntry>,
}

fn key_of<'t>(text: &'t str, entry: &NameEntry) -> &'t str {
    let start = entry.key_start as usize;
    &text[start..start + usize::from(entry.key_len)]
}

impl NameIndex {
    /// Sorts the entries (keys live in `text`) and drops repeats of a (key, place) pair,
    /// keeping the place's own name over an alternate.
    pub fn new(text: &str, mut entries: Vec<NameEntry>) -> Self {
        // Comparing the keys' first bytes as a number settles most comparisons without
        // touching the text, which makes loading markedly faster. They are kept in the entry,
        // so the sort needs no second vector.
        for entry in &mut entries {
            let key = key_of(text, entry).as_bytes();
            let n = key.len().min(HEAD);
            entry.head[..n].copy_from_slice(&key[..n]);
        }
        entries.sort_unstable_by(|a, b| {
            a.head()
                .cmp(&b.head())
                .then_with(|| key_of(text, a).cmp(key_of(text, b)))
                .then(a.place.cmp(&b.place))
                .then(a.alternate.cmp(&b.alternate))
        });
        entries.dedup_by(|later, earlier| {
            later.place == earlier.place && key_of(text, later) == key_of(text, earlier)
        });
        entries.shrink_to_fit();
        NameIndex { entries }
    }

    /// Entries whose key equals `key`.
    pub fn exact<'a>(&'a self, text: &str, key: &str) -> &'a [NameEntry] {
        let start = self.entries.partition_point(|e| key_of(text, e) < key);
        let len = self.entries[start..].partition_point(|e| key_of(text, e) == key);
        &self.entries[start..start + len]
    }

    /// Entries whose key starts with `prefix`; all of them for an empty prefix.
    pub fn prefixed<'a>(&'a self, text: &str, prefix: &str) -> &'a [NameEntry] {
        let start = self.entries.partition_point(|e| key_of(text, e) < prefix);
        let len = self.entries[start..].partition_point(|e| key_of(text, e).starts_with(prefix));
        &self.entries[start..start + len]
    }
}
