//! Splits a console line into words and `name:value` options, the way a Discord user types a
//! slash command. Values may be quoted: title:"Keep Families Together".

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(String),
    Option(String, String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexError {
    #[error("a quote opened at character {0} is never closed; close it with \"")]
    Unclosed(usize),
}

pub fn tokenize(line: &str) -> Result<Vec<Token>, LexError> {
    let chars: Vec<char> = line.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let name_end = option_name_end(&chars, i);
        let (value, next) = match name_end {
            Some(colon) => read_value(&chars, colon + 1)?,
            None => read_value(&chars, i)?,
        };
        tokens.push(match name_end {
            Some(colon) => Token::Option(chars[i..colon].iter().collect(), value),
            None => Token::Word(value),
        });
        i = next;
    }
    Ok(tokens)
}

/// Where `name:` ends, if the text at `start` is an option name (letters of any language, as
/// Spanish names have accents, digits, `_`).
fn option_name_end(chars: &[char], start: usize) -> Option<usize> {
    let mut j = start;
    while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
        j += 1;
    }
    (j > start && j < chars.len() && chars[j] == ':').then_some(j)
}

/// Reads a bare value up to whitespace, or a quoted one with \" and \\ escapes.
fn read_value(chars: &[char], start: usize) -> Result<(String, usize), LexError> {
    let mut out = String::new();
    let mut i = start;
    if chars.get(i) == Some(&'"') {
        i += 1;
        while i < chars.len() {
            match chars[i] {
                '\\' if matches!(chars.get(i + 1), Some('"') | Some('\\')) => {
                    out.push(chars[i + 1]);
                    i += 2;
                }
                '"' => return Ok((out, i + 1)),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        return Err(LexError::Unclosed(start + 1));
    }
    while i < chars.len() && !chars[i].is_whitespace() {
        out.push(chars[i]);
        i += 1;
    }
    Ok((out, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Token {
        Token::Word(s.into())
    }
    fn o(k: &str, v: &str) -> Token {
        Token::Option(k.into(), v.into())
    }

    #[test]
    fn words_and_options() {
        assert_eq!(
            tokenize(r#"/rally create title:"Keep Families Together" place:30.2,-97.7 when:"2026-12-05 18:00""#)
                .unwrap(),
            vec![
                w("/rally"),
                w("create"),
                o("title", "Keep Families Together"),
                o("place", "30.2,-97.7"),
                o("when", "2026-12-05 18:00"),
            ]
        );
    }

    #[test]
    fn quotes_escape_and_empty_values() {
        assert_eq!(
            tokenize(r#"title:"She said \"go\"" details:"" x:a\b"#).unwrap(),
            vec![
                o("title", "She said \"go\""),
                o("details", ""),
                o("x", "a\\b")
            ]
        );
        assert_eq!(
            tokenize(r#"/as "Jane Doe" --mod"#).unwrap(),
            vec![w("/as"), w("Jane Doe"), w("--mod")]
        );
    }

    #[test]
    fn a_colon_inside_a_value_is_kept() {
        assert_eq!(tokenize("when:18:30").unwrap(), vec![o("when", "18:30")]);
        assert_eq!(tokenize("https://x").unwrap(), vec![o("https", "//x")]);
    }

    #[test]
    fn unclosed_quote_is_an_error() {
        assert_eq!(tokenize(r#"title:"open"#), Err(LexError::Unclosed(7)));
    }
}
