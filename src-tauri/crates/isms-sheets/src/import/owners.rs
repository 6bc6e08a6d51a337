//! Finding the vault's person a cell means: by e-mail (ignoring case) when it holds an `@`,
//! otherwise by name (ignoring case and surrounding spaces). No match, or a name two people
//! share, is a problem for the row, never a guess.

use isms_core::people::Person;

use super::check::Check;

pub(crate) struct Owners {
    people: Vec<Person>,
}

impl Owners {
    pub fn new(people: Vec<Person>) -> Self {
        Owners { people }
    }

    /// The person `text` names: an e-mail or a name.
    pub fn find(&self, text: &str) -> Result<i64, String> {
        let wanted = text.trim();
        if wanted.contains('@') {
            return self
                .people
                .iter()
                .find(|p| p.email.eq_ignore_ascii_case(wanted))
                .map(|p| p.id)
                .ok_or_else(|| {
                    format!(
                        "Nobody in the vault has the e-mail “{wanted}”; add them to People first."
                    )
                });
        }
        let lower = wanted.to_lowercase();
        let named: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| p.name.trim().to_lowercase() == lower)
            .collect();
        match named.as_slice() {
            [one] => Ok(one.id),
            [] => Err(format!(
                "Nobody in the vault is called “{wanted}”; add them to People first, or write \
                 their e-mail."
            )),
            many => Err(format!(
                "{} people are called “{wanted}”; write the e-mail of the one you mean.",
                many.len()
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
            Err(message) => {
                check.error(field, &message);
                None
            }
        }
    }
}
