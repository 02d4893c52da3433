//! Agora's domain: validated types and rules with no IO.

pub mod account;
pub mod permission;
pub mod reference;
pub mod validation;

pub use validation::{FieldError, Invalid};
