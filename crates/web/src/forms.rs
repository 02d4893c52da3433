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
    use crate::error::AppError;
    let mut pairs = Vec::new();
    let mut file = UploadedFile::default();
    while let Some(mut field) = mp.next_field().await.map_err(|_| AppError::BadRequest)? {
        let name = field.name().unwrap_or("").to_owned();
        if name == file_field {
            file.name = field.file_name().unwrap_or("").to_owned();
            while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
                if file.bytes.len() + chunk.len() > max {
                    file.too_big = true;
                    file.bytes = Vec::new();
                } else if !file.too_big {
                    file.bytes.extend_from_slice(&chunk);
                }
            }
        } else {
            pairs.push((name, field.text().await.map_err(|_| AppError::BadRequest)?));
        }
    }
    Ok((Pairs(pairs), file))
}
