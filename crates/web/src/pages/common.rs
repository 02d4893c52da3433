//! Small helpers several page modules share: drop-down options, the notice after a redirect,
//! who may organise what, and checking and storing uploaded files.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;
use agora_db::consultation::Consultation;
use agora_db::surveys::Survey;
use agora_domain::permission::{Action, Grant};
use agora_domain::{FieldError, TextEnum};
use object_store::ObjectStoreExt;
use serde::Deserialize;

/// The `next` parameter of pages that send the visitor back where they came from.
#[derive(Deserialize)]
pub struct NextQuery {
    /// Where to go back to, checked before use.
    pub next: Option<String>,
}

/// The consultation `id`, for staff of its unit: the staff pages of one consultation start here.
pub async fn consultation_to_manage(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Consultation> {
    ctx.require_user()?;
    let c = agora_db::consultation::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    ctx.require(Action::ManageUnit(c.unit_id))?;
    Ok(c)
}

/// The survey `id`, for staff of its unit: the builder's pages start here.
pub async fn survey_to_manage(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Survey> {
    ctx.require_user()?;
    let s = agora_db::surveys::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    ctx.require(Action::ManageUnit(s.unit_id))?;
    Ok(s)
}

/// The query of a page that may show a confirmation after a redirect (`?ok=flash-…`).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OkQuery {
    /// The message key of the confirmation.
    pub ok: String,
}

impl OkQuery {
    /// The confirmation to show, if the key names one.
    pub fn notice(&self, ctx: &Ctx) -> Option<String> {
        notice(ctx, &self.ok)
    }
}

/// A form that moves something (a survey, a poll) to another status.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    /// The status asked for, as its text.
    pub to: String,
}

/// The confirmation shown after a redirect (`?ok=flash-…`); unknown keys show nothing.
pub fn notice(ctx: &Ctx, key: &str) -> Option<String> {
    (key.starts_with("flash-") && ctx.lang.has(key)).then(|| ctx.t(key))
}

/// A choice in a filter's drop-down.
pub struct Opt {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
}

/// Units the user may organise for; `None` means every unit (administrators).
pub fn my_units(ctx: &Ctx) -> Option<Vec<i64>> {
    if ctx.can(Action::ManageReferenceData) {
        return None;
    }
    Some(ctx.user.as_ref().map_or_else(Vec::new, |u| {
        u.grants.iter().filter_map(|g| if let Grant::Organiser(id) = g { Some(*id) } else { None }).collect()
    }))
}

/// A drop-down of every value of `E`, each labelled by the message `{key_prefix}{text}`.
pub fn options<E: TextEnum>(lang: Lang, key_prefix: &str) -> Vec<Opt> {
    options_where::<E>(lang, key_prefix, |_| true)
}

/// A drop-down of the values of `E` that `keep` accepts, labelled as [`options`] does.
pub fn options_where<E: TextEnum>(lang: Lang, key_prefix: &str, keep: impl Fn(E) -> bool) -> Vec<Opt> {
    E::VALUES
        .iter()
        .filter(|v| keep(**v))
        .map(|v| Opt { value: v.text().to_owned(), label: lang.t(&format!("{key_prefix}{}", v.text())) })
        .collect()
}

/// The staff area for organisers: the units this person may organise for (`None`: all of
/// them), or forbidden to staff who organise for none.
pub fn require_organiser(ctx: &Ctx) -> AppResult<Option<Vec<i64>>> {
    ctx.require(Action::EnterStaffArea)?;
    match my_units(ctx) {
        Some(units) if units.is_empty() => Err(AppError::Forbidden),
        other => Ok(other),
    }
}

/// Checks an uploaded file's size and type (from its content); `None` when optional and absent.
pub fn check_file(
    bytes: &[u8],
    too_big: bool,
    max: usize,
    required: bool,
) -> Result<Option<agora_domain::document::FileType>, FieldError> {
    if too_big {
        return Err(FieldError::with_limit("file", "file-too-big", max / 1024 / 1024));
    }
    if bytes.is_empty() {
        return if required { Err(FieldError::new("file", "required")) } else { Ok(None) };
    }
    agora_domain::document::sniff(bytes).map(Some).ok_or(FieldError::new("file", "file-type"))
}

/// Stores file bytes under `prefix` and returns the key.
pub async fn store_file(
    state: &AppState,
    prefix: &str,
    bytes: Vec<u8>,
    t: agora_domain::document::FileType,
) -> AppResult<String> {
    let key = format!("{prefix}/{}.{}", &agora_db::new_token().0[..32], t.extension());
    state
        .storage
        .put(&object_store::path::Path::from(key.as_str()), bytes.into())
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(key)
}

/// A safe file name for downloads, its extension set by the type found in the content.
pub fn clean_filename(name: &str, ext: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem: String = stem.chars().filter(|c| !c.is_control() && !"\"<>:|?*".contains(*c)).take(120).collect();
    let stem = if stem.trim().is_empty() { "dokument".to_owned() } else { stem.trim().to_owned() };
    // The extension always follows the type found in the content.
    format!("{stem}.{ext}")
}

pub async fn district_options(state: &AppState) -> AppResult<Vec<Opt>> {
    Ok(agora_db::reference::districts(&state.db)
        .await?
        .into_iter()
        .map(|d| Opt {
            value: d.id.to_string(),
            label: format!("{} {}", agora_domain::reference::DistrictInput::roman(d.number), d.name),
        })
        .collect())
}

pub async fn section_options(state: &AppState, c: i64) -> AppResult<Vec<Opt>> {
    Ok(agora_db::remarks::sections(&state.db, c)
        .await?
        .into_iter()
        .map(|s| Opt { value: s.id.to_string(), label: s.label })
        .collect())
}

/// Where the days the city has to answer each kind of body are kept.
pub const ANSWER_RULES_KEY: &str = "answer_rules";

/// The days the city has to answer each kind of body, as administrators set them (defaults
/// when they have not, or when what is stored cannot be read).
pub async fn answer_rules(state: &AppState) -> AppResult<agora_domain::answer_rules::AnswerRules> {
    Ok(agora_db::settings::get(&state.db, ANSWER_RULES_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// A file size as people read it: "1,2 MB", "340,0 kB".
pub fn size_label(lang: crate::i18n::Lang, bytes: i64) -> String {
    let (value, unit) = if bytes >= 1024 * 1024 {
        (bytes as f64 / 1_048_576.0, "MB")
    } else {
        ((bytes as f64 / 1024.0).max(0.1), "kB")
    };
    let s = format!("{value:.1}");
    let s = if lang == crate::i18n::Lang::Pl { s.replace('.', ",") } else { s };
    format!("{s} {unit}")
}

/// A stored file as a download under its own name.
pub async fn stored_download(
    state: &AppState,
    key: &str,
    filename: &str,
    content_type: &str,
    size: i64,
) -> AppResult<axum::response::Response> {
    use axum::http::header;
    use axum::response::IntoResponse;
    use object_store::ObjectStoreExt;
    let got =
        state.storage.get(&object_store::path::Path::from(key)).await.map_err(|e| AppError::Internal(e.to_string()))?;
    // Only types checked at upload are ever stored; still, never let a browser render one
    // inline as a page of this site.
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        filename
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() || ".-_".contains(ch) { ch } else { '_' })
            .collect::<String>(),
        crate::urls::url_encode(filename).replace('+', "%20")
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_LENGTH, size.to_string()),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
        ],
        axum::body::Body::from_stream(got.into_stream()),
    )
        .into_response())
}

/// A picture sent with a form as `field` (a news post's lead image, a gallery's photo): a PNG,
/// JPEG or WebP by its content, within `max` bytes, or nothing when none was chosen.
pub fn checked_image(
    field: &'static str,
    file: &crate::forms::UploadedFile,
    max: usize,
) -> Result<Option<agora_domain::document::FileType>, FieldError> {
    if file.too_big {
        return Err(FieldError::with_limit(field, "file-too-big", max / 1024 / 1024));
    }
    if file.bytes.is_empty() {
        return Ok(None);
    }
    match agora_domain::document::sniff(&file.bytes) {
        Some(t) if t.is_image() => Ok(Some(t)),
        _ => Err(FieldError::new(field, "news-image-type")),
    }
}

/// Deletes a file nothing uses any more; a failure leaves an orphan in the store, never a
/// record without its file, so it is logged and not shown to the editor.
pub async fn delete_stored(state: &AppState, key: &str) {
    if let Err(e) = state.storage.delete(&object_store::path::Path::from(key)).await {
        tracing::warn!(error = %e, key, "cannot delete a file no longer used");
    }
}

/// A stored picture shown inline: pictures are only ever stored after their type was checked.
pub async fn stored_image(state: &AppState, key: &str, content_type: &str) -> AppResult<axum::response::Response> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let got =
        state.storage.get(&object_store::path::Path::from(key)).await.map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CACHE_CONTROL, "public, max-age=300".to_owned()),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
        ],
        axum::body::Body::from_stream(got.into_stream()),
    )
        .into_response())
}
