//! `index.html` with hostile names: evidence files named to inject markup, attributes, event
//! handlers, schemes and remote images, an organisation and a title doing the same. The page
//! holds only its own tags and attributes (no script, no handler, no remote resource, a policy
//! that allows nothing but its stylesheet), every name appears as escaped text, and every link
//! is a relative path that names an entry of the bundle.

use std::collections::BTreeSet;
use std::io::Read;

use chrono::NaiveDate;
use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault};
use isms_export::bundle::{self, About, PackFile};
use zip::ZipArchive;

#[path = "support/stand_in.rs"]
mod stand_in;

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>.html",
    "\" onmouseover=\"alert(1)\" x=\".txt",
    "javascript:alert(1)",
    "x.png' onerror='alert(2)",
    "a&amp;b <img src=https://evil.example/x.png>.txt",
    "../../../etc/passwd",
    "100% real?#frag.txt",
    "<style>body{display:none}</style>.css",
    "Ωmega ünïcode 漢字.txt",
];

/// Tags and attributes the page is made of; nothing else may appear.
const TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table",
    "tr", "th", "td", "a", "code", "br", "span",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "href",
    "class",
];

fn vault(dir: &std::path::Path) -> Vault {
    let stamp = Stamp::new(
        chrono::DateTime::from_timestamp(1_781_000_000, 0).unwrap(),
        "test",
    );
    let mut v = Vault::create(
        &dir.join("acme.isms"),
        Passphrase::new("correct horse battery staple".into()),
        stamp.clone(),
        |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
    )
    .unwrap();
    for (i, name) in HOSTILE.iter().enumerate() {
        let src = dir.join("src.bin");
        std::fs::write(&src, format!("file {i}")).unwrap();
        let new = NewEvidence {
            file_name: Some((*name).to_owned()),
            effective_date: NaiveDate::from_ymd_opt(2026, 6, 1),
            links: vec!["5.15".into()],
            ..Default::default()
        };
        evidence::add_file(&mut v, stamp.clone(), &src, new).unwrap();
    }
    v
}

/// Each tag of `html` as (name, attribute names and values); the stylesheet's text skipped.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("every tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let mut chars = tag.trim_start_matches('/').char_indices().peekable();
        let mut name = String::new();
        while let Some((_, c)) = chars.peek().copied() {
            if c.is_whitespace() {
                break;
            }
            name.push(c);
            chars.next();
        }
        let body: String = chars.map(|(_, c)| c).collect();
        let mut attributes = Vec::new();
        let mut b = body.trim();
        while !b.is_empty() {
            let key_end = b.find(['=', ' ']).unwrap_or(b.len());
            let key = b[..key_end].to_owned();
            b = b[key_end..].trim_start();
            let mut value = String::new();
            if let Some(v) = b.strip_prefix('=') {
                let v = v.strip_prefix('"').expect("values are quoted");
                let close = v.find('"').expect("and closed");
                value = v[..close].to_owned();
                b = v[close + 1..].trim_start();
            }
            attributes.push((key, value));
        }
        if name == "style" && !tag.starts_with('/') {
            let close = rest.find("</style>").expect("the stylesheet ends");
            assert!(!rest[..close].contains('<'), "no markup in the stylesheet");
            rest = &rest[close..];
        }
        out.push((name, attributes));
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn hostile_names_are_text_and_every_link_stays_in_the_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let plan = stand_in::plan(&v, &["5.15"]);
    assert_eq!(plan.files().len(), HOSTILE.len());
    let about = About {
        title: "<script>document.title</script> pack".into(),
        organisation: "Evil & <b onclick=\"x()\">Co</b>".into(),
        as_of: stand_in::day(),
    };
    let pdf = stand_in::pdf(&plan);
    let out = dir.path().join("pack.zip");
    let pack = PackFile {
        name: "pack.pdf",
        pdf: &pdf,
        about: &about,
    };
    bundle::write_bundle(&v, &pack, &plan, &out, &mut bundle::unwatched).unwrap();
    assert!(bundle::verify(&out).unwrap().ok());

    let mut zip = ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let entries: BTreeSet<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    let mut html = String::new();
    zip.by_name("index.html")
        .unwrap()
        .read_to_string(&mut html)
        .unwrap();

    let mut links = Vec::new();
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    for (name, attributes) in tags(&html).into_iter().skip(1) {
        assert!(TAGS.contains(&name.as_str()), "a tag of a name: <{name}>");
        for (key, value) in attributes {
            assert!(
                ATTRIBUTES.contains(&key.as_str()),
                "an attribute of a name: {key}={value:?} in <{name}>"
            );
            if key == "href" {
                links.push(value);
            }
        }
    }
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
        "a policy that allows no script and no remote resource"
    );
    assert_eq!(links.len(), HOSTILE.len() + 1, "the pack and each file");
    for link in &links {
        assert!(
            !link.contains(':')
                && !link.starts_with('/')
                && link
                    .split('/')
                    .all(|c| c != ".." && c != "." && !c.is_empty()),
            "a relative path inside the bundle: {link}"
        );
        let path = percent_decode(link);
        assert!(entries.contains(&path), "{link} names {path}, not an entry");
    }
    for escaped in [
        // The vault keeps no "/" in a file name: it is stored as "_".
        "&lt;script&gt;alert(1)&lt;_script&gt;.html",
        "&quot; onmouseover=&quot;alert(1)&quot; x=&quot;.txt",
        "x.png&#39; onerror=&#39;alert(2)",
        "a&amp;amp;b &lt;img src=https:__evil.example_x.png&gt;.txt",
        "&lt;script&gt;document.title&lt;/script&gt; pack",
        "Evil &amp; &lt;b onclick=&quot;x()&quot;&gt;Co&lt;/b&gt;",
        "Ωmega ünïcode 漢字.txt",
    ] {
        assert!(html.contains(escaped), "{escaped} shown as text");
    }
}
