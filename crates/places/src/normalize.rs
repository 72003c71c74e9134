//! The one normalisation applied to both the gazetteer's names and what users type, so that
//! case, accents, punctuation, spacing and common abbreviations do not matter.

/// Lowercase ASCII words separated by single spaces: "SÃO  PAULO" and "São Paulo" both give
/// "sao paulo", "St. Louis" gives "saint louis", "Coeur d'Alene" gives "coeur dalene".
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_key(&mut out, text);
    out
}

/// Appends the key of `text` to `out`, for building keys into a shared arena.
pub fn push_key(out: &mut String, text: &str) {
    let start = out.len();
    // Characters go straight into `out`; a finished word may still be expanded in place.
    let mut word = out.len();
    let mut take = |c: u8| {
        if c.is_ascii_alphanumeric() {
            if word == out.len() && out.len() > start {
                out.push(' ');
                word = out.len();
            }
            out.push(char::from(c.to_ascii_lowercase()));
        } else if c == b'\'' || c == b'`' {
            // "Martha's" is typed as "Marthas" at least as often as with the apostrophe.
        } else {
            expand(out, word);
            word = out.len();
        }
    };
    if text.is_ascii() {
        text.bytes().for_each(&mut take);
    } else {
        for c in text.chars() {
            match c {
                // Transliterated one character at a time, so nothing is allocated.
                _ if c.is_ascii() => take(c as u8),
                // Typographic apostrophes, and accents typed as combining marks, vanish.
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '\u{0300}'..='\u{036F}' => {}
                // Transliterating symbols would turn "°" into "deg" and emoji into words.
                _ if !c.is_alphanumeric() => take(b' '),
                _ => deunicode::deunicode_char(c)
                    .unwrap_or(" ")
                    .bytes()
                    .for_each(&mut take),
            }
        }
    }
    take(b' ');
}

/// Abbreviations that name parts of many town names, replacing the word from `word` on.
fn expand(out: &mut String, word: usize) {
    let long = match &out[word..] {
        "st" => "saint",
        "ste" => "sainte",
        "mt" => "mount",
        "ft" => "fort",
        _ => return,
    };
    out.truncate(word);
    out.push_str(long);
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn folds_case_accents_punctuation_and_spacing() {
        assert_eq!(key("SÃO  PAULO"), "sao paulo");
        assert_eq!(key("São Paulo"), "sao paulo");
        assert_eq!(key("  Winston-Salem "), "winston salem");
        assert_eq!(key("Coeur d’Alene"), "coeur dalene");
        assert_eq!(key("Düsseldorf"), "dusseldorf");
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key(",,"), "");
        assert_eq!(key("°🙂 Zürich😀"), "zurich");
        assert_eq!(key("Москва"), "moskva");
        assert_eq!(key("Sa\u{303}o Paulo"), "sao paulo");
    }

    #[test]
    fn expands_common_abbreviations() {
        assert_eq!(key("St. Louis"), "saint louis");
        assert_eq!(key("St Louis"), key("Saint Louis"));
        assert_eq!(key("Mt. Juliet"), "mount juliet");
        assert_eq!(key("Ft Worth"), "fort worth");
        assert_eq!(key("Stanford"), "stanford");
    }
}
