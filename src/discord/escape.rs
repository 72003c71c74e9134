//! User text shown in Discord markdown: escaped so it reads as typed and can't break a card.

/// Backslash-escapes the characters Discord markdown gives meaning to, and `<` so that text like
/// `<@&123>` shows as typed rather than as a mention.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' | '-'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Like `markdown`, but Discord timestamps the service wrote (`<t:UNIX>`, `<t:UNIX:F>`) stay
/// live, so they show in each reader's own time zone. A timestamp can't ping anyone.
pub fn markdown_keeping_timestamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(start) = rest.find("<t:") {
        out.push_str(&markdown(&rest[..start]));
        let tail = &rest[start..];
        match timestamp_len(tail) {
            Some(len) => {
                out.push_str(&tail[..len]);
                rest = &tail[len..];
            }
            None => {
                out.push_str(&markdown("<"));
                rest = &tail[1..];
            }
        }
    }
    out.push_str(&markdown(rest));
    out
}

/// The length of a `<t:digits>` or `<t:digits:S>` token at the start of `s`.
fn timestamp_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("<t:")?;
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let after = &body[digits..];
    let style = match after.as_bytes() {
        [b'>', ..] => 0,
        [b':', c, b'>', ..] if b"tTdDfFR".contains(c) => 2,
        _ => return None,
    };
    Some(3 + digits + style + 1)
}

/// Cuts text to Discord's limit for a field, marking the cut.
pub fn limit(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    // Never leave a dangling escape.
    if cut.ends_with('\\') {
        cut.pop();
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            markdown("**bold** _it_ `code`"),
            r"\*\*bold\*\* \_it\_ \`code\`"
        );
        assert_eq!(
            markdown("<@&123> [x](http://y)"),
            r"\<@&123\> \[x\]\(http://y\)"
        );
        assert_eq!(markdown("# Heading"), r"\# Heading");
        assert_eq!(markdown("plain words, and café"), "plain words, and café");
    }

    #[test]
    fn timestamps_stay_live_and_the_rest_is_escaped() {
        assert_eq!(
            markdown_keeping_timestamps("was <t:1796515200:F> (6 PM), <t:5> <@&1> <t:x:F>"),
            r"was <t:1796515200:F> \(6 PM\), <t:5> \<@&1\> \<t:x:F\>"
        );
        assert_eq!(markdown_keeping_timestamps("<t:12:Q>"), r"\<t:12:Q\>");
        assert_eq!(markdown_keeping_timestamps("end <t:"), r"end \<t:");
    }

    #[test]
    fn limits_cut_on_characters() {
        assert_eq!(limit("abc".into(), 3), "abc");
        assert_eq!(limit("abcdef".into(), 4), "abc…");
        assert_eq!(limit("ééééé".into(), 3), "éé…");
        assert_eq!(limit(r"ab\*".into(), 4), r"ab\*");
        assert_eq!(limit(r"ab\*cd".into(), 4), "ab…");
    }
}
