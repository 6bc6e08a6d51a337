//! The PDF file format at its smallest: numbered objects written one after another as they are
//! ready, each one's byte offset noted for the cross-reference table written at the end, and
//! streams compressed with Flate. Object numbers are handed out by the document ([`super::write`])
//! and may be written in any order; every number handed out must be written before
//! [`ObjectWriter::finish`]. The writer holds no object after it is written, so a long document
//! costs memory for its offsets only.

use std::io::{self, Write};

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// Counts the bytes written through it, for the objects' offsets.
struct Counting<W> {
    inner: W,
    at: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

pub struct ObjectWriter<W: Write> {
    out: Counting<W>,
    /// The offset of object n at index n (index 0 is the free list's head).
    offsets: Vec<Option<u64>>,
    /// Reused for each stream's compressed bytes.
    packed: Vec<u8>,
}

impl<W: Write> ObjectWriter<W> {
    /// Starts a PDF 1.4 file (the binary comment tells transfer tools it is not text).
    pub fn new(out: W) -> io::Result<Self> {
        let mut out = Counting { inner: out, at: 0 };
        out.write_all(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")?;
        Ok(Self {
            out,
            offsets: vec![None],
            packed: Vec::new(),
        })
    }

    /// A new object number.
    pub fn reserve(&mut self) -> u32 {
        self.offsets.push(None);
        (self.offsets.len() - 1) as u32
    }

    /// Writes object `id` whose body is `body` (a dictionary, array…).
    pub fn object(&mut self, id: u32, body: &[u8]) -> io::Result<()> {
        self.begin(id)?;
        self.out.write_all(body)?;
        self.out.write_all(b"\nendobj\n")
    }

    /// Writes object `id` as a Flate-compressed stream of `data`; `dict` holds any keys besides
    /// /Length and /Filter (without the angle brackets).
    pub fn stream(&mut self, id: u32, dict: &str, data: &[u8], level: u32) -> io::Result<()> {
        self.packed.clear();
        let mut z = ZlibEncoder::new(std::mem::take(&mut self.packed), Compression::new(level));
        z.write_all(data)?;
        self.packed = z.finish()?;
        self.begin(id)?;
        write!(
            self.out,
            "<<{dict} /Length {} /Filter /FlateDecode>>\nstream\n",
            self.packed.len()
        )?;
        self.out.write_all(&self.packed)?;
        self.out.write_all(b"\nendstream\nendobj\n")
    }

    fn begin(&mut self, id: u32) -> io::Result<()> {
        let slot = self
            .offsets
            .get_mut(id as usize)
            .ok_or_else(|| io::Error::other(format!("object {id} was never reserved")))?;
        if slot.is_some() {
            return Err(io::Error::other(format!("object {id} written twice")));
        }
        *slot = Some(self.out.at);
        writeln!(self.out, "{id} 0 obj")
    }

    /// The cross-reference table and the trailer (`trailer` without its angle brackets).
    pub fn finish(mut self, trailer: &str) -> io::Result<W> {
        let xref = self.out.at;
        write!(
            self.out,
            "xref\n0 {}\n0000000000 65535 f \n",
            self.offsets.len()
        )?;
        for (id, offset) in self.offsets.iter().enumerate().skip(1) {
            let offset =
                offset.ok_or_else(|| io::Error::other(format!("object {id} never written")))?;
            writeln!(self.out, "{offset:010} 00000 n ")?;
        }
        write!(
            self.out,
            "trailer\n<</Size {}{trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            self.offsets.len()
        )?;
        self.out.flush()?;
        Ok(self.out.inner)
    }
}

/// A reference to object `id`.
pub fn r(id: u32) -> String {
    format!("{id} 0 R")
}

/// A PDF text string: UTF-16BE with its byte-order mark, in hex, so any name prints right.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(6 + 4 * s.len());
    out.push_str("<FEFF");
    for unit in s.encode_utf16() {
        out.push_str(&format!("{unit:04X}"));
    }
    out.push('>');
    out
}

/// A number as content streams want it: at most two decimals, no trailing zeros.
pub fn num(out: &mut Vec<u8>, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let h = hundredths.unsigned_abs();
    let (whole, frac) = (h / 100, h % 100);
    let mut digits = [0u8; 20];
    let mut n = whole;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}
