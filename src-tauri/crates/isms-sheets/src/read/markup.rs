//! A byte-level look at one XML part of a workbook as it streams out of the ZIP, before
//! calamine parses it, for what would make the parse costly: calamine (through quick-xml)
//! buffers each tag, text run, comment and cell whole, reserves as many shared strings as the
//! table declares, and keeps every merged range. So this refuses a DTD (`<!DOCTYPE`,
//! `<!ENTITY>`: no workbook needs one), a tag, comment or processing instruction past
//! [`MAX_MARKUP`], a start tag with more than [`MAX_ATTRIBUTES`] attributes (quick-xml before
//! 0.41 checked them in quadratic time, RUSTSEC-2026-0194), a run of text or a whole cell
//! (`<c>`) or shared string (`<si>`) longer than any cell Excel can hold, and more shared
//! strings or merged ranges than the limits allow, declared or present. It keeps only the
//! name of the current tag (and the `<sst>` tag, to read its count): the bytes pass through.
//! Whether the XML is well formed is calamine's business.

use isms_core::Result;
use memchr::{memchr, memchr3};

use super::{Limits, group, refuse, size_text};

/// The most attributes one start tag may carry. SpreadsheetML's busiest tags carry about 30;
/// quick-xml bounds the namespace declarations of one element at 256 too.
pub(super) const MAX_ATTRIBUTES: u32 = 256;

/// The longest tag, comment, CDATA section or processing instruction (a long `sqref` list of
/// a validation rule is the longest real tag, a few kilobytes).
pub(super) const MAX_MARKUP: u64 = 1024 * 1024;

/// Where the scanner is in the markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Just after `<`.
    Open,
    /// In a tag's name.
    Name,
    /// In a tag, after its name.
    Tag,
    /// After `<!`, before it is known to open a comment or CDATA.
    Bang,
    Comment,
    CData,
    Pi,
}

/// The tags that are counted or bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cell,
    SharedString,
    Table,
    Merge,
    Other,
}

/// The scanner of one part; [`Markup::feed`] it the part's bytes in order, then
/// [`Markup::finish`].
pub(super) struct Markup<'a> {
    part: &'a str,
    /// The part is the shared string table.
    strings_part: bool,
    text_run: u64,
    element_bytes: u64,
    max_strings: u64,
    max_merges: u64,
    state: State,
    /// Bytes fed so far.
    offset: u64,
    /// Where the current text run or markup began.
    since: u64,
    head: Vec<u8>,
    end: bool,
    kind: Kind,
    quote: Option<u8>,
    attributes: u32,
    /// The last byte of the tag outside quotes, to tell `<c/>` from `<c>`.
    last: u8,
    /// The last two bytes of a comment, CDATA or instruction, to find its end across chunks.
    tail: [u8; 2],
    /// The `<sst>` start tag being read, to check the count it declares.
    table: Option<Vec<u8>>,
    /// Where the open `<c>` or `<si>` began.
    element: Option<u64>,
    strings: u64,
    merges: u64,
}

impl<'a> Markup<'a> {
    pub(super) fn new(part: &'a str, limits: Limits) -> Self {
        let cell = limits.max_cell_bytes as u64;
        let file = part.rsplit('/').next().unwrap_or(part).to_lowercase();
        Markup {
            part,
            strings_part: file == "sharedstrings.xml",
            // Escaping (`&amp;`, `&#x1F600;`) makes a cell's text up to six times longer.
            text_run: cell * 6,
            // A cell's text, its formula (8,192 characters), the tags of rich text runs.
            element_bytes: cell * 8 + 64 * 1024,
            max_strings: limits.max_shared_strings as u64,
            max_merges: limits.max_merges as u64,
            state: State::Text,
            offset: 0,
            since: 0,
            head: Vec::with_capacity(64),
            end: false,
            kind: Kind::Other,
            quote: None,
            attributes: 0,
            last: 0,
            tail: [0; 2],
            table: None,
            element: None,
            strings: 0,
            merges: 0,
        }
    }

    /// Scans the next bytes of the part.
    pub(super) fn feed(&mut self, bytes: &[u8]) -> Result<()> {
        let base = self.offset;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match self.state {
                State::Text => match memchr(b'<', &bytes[i..]) {
                    None => i = bytes.len(),
                    Some(k) => {
                        i += k;
                        self.check_text(base + i as u64)?;
                        self.since = base + i as u64;
                        self.state = State::Open;
                        i += 1;
                    }
                },
                State::Open => {
                    self.head.clear();
                    self.end = false;
                    self.quote = None;
                    self.attributes = 0;
                    self.last = 0;
                    match b {
                        b'?' => {
                            self.tail = [0; 2];
                            self.state = State::Pi;
                            i += 1;
                        }
                        b'!' => {
                            self.state = State::Bang;
                            i += 1;
                        }
                        b'/' => {
                            self.end = true;
                            self.state = State::Name;
                            i += 1;
                        }
                        _ => self.state = State::Name,
                    }
                }
                State::Name => {
                    if b.is_ascii_whitespace() || b == b'/' || b == b'>' {
                        self.kind = self.kind_of_name();
                        if self.kind == Kind::Table && !self.end {
                            self.table = Some(Vec::new());
                        }
                        self.state = State::Tag;
                    } else {
                        if self.head.len() < 64 {
                            self.head.push(b);
                        }
                        i += 1;
                    }
                }
                State::Tag => i = self.tag(bytes, i, base)?,
                State::Bang => {
                    self.head.push(b);
                    i += 1;
                    if self.head == b"--" {
                        self.tail = [0; 2];
                        self.state = State::Comment;
                    } else if self.head == b"[CDATA[" {
                        self.tail = [0; 2];
                        self.state = State::CData;
                    } else if !b"--".starts_with(&self.head) && !b"[CDATA[".starts_with(&self.head)
                    {
                        return Err(refuse(format!(
                            "The workbook's part {} declares a DTD (<!DOCTYPE> or <!ENTITY>), \
                             which no Excel workbook needs; it is refused as unsafe.",
                            self.part
                        )));
                    }
                }
                State::Comment | State::CData | State::Pi => {
                    let end: &[u8] = match self.state {
                        State::Comment => b"--",
                        State::CData => b"]]",
                        _ => b"?",
                    };
                    let rest = &bytes[i..];
                    let Some(k) = memchr(b'>', rest) else {
                        self.tail = last_two(self.tail, rest);
                        i = bytes.len();
                        continue;
                    };
                    let before = last_two(self.tail, &rest[..k]);
                    let closed = before.ends_with(end);
                    self.tail = [before[1], b'>'];
                    i += k + 1;
                    if closed {
                        self.check_markup(base + i as u64)?;
                        self.state = State::Text;
                        self.since = base + i as u64;
                    }
                }
            }
        }
        self.offset = base + bytes.len() as u64;
        self.check_open()
    }

    /// The bytes of a tag after its name, from `i`; returns where it stopped.
    fn tag(&mut self, bytes: &[u8], i: usize, base: u64) -> Result<usize> {
        let rest = &bytes[i..];
        if let Some(q) = self.quote {
            let taken = match memchr(q, rest) {
                Some(k) => {
                    self.quote = None;
                    k + 1
                }
                None => rest.len(),
            };
            if let Some(table) = &mut self.table {
                table.extend_from_slice(&rest[..taken]);
            }
            return Ok(i + taken);
        }
        let stop = memchr3(b'>', b'"', b'\'', rest);
        let plain = &rest[..stop.unwrap_or(rest.len())];
        self.attributes += memchr::memchr_iter(b'=', plain).count() as u32;
        if self.attributes > MAX_ATTRIBUTES {
            return Err(refuse(format!(
                "The workbook's part {} has a tag with more than {MAX_ATTRIBUTES} attributes; no \
                 Excel workbook has one, and reading it would take very long. It is refused as \
                 hostile.",
                self.part
            )));
        }
        if let Some(b) = plain.iter().rev().find(|b| !b.is_ascii_whitespace()) {
            self.last = *b;
        }
        if let Some(table) = &mut self.table {
            table.extend_from_slice(plain);
        }
        let Some(k) = stop else {
            return Ok(bytes.len());
        };
        let q = rest[k];
        if q != b'>' {
            self.quote = Some(q);
            self.last = q;
            if let Some(table) = &mut self.table {
                table.push(q);
            }
            return Ok(i + k + 1);
        }
        let after = base + (i + k + 1) as u64;
        self.check_markup(after)?;
        self.closed_tag(after)?;
        self.state = State::Text;
        self.since = after;
        Ok(i + k + 1)
    }

    /// A tag has ended at `after`: counts and bounds what it opens or closes.
    fn closed_tag(&mut self, after: u64) -> Result<()> {
        let empty = self.last == b'/';
        match self.kind {
            Kind::Cell | Kind::SharedString if self.end => {
                if let Some(start) = self.element.take() {
                    self.check_element(start, after)?;
                }
            }
            Kind::Cell | Kind::SharedString => {
                if self.kind == Kind::SharedString && self.strings_part {
                    self.strings += 1;
                    if self.strings > self.max_strings {
                        return Err(self.too_many_strings());
                    }
                }
                if !empty && self.element.is_none() {
                    self.element = Some(self.since);
                }
            }
            Kind::Table if !self.end => {
                let tag = self.table.take().unwrap_or_default();
                for name in ["uniqueCount", "count"] {
                    if let Some(n) = declared(&tag, name)
                        && n > self.max_strings
                    {
                        return Err(self.too_many_strings());
                    }
                }
            }
            Kind::Merge if !self.end => {
                self.merges += 1;
                if self.merges > self.max_merges {
                    return Err(refuse(format!(
                        "The workbook's part {} has more than {} merged ranges; unmerge them.",
                        self.part,
                        group(self.max_merges)
                    )));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The part has been fed whole.
    pub(super) fn finish(&mut self) -> Result<()> {
        self.check_open()
    }

    fn kind_of_name(&self) -> Kind {
        let local = match self.head.iter().rposition(|b| *b == b':') {
            Some(colon) => &self.head[colon + 1..],
            None => &self.head[..],
        };
        match local {
            b"c" => Kind::Cell,
            b"si" => Kind::SharedString,
            b"sst" => Kind::Table,
            b"mergeCell" => Kind::Merge,
            _ => Kind::Other,
        }
    }

    /// Bounds what is open at the end of a chunk, so a long run is stopped as it streams.
    fn check_open(&self) -> Result<()> {
        match self.state {
            State::Text => self.check_text(self.offset)?,
            _ => self.check_markup(self.offset)?,
        }
        if let Some(start) = self.element {
            self.check_element(start, self.offset)?;
        }
        Ok(())
    }

    fn check_text(&self, now: u64) -> Result<()> {
        if now - self.since > self.text_run {
            return Err(refuse(format!(
                "The workbook's part {} holds a run of text longer than {}, more than any \
                 cell can hold (Excel's limit is 32,767 characters); it is refused before it \
                 is read.",
                self.part,
                size_text(self.text_run)
            )));
        }
        Ok(())
    }

    fn check_markup(&self, now: u64) -> Result<()> {
        if now - self.since > MAX_MARKUP {
            return Err(refuse(format!(
                "The workbook's part {} has a tag, comment or instruction longer than {}; no \
                 Excel workbook has one. It is refused as hostile.",
                self.part,
                size_text(MAX_MARKUP)
            )));
        }
        Ok(())
    }

    fn check_element(&self, start: u64, now: u64) -> Result<()> {
        if now - start > self.element_bytes {
            return Err(refuse(format!(
                "The workbook's part {} holds a cell longer than {}, more than any cell can \
                 hold (Excel's limit is 32,767 characters); it is refused before it is read.",
                self.part,
                size_text(self.element_bytes)
            )));
        }
        Ok(())
    }

    fn too_many_strings(&self) -> isms_core::CoreError {
        refuse(format!(
            "The workbook's shared string table ({}) holds or declares more than {} strings; \
             only workbooks up to that size can be imported.",
            self.part,
            group(self.max_strings)
        ))
    }
}

/// The last two bytes of `tail` followed by `more`.
fn last_two(tail: [u8; 2], more: &[u8]) -> [u8; 2] {
    match more {
        [] => tail,
        [one] => [tail[1], *one],
        [.., a, b] => [*a, *b],
    }
}

/// The number an attribute `name="…"` of a tag declares; `u64::MAX` for one too long to be a
/// number, `None` when the tag has no such attribute.
fn declared(tag: &[u8], name: &str) -> Option<u64> {
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(k) = tag[from..].windows(name.len()).position(|w| w == name) {
        let at = from + k;
        from = at + name.len();
        let boundary = at == 0 || tag[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_ascii_start();
        if !boundary || !rest.starts_with(b"=") {
            continue;
        }
        let rest = rest[1..].trim_ascii_start();
        let &quote = rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
        let value = &rest[1..];
        let value = &value[..memchr(quote, value).unwrap_or(value.len())];
        let digits = value.trim_ascii();
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        return Some(
            std::str::from_utf8(digits)
                .ok()
                .and_then(|d| d.parse().ok())
                .unwrap_or(u64::MAX),
        );
    }
    None
}
