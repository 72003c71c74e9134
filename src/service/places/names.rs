//! The name index: every normalised name and alternate name, sorted, for exact and prefix
//! lookups by binary search. A sorted vector of spans stays far smaller than a map of strings.

use super::Span;

#[derive(Clone, Copy)]
pub struct NameEntry {
    pub key: Span,
    pub place: u32,
    /// Found through an alternate name ("Philly") rather than the place's own.
    pub alternate: bool,
}

pub struct NameIndex {
    entries: Vec<NameEntry>,
}

fn key_of<'t>(text: &'t str, entry: &NameEntry) -> &'t str {
    &text[entry.key.start as usize..(entry.key.start + entry.key.len) as usize]
}

impl NameIndex {
    /// Sorts the entries (keys live in `text`) and drops repeats of a (key, place) pair,
    /// keeping the place's own name over an alternate.
    pub fn new(text: &str, entries: Vec<NameEntry>) -> Self {
        // Comparing the first 8 bytes as a number settles most comparisons without touching
        // the text, which makes loading markedly faster.
        let head = |e: &NameEntry| {
            let mut bytes = [0u8; 8];
            let key = key_of(text, e).as_bytes();
            let n = key.len().min(8);
            bytes[..n].copy_from_slice(&key[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut keyed: Vec<(u64, NameEntry)> = entries.into_iter().map(|e| (head(&e), e)).collect();
        keyed.sort_unstable_by(|(ha, a), (hb, b)| {
            ha.cmp(hb)
                .then_with(|| key_of(text, a).cmp(key_of(text, b)))
                .then(a.place.cmp(&b.place))
                .then(a.alternate.cmp(&b.alternate))
        });
        let mut entries: Vec<NameEntry> = keyed.into_iter().map(|(_, e)| e).collect();
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
