//! Line breaking: text cut into lines no wider than a measure, by the face's real advance
//! widths. Breaks fall between words; a word wider than the measure (a long URL, a file name)
//! is cut between characters rather than allowed to overflow. Explicit line breaks in the text
//! are kept. Nothing is dropped: joining the lines gives back every word.

use super::fonts::Style;

/// `text` broken into lines of at most `width` points at `size`. Empty text gives no lines.
pub fn wrap(face: Style, text: &str, size: f32, width: f32) -> Vec<String> {
    let text = face.clean(text);
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let start = lines.len();
        let mut line = String::new();
        // Widths add up (no kerning), so the line's width is kept rather than measured again.
        let mut line_w = 0.0;
        for word in paragraph.split_whitespace() {
            let word_w = face.width(word, size);
            if line.is_empty() && word_w <= width {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            if !line.is_empty() && line_w + space + word_w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_w <= width {
                line.push_str(word);
                line_w = word_w;
            } else {
                let mut pieces = break_word(face, word, size, width);
                line = pieces.pop().unwrap_or_default();
                line_w = face.width(&line, size);
                lines.extend(pieces);
            }
        }
        if !line.is_empty() || lines.len() == start {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// A word too wide for the measure, cut between characters; each piece holds at least one.
fn break_word(face: Style, word: &str, size: f32, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if face.width(&piece, size) > width && piece.chars().count() > 1 {
            piece.pop();
            // A path or a file name breaks after a separator when the piece has one past its
            // first half: "evidence/Chloé Dubois/" then "lead-auditor-certificate.txt".
            let half = piece.len() / 2;
            let at = piece
                .char_indices()
                .filter(|(i, ch)| *i >= half && "/-_.".contains(*ch))
                .map(|(i, ch)| i + ch.len_utf8())
                .next_back()
                .filter(|&end| end < piece.len());
            match at {
                Some(end) => {
                    let rest = piece.split_off(end);
                    pieces.push(std::mem::replace(&mut piece, rest));
                }
                None => pieces.push(std::mem::take(&mut piece)),
            }
            piece.push(c);
        }
    }
    pieces.push(piece);
    pieces
}

/// `line` shortened from the end (by words, then characters) until `line + suffix` fits
/// `width`; the suffix is always kept whole.
pub fn fit_with_suffix(face: Style, line: &str, suffix: &str, size: f32, width: f32) -> String {
    let mut head = line
        .trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
        .to_owned();
    loop {
        let candidate = if head.is_empty() {
            suffix.to_owned()
        } else {
            format!("{head}{suffix}")
        };
        if head.is_empty() || face.width(&candidate, size) <= width {
            return candidate;
        }
        match head.rfind(' ') {
            Some(i) if i > 0 => head.truncate(i),
            _ => {
                head.pop();
            }
        }
        head = head
            .trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
            .to_owned();
    }
}
