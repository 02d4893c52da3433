//! Pieces of pages that several page modules show: built from the database and drawn by the
//! templates. They sit below `pages`, so that page modules share them without borrowing from
//! one another.

pub mod access_requests;
pub mod consultation;
pub mod content;
pub mod district_map;
pub mod forum;
pub mod meetings;
pub mod news;
pub mod poll;
pub mod recognition;
pub mod remark;
pub mod roles;
pub mod survey_form;
pub mod survey_results;
