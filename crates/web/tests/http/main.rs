//! Tests through HTTP, as a browser would use the site. Each test gets a fresh database:
//! SQLite by default, PostgreSQL when AGORA_TEST_DATABASE_URL is set.

// A helper that cannot go on fails its test by panicking, as `#[test]` functions may.
#![allow(clippy::unwrap_used)]

mod harness;
mod mailbox;

mod access;
mod accounts;
mod admin;
mod advice;
mod applications;
mod bodies;
mod cache;
mod centre;
mod consultations;
mod councillors;
mod district_map;
mod events;
mod follow;
mod formal_check;
mod forum;
mod ledger;
mod limits;
mod meetings;
mod news;
mod newsletter;
mod recognition;
mod redirects;
mod referrals;
mod remarks;
mod report;
mod shell;
mod smtp;
mod surveys;
mod visibility;
