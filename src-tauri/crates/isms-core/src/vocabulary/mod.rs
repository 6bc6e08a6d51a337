//! One vocabulary: the word a person reads for every value of a closed list (a tracker item's
//! kind, a risk's treatment, an audit's status …), defined once here and used by every surface
//! that shows or reads it: the screens (through `ui/src/lib/bindings/vocabulary.ts`, generated
//! by [`typescript`]), the export packs, the spreadsheets the app writes, and the spreadsheets
//! it imports.
//!
//! Each list implements [`Vocabulary`] with one table, [`Vocabulary::WORDS`]: every value with
//! its label and, where an imported sheet may say it otherwise, the other words that mean it
//! ("OFI", "Major nonconformity", "done"). [`Vocabulary::from_word`] reads any of them back, and the
//! value's own name (`in_progress`), ignoring case, surrounding spaces, and `_`, `-` or several
//! spaces between words. The tables live in [`lists`] (registers), [`tracker`], [`people`]
//! (people, training, measures and readiness) and [`registers`] (suppliers, incidents,
//! requirements); their synonyms are English, German and French, compared with accents
//! optional ([`normalized`]).

mod lists;
mod people;
mod registers;
mod tracker;
pub mod typescript;

use serde::Serialize;
use ts_rs::TS;

/// One value of a list with the words for it.
#[derive(Debug)]
pub struct Word<T> {
    pub value: T,
    /// What the screens, the packs and the exported sheets show.
    pub label: &'static str,
    /// Other words an imported sheet may use for it; compared like the label.
    pub synonyms: &'static [&'static str],
}

impl<T> Word<T> {
    /// A value known by its label alone.
    pub const fn new(value: T, label: &'static str) -> Self {
        Word {
            value,
            label,
            synonyms: &[],
        }
    }

    /// A value known by its label and, in imported sheets, by other words.
    pub const fn with(value: T, label: &'static str, synonyms: &'static [&'static str]) -> Self {
        Word {
            value,
            label,
            synonyms,
        }
    }
}

/// A closed list whose values people read and type: the one table of its words.
pub trait Vocabulary: Copy + PartialEq + Serialize + TS + 'static {
    /// Every value once, in the order the screens list them.
    const WORDS: &'static [Word<Self>];

    /// The word a person reads for this value.
    fn label(self) -> &'static str {
        Self::WORDS
            .iter()
            .find(|w| w.value == self)
            .map_or("", |w| w.label)
    }

    /// The value's own name as it crosses the IPC and lives in the vault (`in_progress`).
    fn key(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    /// The value a word means: its label, its name, or one of its synonyms, in any case, with
    /// `_`, `-` or spaces between words. `None` for a word that means none of them.
    fn from_word(text: &str) -> Option<Self> {
        let wanted = normalized(text);
        if wanted.is_empty() {
            return None;
        }
        Self::WORDS
            .iter()
            .find(|w| {
                normalized(w.label) == wanted
                    || normalized(&w.value.key()) == wanted
                    || w.synonyms.iter().any(|s| normalized(s) == wanted)
            })
            .map(|w| w.value)
    }

    /// Every label in order, for a message that lists the words a cell may hold.
    fn labels() -> Vec<&'static str> {
        Self::WORDS.iter().map(|w| w.label).collect()
    }
}

/// A word compared loosely: lower case, accents dropped ("Clôturé" is "cloture", "Maßnahme"
/// is "massnahme"), words separated by one space whatever separated them (spaces, no-break
/// spaces, `_`, `-`).
pub fn normalized(s: &str) -> String {
    folded(s)
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case with the accents of German and French letters dropped (é → e, ä → a, ç → c,
/// ß → ss, œ → oe) and typographic apostrophes made plain, so a word typed without its
/// accents, or with a curly apostrophe, still compares equal.
pub fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => out.push('\''),
            other => out.push(other),
        }
    }
    out
}

/// Calls `$m!` with every type that has a vocabulary, so the checks and the TypeScript file
/// cannot miss one.
#[macro_export]
macro_rules! for_each_vocabulary {
    ($m:ident) => {
        $m!(
            $crate::acknowledgements::AckMethod,
            $crate::audits::AuditStatus,
            $crate::changes::ChangeStatus,
            $crate::competence::CompetenceKind,
            $crate::context::IssueKind,
            $crate::coverage::Status,
            $crate::documents::DocKind,
            $crate::incidents::IncidentCategory,
            $crate::incidents::IncidentStatus,
            $crate::measures::Direction,
            $crate::measures::Frequency,
            $crate::measures::Source,
            $crate::objectives::ObjectiveStatus,
            $crate::organisation::FindingPolicy,
            $crate::readiness::RecordKind,
            $crate::requirements::RequirementSource,
            $crate::risks::ActionStatus,
            $crate::risks::ApprovalKind,
            $crate::risks::RiskLevel,
            $crate::risks::Treatment,
            $crate::soa::ImplementationStatus,
            $crate::suppliers::Criticality,
            $crate::suppliers::ReviewOutcome,
            $crate::tracker::ItemKind,
            $crate::tracker::ItemSource,
            $crate::tracker::ItemStatus,
            $crate::training::AwarenessStatus,
            $crate::training::CourseKind
        )
    };
}

#[cfg(test)]
mod tests;
