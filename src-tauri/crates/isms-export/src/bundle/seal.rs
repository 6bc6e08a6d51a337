//! The evidence digest inside the pack's PDF, where a machine can read it: the PDF's
//! information dictionary holds it under the key [`PDF_KEY`] as a literal string of 64
//! lowercase hex digits (`/ISMSDeskEvidence(…)`, PDF whitespace allowed before the string),
//! written by `crate::pdf`. [`Scanner`] finds it in the PDF's bytes as they stream past,
//! without parsing the PDF: a bundle is checked without trusting a PDF parser with a file from
//! outside, and the information dictionary is never compressed into an object stream, so its
//! text is in the file as written.

/// The key of the evidence digest in the PDF's information dictionary.
pub const PDF_KEY: &str = "ISMSDeskEvidence";

const HEX: usize = 64;
/// PDF whitespace allowed between the key and its string.
const SPACE: usize = 8;

fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

/// Collects every evidence digest written in a PDF fed to it piece by piece.
pub struct Scanner {
    key: Vec<u8>,
    carry: Vec<u8>,
    found: Vec<String>,
}

impl Default for Scanner {
    fn default() -> Self {
        Self {
            key: format!("/{PDF_KEY}").into_bytes(),
            carry: Vec::new(),
            found: Vec::new(),
        }
    }
}

impl Scanner {
    /// The most bytes a digest with its key can take.
    fn longest(&self) -> usize {
        self.key.len() + SPACE + 1 + HEX + 1
    }

    /// The digest written at `data[i..]`, if one is (and wholly there).
    fn at(&self, data: &[u8], i: usize) -> Option<String> {
        let rest = data[i..].strip_prefix(self.key.as_slice())?;
        let blank = rest
            .iter()
            .take(SPACE)
            .take_while(|b| is_space(**b))
            .count();
        let value = rest[blank..].strip_prefix(b"(")?.get(..=HEX)?;
        let (hex, close) = value.split_at(HEX);
        let lower_hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
        (close == b")" && hex.iter().all(lower_hex))
            .then(|| String::from_utf8_lossy(hex).into_owned())
    }

    /// Looks at every position of `data` before `end`.
    fn scan(&mut self, data: &[u8], end: usize) {
        for i in 0..end {
            if data[i] == b'/'
                && let Some(digest) = self.at(data, i)
            {
                self.found.push(digest);
            }
        }
    }

    /// Reads the next piece of the PDF.
    pub fn feed(&mut self, piece: &[u8]) {
        let mut data = std::mem::take(&mut self.carry);
        data.extend_from_slice(piece);
        // Positions that could still begin a digest running into the next piece wait for it.
        let end = data.len().saturating_sub(self.longest() - 1);
        self.scan(&data, end);
        self.carry = data[end..].to_vec();
    }

    /// Every digest found, in the order found.
    pub fn finish(mut self) -> Vec<String> {
        let data = std::mem::take(&mut self.carry);
        self.scan(&data, data.len());
        self.found
    }
}

/// The evidence digests written in `pdf`.
pub fn digests_in(pdf: &[u8]) -> Vec<String> {
    let mut scanner = Scanner::default();
    scanner.feed(pdf);
    scanner.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn a_digest_is_found_across_pieces_once() {
        let pdf = format!("%PDF-1.4\n<< /Title (x) /{PDF_KEY}({D}) >>\n%%EOF\n");
        assert_eq!(digests_in(pdf.as_bytes()), [D]);
        let spaced = format!("<</{PDF_KEY} \r\n ({D})>>");
        assert_eq!(
            digests_in(spaced.as_bytes()),
            [D],
            "whitespace before the string"
        );
        for cut in 1..pdf.len() {
            let mut s = Scanner::default();
            let (a, b) = pdf.as_bytes().split_at(cut);
            s.feed(a);
            s.feed(b);
            assert_eq!(s.finish(), [D], "cut at {cut}");
        }
        let mut bytewise = Scanner::default();
        for b in pdf.as_bytes() {
            bytewise.feed(std::slice::from_ref(b));
        }
        assert_eq!(bytewise.finish(), [D]);
    }

    #[test]
    fn only_a_whole_lowercase_digest_counts() {
        let short = format!("/{PDF_KEY} ({})", &D[..63]);
        let upper = format!("/{PDF_KEY} ({})", D.to_uppercase());
        let other = format!("/{PDF_KEY}x ({D})");
        let unclosed = format!("/{PDF_KEY} ({D}");
        let far = format!("/{PDF_KEY}{}({D})", " ".repeat(SPACE + 1));
        for pdf in [short, upper, other, unclosed, far] {
            assert!(digests_in(pdf.as_bytes()).is_empty(), "{pdf}");
        }
        let twice = format!("/{PDF_KEY} ({D}) /{PDF_KEY} ({D})");
        assert_eq!(digests_in(twice.as_bytes()).len(), 2);
    }
}
