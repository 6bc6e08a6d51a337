//! The asset record and its validation rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Asset {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    pub name: String,
    /// The asset's type, in the owner's words ("Laptop", "Customer database", "SaaS").
    #[serde(default)]
    pub kind: String,
    /// The person who owns it.
    #[serde(default)]
    pub owner_id: Option<i64>,
    /// The classification under the organisation's scheme ("Confidential", "Internal"…).
    #[serde(default)]
    pub classification: String,
    #[serde(default)]
    pub description: String,
}

const TEXT_MAX: usize = 200;

impl Asset {
    pub fn named(name: &str) -> Self {
        Self {
            id: 0,
            name: name.to_owned(),
            kind: String::new(),
            owner_id: None,
            classification: String::new(),
            description: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        for field in [&mut self.name, &mut self.kind, &mut self.classification] {
            *field = field.trim().to_owned();
        }
        self.description = self.description.trim_end().to_owned();
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(FieldError::new("name", "A name is required."));
        }
        for (field, value) in [
            ("name", &self.name),
            ("kind", &self.kind),
            ("classification", &self.classification),
        ] {
            if value.chars().count() > TEXT_MAX {
                errors.push(FieldError::new(
                    field,
                    format!("At most {TEXT_MAX} characters."),
                ));
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
