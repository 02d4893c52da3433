//! Rate limits: how often one client, one account or one mailbox may cause something within
//! a window. The numbers live here, named, so that every page applies the same rule and a
//! change is made in one place; the counting itself is the database's.

use chrono::Duration;

/// One rule: at most `max` counted attempts per `scope` and subject within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What is counted, e.g. `sign-in-client`; keeps the rules' counters apart.
    pub scope: &'static str,
    /// Attempts allowed within one window.
    pub max: i64,
    /// The window's length in seconds.
    pub window_secs: i64,
}

impl Limit {
    /// The window's length.
    pub fn window(&self) -> Duration {
        Duration::seconds(self.window_secs)
    }

    /// The counter's name for `subject` (an address, an account, a pair of them).
    pub fn key(&self, subject: &str) -> String {
        format!("{}:{subject}", self.scope)
    }
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;

/// Failed sign-ins from one client, whatever the accounts: past this the client is refused,
/// which stops one machine trying many accounts.
pub const SIGN_IN_PER_CLIENT: Limit = Limit { scope: "sign-in-client", max: 20, window_secs: 15 * MINUTE };

/// Failed sign-ins on one account, from anywhere. Past this the account is being guessed at:
/// the password is still checked, but only for a client's first try on it in the window (see
/// [`SIGN_IN_TRIES_WHILE_TARGETED`]), so a stranger cannot lock the owner out and many
/// machines get one guess each instead of a full allowance.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit { scope: "sign-in-account", max: 5, window_secs: 15 * MINUTE };

/// Failed sign-ins on one account from one client. Counted before the account's own limit,
/// so that parallel attempts from one client cannot pass it together.
pub const SIGN_IN_PER_ACCOUNT_FROM_CLIENT: Limit =
    Limit { scope: "sign-in-pair", max: SIGN_IN_PER_ACCOUNT.max, window_secs: SIGN_IN_PER_ACCOUNT.window_secs };

/// Tries each client gets on an account that has reached [`SIGN_IN_PER_ACCOUNT`].
pub const SIGN_IN_TRIES_WHILE_TARGETED: i64 = 1;
// Fewer than in the ordinary allowance, or a guessed-at account would gain nothing.
const _: () = assert!(SIGN_IN_TRIES_WHILE_TARGETED < SIGN_IN_PER_ACCOUNT.max);

/// Messages to one mailbox (confirmation, reset link, receipts), whoever asks for them.
pub const MESSAGES_PER_ADDRESS: Limit = Limit { scope: "mail-to", max: 5, window_secs: HOUR };

/// Requests for messages from one client (sign-up, reset, accessibility requests), whatever
/// the addresses.
pub const MESSAGES_PER_CLIENT: Limit = Limit { scope: "mail-from", max: 20, window_secs: HOUR };

/// Remark submissions from one client that is not signed in.
pub const REMARKS_PER_CLIENT: Limit = Limit { scope: "remarks-from", max: 20, window_secs: HOUR };

/// Votes from one client in one poll open to anyone (each browser votes once by cookie;
/// this bounds one machine clearing its cookies).
pub const POLL_VOTES_PER_CLIENT: Limit = Limit { scope: "poll-votes", max: 20, window_secs: HOUR };

/// Every rule, for the checks below.
pub const ALL: [Limit; 7] = [
    SIGN_IN_PER_CLIENT,
    SIGN_IN_PER_ACCOUNT,
    SIGN_IN_PER_ACCOUNT_FROM_CLIENT,
    MESSAGES_PER_ADDRESS,
    MESSAGES_PER_CLIENT,
    REMARKS_PER_CLIENT,
    POLL_VOTES_PER_CLIENT,
];

/// How long a counter is kept after its window began; older ones are pruned. Longer than
/// every window, so pruning never forgets a count that still applies.
pub const KEEP_FOR: Duration = Duration::days(1);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_have_distinct_scopes_and_windows_shorter_than_counters_are_kept() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(a.max >= 1 && a.window_secs >= 1, "{a:?}");
            assert!(a.window() < KEEP_FOR, "{} outlives its counter", a.scope);
            assert!(ALL[i + 1..].iter().all(|b| b.scope != a.scope), "{} twice", a.scope);
        }
    }

    #[test]
    fn keys_are_scoped() {
        assert_eq!(MESSAGES_PER_ADDRESS.key("a@b.pl"), "mail-to:a@b.pl");
        assert_ne!(MESSAGES_PER_CLIENT.key("1.2.3.4"), REMARKS_PER_CLIENT.key("1.2.3.4"));
    }
}
