//! Splits user input into numbers, words and symbols.
//!
//! Lower-cases everything, drops dots and apostrophes inside words (so "p.m."
//! is "pm" and "Sept." is "sept"), and treats commas as spaces. Accents and
//! ñ are folded away ("sábado" is "sabado", "mañana" is "manana") because
//! people type Spanish with and without them; no English word has them.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    /// A run of ASCII digits; `text` keeps leading zeros for echoing back.
    Num {
        value: u64,
        text: String,
    },
    Word(String),
    Sym(char),
}

impl Tok {
    pub(super) fn word(&self) -> Option<&str> {
        match self {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    /// The number, if this token is one with at most `max_len` digits.
    pub(super) fn num(&self, max_len: usize) -> Option<u32> {
        match self {
            Tok::Num { value, text } if text.len() <= max_len => u32::try_from(*value).ok(),
            _ => None,
        }
    }

    /// Number of digits, or 0 if not a number.
    pub(super) fn digits(&self) -> usize {
        match self {
            Tok::Num { text, .. } => text.len(),
            _ => 0,
        }
    }

    pub(super) fn is_sym(&self, c: char) -> bool {
        matches!(self, Tok::Sym(s) if *s == c)
    }
}

pub(super) fn lex(input: &str) -> Vec<Tok> {
    let chars: Vec<char> = input.chars().flat_map(char::to_lowercase).collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == ',' {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            // Absurdly long numbers saturate; every parser rejects them anyway.
            let value = text.parse().unwrap_or(u64::MAX);
            toks.push(Tok::Num { value, text });
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while i < chars.len() && (chars[i].is_alphabetic() || matches!(chars[i], '.' | '\'')) {
                if chars[i].is_alphabetic() {
                    word.push(fold(chars[i]));
                }
                i += 1;
            }
            toks.push(Tok::Word(word));
        } else if c == '@' {
            toks.push(Tok::Word("at".into()));
            i += 1;
        } else {
            toks.push(Tok::Sym(c));
            i += 1;
        }
    }
    toks
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        _ => c,
    }
}

/// The tokens as the user typed them, minus spaces: "6:30pm", "05/06".
pub(super) fn show(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Num { text, .. } => text.clone(),
            Tok::Word(w) => w.clone(),
            Tok::Sym(c) => c.to_string(),
        })
        .collect()
}
