//! `index.html`, the bundle's first page for a reader without ISMS Desk: the pack's title,
//! organisation and as-of day, a link to the pack's PDF, the evidence digest, and every
//! evidence file grouped by the record whose folder holds it, with its size, effective date,
//! the records it supports and its SHA-256, each a relative link. It is made from the manifest
//! alone (every file but itself), so [`verify`](super::verify) can make it again and compare.
//!
//! The page is static and safe whatever the names in it: no script, no event handler, no
//! remote resource (a Content-Security-Policy allows nothing but its own inline stylesheet),
//! every text HTML-escaped, every link a relative path percent-encoded byte by byte. It reads
//! on a screen and prints on paper.

use std::fmt::Write as _;

use super::manifest::{Manifest, ManifestFile};

const STYLE: &str = "\
body{font:14px/1.45 system-ui,sans-serif;color:#1f2933;margin:2rem auto;max-width:70rem;padding:0 1rem}\
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #cbd2d9}\
h3{font-size:1rem;margin:1.5rem 0 .25rem}p{margin:.25rem 0}\
table{border-collapse:collapse;width:100%;margin:.25rem 0}\
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e4e7eb}\
th{background:#f0f4f8;font-weight:600}td.n{white-space:nowrap}\
code{font:12px/1.3 ui-monospace,monospace;word-break:break-all}\
.muted{color:#616e7c}a{color:#1d4ed8}\
@media print{body{margin:0;max-width:none;font-size:11px}a{color:inherit}h3{break-after:avoid}tr{break-inside:avoid}}";

/// Text with `&`, `<`, `>`, `"` and `'` escaped: safe as element content and in a quoted
/// attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A bundle path as a relative link: every byte but ASCII letters, digits, `-._~` and the
/// folder separator `/` percent-encoded, so no name can end the attribute, start a scheme
/// (`javascript:`) or a query, or leave the bundle.
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A size in bytes, KiB or MiB.
fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / KIB / KIB)
    }
}

/// The folder of an evidence path: "evidence/R-001/" of "evidence/R-001/a.txt".
fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

fn name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn file_row(out: &mut String, f: &ManifestFile) {
    let shown = name(&f.path);
    let mut cell = format!(
        "<a href=\"{}\">{}</a>",
        escape(&href(&f.path)),
        escape(shown)
    );
    if let Some(original) = f.original_name.as_deref().filter(|o| *o != shown) {
        let _ = write!(
            cell,
            "<br><span class=\"muted\">uploaded as {}</span>",
            escape(original)
        );
    }
    let mut supports = f.records.join(", ");
    if !f.versions.is_empty() {
        let _ = write!(supports, " (version {})", f.versions.join(", "));
    }
    let _ = writeln!(
        out,
        "<tr><td>{cell}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td><code>{}</code></td></tr>",
        escape(&size(f.size)),
        f.effective_date
            .map_or_else(|| "\u{2014}".to_owned(), |d| d.to_string()),
        escape(&supports),
        escape(&f.sha256)
    );
}

/// The page for `manifest`, whose files are every file of the bundle but the index itself.
pub fn render(manifest: &Manifest) -> Vec<u8> {
    let title = escape(&manifest.title);
    let org = escape(&manifest.organisation);
    let as_of = manifest.as_of.format("%-d %B %Y").to_string();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} \u{b7} {org} \u{b7} as of {as_of}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p>{org} \u{b7} as of {as_of}</p>\n"
    );
    out.push_str("<h2>The pack</h2>\n");
    if let Some(pack) = manifest.files.iter().find(|f| f.path == manifest.pack) {
        let _ = write!(
            out,
            "<table>\n<tr><th>File</th><th>Size</th><th>SHA-256</th></tr>\n\
             <tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td><code>{}</code></td></tr>\n</table>\n",
            escape(&href(&pack.path)),
            escape(&pack.path),
            escape(&size(pack.size)),
            escape(&pack.sha256)
        );
    }
    let evidence: Vec<&ManifestFile> = manifest.evidence().collect();
    let _ = writeln!(
        out,
        "<p>Evidence digest (the SHA-256 of the evidence manifest): <code>{}</code>. The pack's \
         cover and its PDF carry the same digest; <code>isms verify</code> checks the files \
         below against it. It proves the files are those the pack was made with; it is not a \
         signature.</p>",
        escape(&manifest.evidence_sha256)
    );
    let _ = writeln!(
        out,
        "<h2>Evidence ({} file{})</h2>",
        evidence.len(),
        if evidence.len() == 1 { "" } else { "s" }
    );
    if evidence.is_empty() {
        out.push_str("<p class=\"muted\">No evidence file supports a record of this pack.</p>\n");
    }
    let mut open: Option<&str> = None;
    for f in evidence {
        let here = folder(&f.path);
        if open != Some(here) {
            if open.is_some() {
                out.push_str("</table>\n");
            }
            let heading = f.record.as_deref().unwrap_or(here);
            let _ = write!(
                out,
                "<h3>{}</h3>\n<table>\n<tr><th>File</th><th>Size</th><th>Effective</th><th>Supports</th><th>SHA-256</th></tr>\n",
                escape(heading)
            );
            open = Some(here);
        }
        file_row(&mut out, f);
    }
    if open.is_some() {
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_links_cannot_break_out() {
        assert_eq!(
            escape("<img src=x onerror=\"a('b')\"> & co"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
        assert_eq!(
            href("evidence/R-001/javascript:alert(1)?x=\"y\" é.txt"),
            "evidence/R-001/javascript%3Aalert%281%29%3Fx%3D%22y%22%20%C3%A9.txt"
        );
        assert_eq!(size(131), "131 bytes");
        assert_eq!(size(175_294), "171.2 KiB");
        assert_eq!(size(3 * 1024 * 1024), "3.0 MiB");
    }
}
