//! The visitor's network address: the one place that decides it, for every rate limit.
//! A forwarded address is believed only when the connection comes from a proxy the operator
//! named; otherwise anyone could write any address into a header and escape every limit.

use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;

/// The header in which proxies pass on the address they were reached from.
const FORWARDED_FOR: &str = "x-forwarded-for";

/// One address or a block of them, e.g. `10.0.0.0/8` or `::1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Network {
    addr: IpAddr,
    prefix: u8,
}

impl Network {
    fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// IPv4 addresses written as IPv6 (`::ffff:10.0.0.1`, as dual-stack sockets report them)
/// taken as what they are, so that a rule for `10.0.0.0/8` covers them.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The proxies whose `X-Forwarded-For` is believed: the `AGORA_TRUSTED_PROXIES` setting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

impl FromStr for TrustedProxies {
    type Err = String;

    /// Addresses and blocks separated by commas or spaces, e.g. `10.0.0.0/8, ::1`.
    fn from_str(list: &str) -> Result<Self, String> {
        let parse = |item: &str| -> Option<Network> {
            let (addr, prefix) = match item.split_once('/') {
                Some((a, p)) => (canonical(a.parse().ok()?), Some(p.parse::<u8>().ok()?)),
                None => (canonical(item.parse().ok()?), None),
            };
            let bits = if addr.is_ipv4() { 32 } else { 128 };
            let prefix = prefix.unwrap_or(bits);
            (prefix <= bits).then_some(Network { addr, prefix })
        };
        list.split([',', ' '])
            .filter(|s| !s.is_empty())
            .map(|item| parse(item).ok_or_else(|| format!("'{item}' is not an address or a block like 10.0.0.0/8")))
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    /// Whether `ip` is one of the trusted proxies.
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }
}

/// The client's address given the connection's `peer` and the request's headers: the peer
/// itself, unless it is a trusted proxy; then the `X-Forwarded-For` list read from the right
/// (each proxy appends the address it was reached from), skipping trusted proxies, up to
/// the first address that is not one. What a client writes at the left of the list is never
/// reached while a trusted proxy stands to its right.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let mut client = canonical(peer);
    if !trusted.contains(client) {
        return client;
    }
    let hops: Vec<&str> = headers
        .get_all(FORWARDED_FOR)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.into_iter().rev() {
        // An address a trusted proxy wrote but no one can read ends the walk at that proxy.
        let Some(ip) = parse_hop(hop) else { break };
        client = ip;
        if !trusted.contains(ip) {
            break;
        }
    }
    client
}

/// One entry of `X-Forwarded-For`: an address, perhaps with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>().or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip())).ok().map(canonical)
}

/// The address the request came from, as [`client_address`] decides it. Requests that did
/// not come over a socket (the tests' in-process ones without an address) share `0.0.0.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// What rate limits count this client under. An IPv6 visitor is counted by the /64 block
    /// that one subscriber is usually given, since they can pick any address within it.
    pub fn limit_subject(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => {
                let block = u128::from(v6) & (u128::MAX << 64);
                format!("{}/64", std::net::Ipv6Addr::from(block))
            }
        }
    }
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(a)| a.ip());
        Ok(ClientAddr(client_address(peer, &parts.headers, &state.config.trusted_proxies)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append(FORWARDED_FOR, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_setting_takes_addresses_and_blocks_and_names_what_it_cannot_read() {
        let t: TrustedProxies = "10.0.0.0/8, 192.168.1.1 2001:db8::/32".parse().unwrap();
        assert!(t.contains(ip("10.200.3.4")) && t.contains(ip("::ffff:10.1.1.1")));
        assert!(t.contains(ip("192.168.1.1")) && !t.contains(ip("192.168.1.2")));
        assert!(t.contains(ip("2001:db8:ff::1")) && !t.contains(ip("2001:db9::1")));
        assert!(!t.contains(ip("11.0.0.1")));
        assert!("0.0.0.0/0".parse::<TrustedProxies>().is_ok_and(|t| t.contains(ip("8.8.8.8"))));
        assert_eq!("".parse::<TrustedProxies>(), Ok(TrustedProxies::default()));
        assert_eq!(
            "10.0.0.1, proxy.local".parse::<TrustedProxies>(),
            Err("'proxy.local' is not an address or a block like 10.0.0.0/8".to_owned())
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        let h = headers(&["203.0.113.7"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &trusted), ip("203.0.113.7"));
        assert_eq!(client_address(ip("198.51.100.1"), &h, &trusted), ip("198.51.100.1"), "not a proxy of ours");
        assert_eq!(client_address(ip("10.0.0.2"), &h, &TrustedProxies::default()), ip("10.0.0.2"), "none trusted");
        assert_eq!(client_address(ip("10.0.0.2"), &HeaderMap::new(), &trusted), ip("10.0.0.2"));
    }

    #[test]
    fn the_rightmost_untrusted_address_is_the_client() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        // The client wrote the first address itself; our proxies appended the rest.
        let h = headers(&["1.1.1.1, 203.0.113.7", "10.0.0.9"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &trusted), ip("203.0.113.7"));
        let h = headers(&["[2001:db8::5]:4431, 10.1.1.1:80"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &trusted), ip("2001:db8::5"));
        // Only proxies in the list: the first of them is as far as anyone can tell.
        let h = headers(&["10.0.0.7, 10.0.0.8"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &trusted), ip("10.0.0.7"));
        let h = headers(&["203.0.113.7, garbage"]);
        assert_eq!(client_address(ip("10.0.0.2"), &h, &trusted), ip("10.0.0.2"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_block() {
        let a = ClientAddr(ip("2001:db8:1:2:aaaa::1")).limit_subject();
        assert_eq!(a, ClientAddr(ip("2001:db8:1:2:bbbb::9")).limit_subject());
        assert_ne!(a, ClientAddr(ip("2001:db8:1:3::1")).limit_subject());
        assert_eq!(ClientAddr(ip("203.0.113.7")).limit_subject(), "203.0.113.7");
    }
}
