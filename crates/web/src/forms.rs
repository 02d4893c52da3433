//! Form errors shown next to their fields and in a summary at the top of the form.

use crate::i18n::{Arg, Lang};
use agora_domain::{FieldError, Invalid};

/// One translated problem with a field.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The field's name (also its element id).
    pub field: &'static str,
    /// The translated message.
    pub message: String,
}

/// The problems of a submitted form, translated.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    /// In the order found, which is the order of the fields.
    pub list: Vec<Problem>,
}

impl FormErrors {
    /// Translates the domain's findings.
    pub fn from_invalid(invalid: &Invalid, lang: Lang) -> Self {
        FormErrors { list: invalid.0.iter().map(|e| Problem { field: e.field, message: message(e, lang) }).collect() }
    }

    /// A form-wide problem shown above the fields.
    pub fn general(field: &'static str, message: String) -> Self {
        FormErrors { list: vec![Problem { field, message }] }
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.list.iter().find(|p| p.field == field).map(|p| p.message.as_str())
    }

    /// Whether there is anything to show.
    pub fn any(&self) -> bool {
        !self.list.is_empty()
    }
}

/// The translated message for one field error.
pub fn message(e: &FieldError, lang: Lang) -> String {
    let key = format!("error-{}", e.code);
    match e.limit {
        Some(n) => lang.t_args(&key, &[("limit", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))]),
        None => lang.t(&key),
    }
}

/// A submitted form as name–value pairs, for forms with repeated fields (checkbox lists).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The key that makes a repeated submission of this form (a second click, a resent request)
    /// store nothing new: the one the form carries when well formed, else a new one.
    pub fn form_key(&self) -> String {
        Some(self.get("form_key"))
            .filter(|k| k.len() == 64 && k.chars().all(|c| c.is_ascii_hexdigit()))
            .map_or_else(|| agora_db::new_token().0, str::to_owned)
    }

    /// The fixed fields of a form as the struct `T` names them. A form that also carries lists
    /// (ticked checkboxes sharing a name) reads those with [`Pairs::all`] and [`Pairs::ids`];
    /// here only the first value of each name counts, as with [`Pairs::get`].
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, crate::error::AppError> {
        let mut seen = std::collections::HashSet::new();
        let first: Vec<(&str, &str)> =
            self.0.iter().filter(|(k, _)| seen.insert(k.as_str())).map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let body = serde_urlencoded::to_string(first).map_err(|_| crate::error::AppError::BadRequest)?;
        serde_urlencoded::from_str(&body).map_err(|_| crate::error::AppError::BadRequest)
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// Every value of `name` that is a positive id; others are dropped.
    pub fn ids(&self, name: &str) -> Vec<i64> {
        self.all(name).into_iter().filter_map(|v| v.trim().parse().ok()).filter(|n: &i64| *n > 0).collect()
    }

    /// Whether `name` was sent (a ticked checkbox).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// A file sent with a multipart form.
#[derive(Debug, Clone, Default)]
pub struct UploadedFile {
    /// The name it had on the sender's computer.
    pub name: String,
    /// Its bytes (empty when nothing was chosen or it was too big).
    pub bytes: Vec<u8>,
    /// It was larger than allowed and was dropped.
    pub too_big: bool,
}

/// Reads a multipart form: text fields as [`Pairs`], and the field named `file_field` as a
/// file of at most `max` bytes.
pub async fn read_multipart(
    mut mp: axum::extract::Multipart,
    file_field: &str,
    max: usize,
) -> Result<(Pairs, UploadedFile), crate::error::AppError> {
    let mut pairs = Vec::new();
    let mut file = UploadedFile::default();
    while let Some(mut field) = mp.next_field().await? {
        let name = field.name().unwrap_or("").to_owned();
        if name == file_field {
            file.name = field.file_name().unwrap_or("").to_owned();
            while let Some(chunk) = field.chunk().await? {
                if file.bytes.len() + chunk.len() > max {
                    file.too_big = true;
                    file.bytes = Vec::new();
                } else if !file.too_big {
                    file.bytes.extend_from_slice(&chunk);
                }
            }
        } else {
            pairs.push((name, field.text().await?));
        }
    }
    Ok((Pairs(pairs), file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Settings {
        days: String,
        premoderation: Option<String>,
    }

    fn pairs(list: &[(&str, &str)]) -> Pairs {
        Pairs(list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    }

    #[test]
    fn decode_reads_the_first_value_of_each_field_and_leaves_lists_to_all() {
        let p = pairs(&[("days", "7"), ("ids", "1"), ("ids", "2"), ("days", "9"), ("premoderation", "on")]);
        let s: Settings = p.decode().unwrap();
        assert_eq!(s, Settings { days: "7".into(), premoderation: Some("on".into()) });
        assert_eq!(p.ids("ids"), vec![1, 2]);
    }

    #[test]
    fn decode_leaves_absent_fields_empty_and_an_unticked_checkbox_unset() {
        let s: Settings = pairs(&[("other", "x")]).decode().unwrap();
        assert_eq!(s, Settings::default());
    }
}
