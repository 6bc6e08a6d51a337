//! Finding the vault's person a cell means: by e-mail (ignoring case) when it holds an `@`,
//! otherwise by name (ignoring case and surrounding spaces). No match, or a name two people
//! share, is a problem for the row, never a guess. A value nobody answers to is collected
//! once for all its rows ([`Check::unresolved`]), so it can be mapped to a person.

use std::collections::HashMap;

use isms_core::people::Person;

use super::check::Check;

pub(crate) struct Owners {
    /// Lower-case e-mail → person id.
    by_email: HashMap<String, i64>,
    /// Trimmed, lower-case name → the ids of everyone so called.
    by_name: HashMap<String, Vec<i64>>,
}

impl Owners {
    pub fn new(people: Vec<Person>) -> Self {
        let mut by_email = HashMap::new();
        let mut by_name: HashMap<String, Vec<i64>> = HashMap::new();
        for p in people {
            by_email.entry(p.email.to_ascii_lowercase()).or_insert(p.id);
            by_name
                .entry(p.name.trim().to_lowercase())
                .or_default()
                .push(p.id);
        }
        Owners { by_email, by_name }
    }

    /// The person `text` names: an e-mail or a name. `Err(true, …)` when nobody answers to
    /// it (a value to map to someone), `Err(false, …)` when several do.
    pub fn find(&self, text: &str) -> Result<i64, (bool, String)> {
        let wanted = text.trim();
        if wanted.contains('@') {
            return self
                .by_email
                .get(&wanted.to_ascii_lowercase())
                .copied()
                .ok_or_else(|| {
                    (
                        true,
                        format!("Nobody in the vault has the e-mail “{wanted}”."),
                    )
                });
        }
        let lower = wanted.to_lowercase();
        let named = self.by_name.get(&lower).map_or(&[][..], Vec::as_slice);
        match named {
            [one] => Ok(*one),
            [] => Err((true, format!("Nobody in the vault is called “{wanted}”."))),
            many => Err((
                false,
                format!(
                    "{} people are called “{wanted}”; write the e-mail of the one you mean.",
                    many.len()
                ),
            )),
        }
    }

    /// The owner a row gives in `name_field` and, if mapped, `email_field` (the e-mail wins
    /// when both are filled). `Some(None)` for no owner; `None` when the row is wrong (the
    /// problem is recorded); not mapped at all is `Some(current)`.
    pub fn read(
        &self,
        check: &mut Check<'_>,
        name_field: &str,
        email_field: Option<&str>,
        current: Option<i64>,
    ) -> Option<Option<i64>> {
        let email_mapped = email_field.is_some_and(|f| check.mapped(f));
        if !check.mapped(name_field) && !email_mapped {
            return Some(current);
        }
        let (field, text) = match email_field.map(|f| (f, check.text(f))) {
            Some((f, e)) if !e.is_empty() => (f, e),
            _ => (name_field, check.text(name_field)),
        };
        if text.is_empty() {
            return Some(None);
        }
        match self.find(&text) {
            Ok(id) => Some(Some(id)),
            Err((true, reason)) => {
                check.unresolved(field, &text, &reason);
                None
            }
            Err((false, message)) => {
                check.error(field, &message);
                None
            }
        }
    }
}
