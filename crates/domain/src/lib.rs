//! Agora's domain: validated types and rules with no IO.

#[macro_use]
mod text_enum;

pub mod access_request;
pub mod account;
pub mod consultation;
pub mod document;
pub mod permission;
pub mod poll;
pub mod programme;
pub mod reference;
pub mod remark;
pub mod survey;
pub mod validation;

pub use text_enum::TextEnum;
pub use validation::{FieldError, Invalid};
