//! The organiser's review: what a submission changes, field by field, against the profile as it
//! is now. When the profile moved since the version the submission was made from, the two
//! versions are shown side by side and approving needs `--overwrite`: nothing is replaced
//! silently.

use fairway_core::edit::ProfileEdit;
use serde::Serialize;
use serde_json::Value;

use crate::HubError;
use crate::store::{Store, Submission};

/// One field that differs between the current profile and a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// Named as the editor names it: `description_en`, `products.2.name_zh`.
    pub field: String,
    pub current: Option<String>,
    pub submitted: Option<String>,
}

/// A submission with what it would change.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub submission: Submission,
    /// The profile's version now.
    pub current_version: u64,
    /// The profile moved since the submission's base version.
    pub conflict: bool,
    /// Only the fields that differ.
    pub changes: Vec<FieldChange>,
}

/// The review of submission `id`.
pub fn review(store: &Store, id: u64) -> Result<Review, HubError> {
    let submission = store.submission(id)?;
    let (current_version, current) = store
        .profile(&submission.exhibitor_id)?
        .ok_or_else(|| HubError::Message(format!("no exhibitor {:?}", submission.exhibitor_id)))?;
    let changes = diff(&current, &submission.profile);
    Ok(Review {
        conflict: current_version != submission.base_version,
        current_version,
        changes,
        submission,
    })
}

/// The fields whose values differ, in the profile's order (products by position).
pub fn diff(current: &ProfileEdit, submitted: &ProfileEdit) -> Vec<FieldChange> {
    let a = flatten(current);
    let b = flatten(submitted);
    let mut names: Vec<&String> = a.iter().map(|(k, _)| k).collect();
    for (k, _) in &b {
        if !names.contains(&k) {
            names.push(k);
        }
    }
    let get = |list: &[(String, Option<String>)], name: &str| {
        list.iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.clone())
    };
    names
        .into_iter()
        .filter_map(|name| {
            let current = get(&a, name);
            let submitted = get(&b, name);
            (current != submitted).then(|| FieldChange {
                field: name.clone(),
                current,
                submitted,
            })
        })
        .collect()
}

fn flatten(profile: &ProfileEdit) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    if let Ok(Value::Object(map)) = serde_json::to_value(profile) {
        for (key, value) in map {
            match value {
                Value::Array(products) => {
                    for (i, product) in products.into_iter().enumerate() {
                        if let Value::Object(fields) = product {
                            for (k, v) in fields {
                                out.push((format!("{key}.{i}.{k}"), text(v)));
                            }
                        }
                    }
                }
                other => out.push((key, text(other))),
            }
        }
    }
    out
}

fn text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fairway_core::edit::ProductEdit;

    #[test]
    fn only_differing_fields_are_listed_with_both_values() {
        let current = ProfileEdit {
            name_en: "Acme".into(),
            description_en: Some("Old".into()),
            products: vec![ProductEdit {
                name_en: "Rice".into(),
                ..ProductEdit::default()
            }],
            ..ProfileEdit::default()
        };
        let submitted = ProfileEdit {
            description_en: Some("New".into()),
            products: vec![
                ProductEdit {
                    name_en: "Rice".into(),
                    ..ProductEdit::default()
                },
                ProductEdit {
                    name_en: "Tea".into(),
                    ..ProductEdit::default()
                },
            ],
            ..current.clone()
        };
        let changes = diff(&current, &submitted);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["description_en", "products.1.name_en"]);
        assert_eq!(changes[0].current.as_deref(), Some("Old"));
        assert_eq!(
            changes[1].current, None,
            "a new product has no current value"
        );
    }
}
