//! Agora's domain: validated types and rules with no IO.

#[macro_use]
mod text_enum;

pub mod access_request;
pub mod account;
pub mod advice;
pub mod answer_rules;
pub mod application;
pub mod body;
pub mod calendar;
pub mod centre;
pub mod consultation;
pub mod council;
pub mod district_map;
pub mod document;
pub mod event;
pub mod forum;
pub mod limits;
pub mod meeting;
pub mod news;
pub mod newsletter;
pub mod permission;
pub mod poll;
pub mod programme;
pub mod recognition;
pub mod reference;
pub mod remark;
pub mod subscription;
pub mod survey;
pub mod tracked;
pub mod validation;
pub mod visibility;

pub use text_enum::TextEnum;

/// The database library as `text_enum!` reaches it from any crate that declares such an enum.
#[cfg(feature = "sqlx")]
#[doc(hidden)]
pub use sqlx as __sqlx;
pub use validation::{FieldError, Invalid};
