//! Every list of the vocabulary: a label for every value, no word meaning two values, every
//! word read back to its value; and the TypeScript file written where the bindings go.

use super::{Vocabulary, normalized, typescript};
use std::collections::HashSet;

fn check<T: Vocabulary + std::fmt::Debug>() {
    let name = std::any::type_name::<T>();
    let words = T::WORDS;
    assert!(!words.is_empty(), "{name} has no words");
    let mut labels = HashSet::new();
    let mut accepted = HashSet::new();
    for w in words {
        assert!(
            !w.label.trim().is_empty(),
            "{name}::{:?} has no label",
            w.value
        );
        assert!(
            labels.insert(normalized(w.label)),
            "{name}: the label “{}” is given twice",
            w.label
        );
        assert_eq!(w.value.label(), w.label);
        assert!(
            !w.value.key().is_empty(),
            "{name}::{:?} has no name",
            w.value
        );
        let own: HashSet<String> = std::iter::once(w.label.to_owned())
            .chain(std::iter::once(w.value.key()))
            .chain(w.synonyms.iter().map(|s| (*s).to_owned()))
            .map(|s| normalized(&s))
            .collect();
        for word in own {
            assert!(
                accepted.insert(word.clone()),
                "{name}: “{word}” means two values"
            );
        }
        let mut texts = vec![
            w.label.to_owned(),
            w.label.to_uppercase(),
            format!("  {}  ", w.label.to_lowercase()),
            w.value.key(),
        ];
        texts.extend(w.synonyms.iter().map(|s| (*s).to_owned()));
        for text in &texts {
            assert_eq!(T::from_word(text), Some(w.value), "{name}: “{text}”");
        }
    }
    assert_eq!(T::from_word("no such word at all"), None);
    assert_eq!(T::from_word("  "), None);
}

#[test]
fn every_value_has_one_label_and_every_word_reads_back() {
    macro_rules! each {
        ($($t:ty),* $(,)?) => { $( check::<$t>(); )* };
    }
    crate::for_each_vocabulary!(each);
}

/// Every value of each enum is in its table: the table's length equals the number of names
/// its TypeScript binding lists.
#[test]
fn every_table_lists_every_value() {
    macro_rules! each {
        ($($t:ty),* $(,)?) => { $( {
            let cfg = ts_rs::Config::from_env();
            let decl = <$t as ts_rs::TS>::decl(&cfg);
            let values = decl.split_once('=').map_or("", |(_, v)| v);
            let variants = values.matches('"').count() / 2;
            assert_eq!(<$t as Vocabulary>::WORDS.len(), variants, "{decl}");
        } )* };
    }
    crate::for_each_vocabulary!(each);
}

#[test]
fn typescript_names_each_map_after_its_binding() {
    let ts = typescript::render();
    assert!(ts.contains("import type { ItemKind } from './ItemKind';"));
    assert!(ts.contains("export const ITEM_SOURCE_LABELS = {\n\tstage1_audit: 'Stage 1 audit',"));
    assert!(ts.contains("} as const satisfies Record<ItemSource, string>;"));
    assert!(ts.contains("export const COVERAGE_STATUS_LABELS"));
}

/// Written with the ts-rs bindings (the same test-name filter, `export_bindings`), so `make
/// schema` refreshes it and `make lint` sees it drift.
#[test]
fn export_bindings_vocabulary() {
    let dir = std::env::var_os("TS_RS_EXPORT_DIR")
        .expect("TS_RS_EXPORT_DIR is set in .cargo/config.toml");
    typescript::write(std::path::Path::new(&dir)).expect("vocabulary.ts written");
}
