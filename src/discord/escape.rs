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
    fn limits_cut_on_characters() {
        assert_eq!(limit("abc".into(), 3), "abc");
        assert_eq!(limit("abcdef".into(), 4), "abc…");
        assert_eq!(limit("ééééé".into(), 3), "éé…");
        assert_eq!(limit(r"ab\*".into(), 4), r"ab\*");
        assert_eq!(limit(r"ab\*cd".into(), 4), "ab…");
    }
}
