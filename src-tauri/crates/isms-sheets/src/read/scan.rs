//! The scan of CSV text before it is parsed: the CSV parser holds a record's fields whole, so
//! a line of millions of delimiters, or one value of a hundred megabytes, would cost gigabytes
//! before any limit on cells could see it. [`check_csv`] reads the text as the parser will
//! and refuses such a record first.

use isms_core::Result;

use super::{MAX_CELL_BYTES, MAX_FIELDS, group, refuse};

/// Where a CSV scan is: quotes open a field only at its start, `""` inside one is a quote.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    Plain,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of `""`.
    QuoteInQuoted,
}

/// Scans CSV text before it is parsed, as the parser will read it, refusing a record of more
/// than [`MAX_FIELDS`] fields or a field longer than twice [`MAX_CELL_BYTES`] (a quoted
/// field's quotes are doubled). Errors: `Validation` about the file, naming the line.
pub fn check_csv(text: &str, delimiter: u8) -> Result<()> {
    let bytes = text.as_bytes();
    let max_field = 2 * MAX_CELL_BYTES as usize;
    let (mut state, mut fields, mut start, mut line, mut i) = (Field::Start, 1usize, 0, 1u64, 0);
    let too_long = |line: u64| {
        refuse(format!(
            "Line {line} holds a value longer than any cell can hold (Excel's limit is 32,767 \
             characters); it is refused before it is read."
        ))
    };
    while i < bytes.len() {
        match state {
            Field::Start if bytes[i] == b'"' => {
                state = Field::Quoted;
                i += 1;
            }
            Field::Start | Field::Plain => {
                let next = memchr::memchr3(delimiter, b'\n', b'\r', &bytes[i..]);
                let end = next.map_or(bytes.len(), |k| i + k);
                if end - start > max_field {
                    return Err(too_long(line));
                }
                let Some(&b) = bytes.get(end) else { break };
                if b == delimiter {
                    fields += 1;
                    if fields > MAX_FIELDS {
                        return Err(refuse(format!(
                            "Line {line} has more than {} fields; no spreadsheet has that many \
                             columns.",
                            group(MAX_FIELDS as u64)
                        )));
                    }
                } else {
                    fields = 1;
                    line += u64::from(b == b'\n');
                }
                state = Field::Start;
                i = end + 1;
                start = i;
            }
            Field::Quoted => match memchr::memchr(b'"', &bytes[i..]) {
                Some(k) if i + k - start <= max_field => {
                    i += k + 1;
                    state = Field::QuoteInQuoted;
                }
                _ => return Err(too_long(line)),
            },
            Field::QuoteInQuoted if bytes[i] == b'"' => {
                state = Field::Quoted;
                i += 1;
            }
            Field::QuoteInQuoted => state = Field::Plain,
        }
    }
    if state == Field::Quoted && bytes.len() - start > max_field {
        return Err(too_long(line));
    }
    Ok(())
}
