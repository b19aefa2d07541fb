//! Text folding shared by the index and the queries, so that both sides compare the same form.
//!
//! Folding applies NFKC (full-width letters become ASCII), lower-cases, strips diacritics
//! (`Cà Phê` becomes `ca phe`) and turns everything that is neither a letter nor a digit
//! (punctuation, symbols, emoji, control characters) into a single space.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `text` into lower-case, diacritic-free words separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // NFKC first so that full-width and compatibility forms become their plain letters, then NFD
    // so that accents become separate combining marks that can be dropped.
    for c in text.nfkc().flat_map(char::to_lowercase).nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let replacement = match c {
            'đ' => Some("d"),
            'ø' => Some("o"),
            'ł' => Some("l"),
            'ß' => Some("ss"),
            'æ' => Some("ae"),
            'œ' => Some("oe"),
            'ı' => Some("i"),
            'þ' => Some("th"),
            _ => None,
        };
        if replacement.is_none() && !c.is_alphanumeric() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match replacement {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

/// Folds `text` and drops the spaces: the form booth codes, whole names and pinyin are compared
/// in, so that `A1-023`, `a1 023` and `A1023` are the same booth.
pub fn compact(text: &str) -> String {
    fold(text).split(' ').collect()
}

/// True for the CJK ideographs that get pinyin readings and suffix terms.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_strips_diacritics_case_and_punctuation() {
        assert_eq!(fold("Cà Phê Sông Hồng, Ltd."), "ca phe song hong ltd");
        assert_eq!(fold("ＡＢＣ　Ｔｒａｄｉｎｇ"), "abc trading");
        assert_eq!(fold("Đà Nẵng 🎉 Straße"), "da nang strasse");
        assert_eq!(fold("重庆-银行"), "重庆 银行");
        assert_eq!(fold("\u{0}\t\n"), "");
        assert_eq!(compact("A1-023"), "a1023");
    }
}
