//! Folding text for search: ignore case and accents, so "lukasz" finds "Łukasz" and "resume"
//! finds "Résumé". The same rule as the list search boxes of the UI (`ui/src/lib/app/search.ts`):
//! decompose (NFD), drop the marks, map ł to l, lower-case.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out`.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |part| {
        if is_combining_mark(part) {
            return;
        }
        let part = match part {
            'ł' | 'Ł' => 'l',
            other => other,
        };
        out.extend(part.to_lowercase());
    });
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// `text` folded, with, for each byte of the folded form, the byte offset in `text` of the
/// character it came from: to cut an excerpt from the original around a folded match.
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        push_folded(c, &mut out);
        offsets.resize(out.len(), at);
    }
    (out, offsets)
}

/// The words of a query, folded; empty words are dropped.
pub fn words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_and_accents_as_the_ui_does() {
        assert_eq!(fold("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold("Résumé ÅNGSTRÖM"), "resume angstrom");
        assert_eq!(fold("MFA for VPN"), "mfa for vpn");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(
            words("  Phishing   TRAINING "),
            vec!["phishing", "training"]
        );
    }

    #[test]
    fn maps_each_folded_byte_back_to_its_character() {
        let text = "Zażółć gęślą";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded, "zazolc gesla");
        assert_eq!(offsets.len(), folded.len());
        let at = folded.find("gesla").unwrap();
        assert_eq!(&text[offsets[at]..], "gęślą");
    }
}
