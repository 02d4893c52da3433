//! Kept pages gzipped once, when they are kept, for the browsers that accept it (every browser
//! does): a forum thread's page goes out at about a sixth of its size, which a resident on a
//! phone feels and which makes a large page as quick to serve as a small one.
//!
//! A page with forms carries each visitor's own CSRF token, so its stream is kept in pieces
//! around the tokens. Each piece is compressed on its own, ending on a byte boundary, so that no
//! back-reference reaches into a token; the visitor's token goes between the pieces as a stored
//! block; and the stream's CRC-32, which covers the whole page, is put together for that token
//! from a few figures kept with the page instead of reading the page again.

use std::io::Write;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, header};
use flate2::Compression;
use flate2::write::DeflateEncoder;

/// The gzip member header: deflate, no name, no time, unknown system.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/// A kept page's gzip stream, missing only the visitor's tokens and the trailer that depends
/// on them.
pub(super) struct Gzipped {
    /// Compressed pieces; a visitor's token goes between each two, as a stored block whose
    /// header ends the piece before it.
    pieces: Vec<Bytes>,
    /// Length of the token the pieces leave room for.
    token_len: usize,
    /// CRC-32 of the page with zero bytes where the tokens are.
    crc_zeroed: u32,
    /// CRC-32 of a token's length of zero bytes, which turns a token's CRC into its raw one.
    crc_zero_token: u32,
    /// What the tokens add to `crc_zeroed`, as a linear map of a token's raw CRC: entry `i` is
    /// the image of bit `i`.
    shift: [u32; 32],
    /// The page's length modulo 2³², as the trailer gives it.
    len: u32,
    /// The page's headers with `Content-Encoding: gzip`.
    pub(super) headers: HeaderMap,
}

impl Gzipped {
    /// The stream of `body`, which was rendered with a token of `token_len` bytes at each of
    /// `token_offsets`; `None` when compression would not make it smaller.
    pub(super) fn new(body: &[u8], token_offsets: &[usize], token_len: usize, headers: &HeaderMap) -> Option<Gzipped> {
        let n = body.len();
        let mut pieces = Vec::with_capacity(token_offsets.len() + 1);
        let mut piece = HEADER.to_vec();
        let mut zeroed = crc32fast::Hasher::new();
        let mut shift = [0u32; 32];
        let mut start = 0;
        for &at in token_offsets {
            let end = at.checked_add(token_len).filter(|&e| e <= n && at >= start)?;
            let mut e = DeflateEncoder::new(piece, Compression::default());
            e.write_all(&body[start..at]).ok()?;
            // A sync flush ends the piece's blocks on a byte boundary; the next piece starts a
            // compressor of its own, so nothing after the token refers back across it.
            e.flush().ok()?;
            piece = std::mem::take(e.get_mut());
            drop(e);
            // A stored block that is not the last: three header bits padded to a byte, then
            // its length and the length's complement.
            let len = u16::try_from(token_len).ok()?;
            piece.push(0);
            piece.extend_from_slice(&len.to_le_bytes());
            piece.extend_from_slice(&(!len).to_le_bytes());
            pieces.push(Bytes::from(std::mem::take(&mut piece)));
            zeroed.update(&body[start..at]);
            zeroed.update(&vec![0; token_len]);
            add(&mut shift, &zeros(n - end));
            start = end;
        }
        let mut e = DeflateEncoder::new(piece, Compression::default());
        e.write_all(&body[start..]).ok()?;
        piece = e.finish().ok()?;
        zeroed.update(&body[start..]);
        let crc_zeroed = zeroed.finalize();
        let len = n as u32;
        if token_offsets.is_empty() {
            // Nothing differs between visitors: the trailer is known now.
            piece.extend_from_slice(&crc_zeroed.to_le_bytes());
            piece.extend_from_slice(&len.to_le_bytes());
        }
        pieces.push(Bytes::from(piece));
        let trailer = if token_offsets.is_empty() { 0 } else { 8 };
        let size: usize = pieces.iter().map(Bytes::len).sum::<usize>() + token_offsets.len() * token_len + trailer;
        if size >= n {
            return None;
        }
        let mut headers = headers.clone();
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        headers.remove(header::CONTENT_LENGTH);
        Some(Gzipped {
            pieces,
            token_len,
            crc_zeroed,
            crc_zero_token: crc32fast::hash(&vec![0; token_len]),
            shift,
            len,
            headers,
        })
    }

    /// Bytes kept for the stream.
    pub(super) fn size(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }

    /// The whole stream of a page without forms, the same for every visitor.
    pub(super) fn whole(&self) -> Option<&Bytes> {
        match self.pieces.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The stream with `token` in every place the page had one; `None` when `token` is not as
    /// long as the one the page was rendered with.
    pub(super) fn with_token(&self, token: &[u8]) -> Option<Vec<Bytes>> {
        if self.pieces.len() == 1 {
            return Some(vec![self.pieces[0].clone()]);
        }
        if token.len() != self.token_len {
            return None;
        }
        let raw = crc32fast::hash(token) ^ self.crc_zero_token;
        let crc = self.crc_zeroed ^ apply(&self.shift, raw);
        let token = Bytes::copy_from_slice(token);
        let mut out = Vec::with_capacity(2 * self.pieces.len());
        for (i, p) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.push(token.clone());
            }
            out.push(p.clone());
        }
        let mut trailer = [0u8; 8];
        trailer[..4].copy_from_slice(&crc.to_le_bytes());
        trailer[4..].copy_from_slice(&self.len.to_le_bytes());
        out.push(Bytes::copy_from_slice(&trailer));
        Some(out)
    }
}

// CRC-32 is linear over GF(2) once its initial value and final inversion are set aside (the
// "raw" CRC, with a register starting at zero): the CRC of the page with a token is the CRC of
// the page with zeros there, plus the token's raw CRC carried through the zero bytes that
// follow it. Carrying a register through k zero bytes is a 32×32 bit matrix, built by squaring.

/// A 32×32 matrix over GF(2), by columns: entry `i` is the image of bit `i`.
type Matrix = [u32; 32];

/// `m` applied to `v`.
fn apply(m: &Matrix, v: u32) -> u32 {
    (0..32).filter(|i| v >> i & 1 == 1).fold(0, |acc, i| acc ^ m[i])
}

/// `b` after `a`.
fn then(a: &Matrix, b: &Matrix) -> Matrix {
    std::array::from_fn(|i| apply(b, a[i]))
}

/// `m += other`.
fn add(m: &mut Matrix, other: &Matrix) {
    for (x, y) in m.iter_mut().zip(other) {
        *x ^= y;
    }
}

/// Carries a raw CRC-32 register through `k` zero bytes.
fn zeros(mut k: usize) -> Matrix {
    // One zero bit: shift right, folding in the reflected polynomial when bit 0 falls out.
    let mut step: Matrix = std::array::from_fn(|i| if i == 0 { 0xedb8_8320 } else { 1 << (i - 1) });
    for _ in 0..3 {
        step = then(&step, &step);
    }
    let mut out: Matrix = std::array::from_fn(|i| 1 << i);
    while k > 0 {
        if k & 1 == 1 {
            out = then(&out, &step);
        }
        step = then(&step, &step);
        k >>= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use proptest::prelude::*;

    use super::*;

    /// What a browser reads from the stream.
    fn gunzip(parts: &[Bytes]) -> Vec<u8> {
        let stream: Vec<u8> = parts.iter().flat_map(|p| p.iter().copied()).collect();
        let mut out = Vec::new();
        // The decoder checks the trailer's CRC and length against what it decoded.
        flate2::read::GzDecoder::new(&stream[..]).read_to_end(&mut out).expect("a valid gzip stream");
        out
    }

    fn page_with(token: &str, forms: usize) -> String {
        let mut page = String::from("<!doctype html><title>Wątek</title>");
        for i in 0..forms {
            page.push_str(&format!("<p>Wpis {i}: {}</p>", "Komunikacja nocna w Podgórzu. ".repeat(20)));
            page.push_str(&format!("<form method=post><input name=csrf value=\"{token}\"></form>"));
        }
        page.push_str("<footer>Urząd Miasta</footer>");
        page
    }

    #[test]
    fn a_page_without_forms_is_one_stream_with_its_trailer() {
        let page = page_with("", 0).repeat(10);
        let g = Gzipped::new(page.as_bytes(), &[], 64, &HeaderMap::new()).expect("compresses");
        assert!(g.size() * 4 < page.len(), "{} of {}", g.size(), page.len());
        assert_eq!(g.headers.get(header::CONTENT_ENCODING).unwrap(), "gzip");
        assert_eq!(gunzip(&g.with_token(b"").unwrap()), page.as_bytes());
    }

    #[test]
    fn each_visitor_reads_their_own_token() {
        let rendered = "a".repeat(64);
        let page = page_with(&rendered, 3);
        let offsets = super::super::serve::offsets_of(page.as_bytes(), rendered.as_bytes());
        assert_eq!(offsets.len(), 3);
        let g = Gzipped::new(page.as_bytes(), &offsets, 64, &HeaderMap::new()).expect("compresses");
        for visitor in ["b".repeat(64), "0123456789abcdef".repeat(4)] {
            assert_eq!(
                gunzip(&g.with_token(visitor.as_bytes()).unwrap()),
                page.replace(&rendered, &visitor).as_bytes()
            );
        }
        assert!(g.with_token(b"short").is_none());
    }

    #[test]
    fn a_page_that_does_not_shrink_is_sent_as_it_is() {
        let noise: Vec<u8> = (0..200u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(Gzipped::new(&noise, &[], 64, &HeaderMap::new()).is_none());
    }

    proptest! {
        #[test]
        fn any_page_and_token_places_decode_to_the_visitors_page(
            body in proptest::collection::vec(any::<u8>(), 0..3000),
            cuts in proptest::collection::vec(0usize..3000, 0..6),
            token in proptest::collection::vec(any::<u8>(), 16),
            text in any::<bool>(),
        ) {
            // Text compresses; random bytes mostly do not, which the test then skips.
            let mut body = if text { body.iter().map(|b| b"agora "[usize::from(*b) % 6]).collect() } else { body };
            let mut offsets: Vec<usize> = cuts.into_iter().filter(|&c| c + 16 <= body.len()).collect();
            offsets.sort_unstable();
            offsets.dedup_by(|b, a| *b < *a + 16);
            for &o in &offsets {
                body[o..o + 16].fill(b'x');
            }
            if let Some(g) = Gzipped::new(&body, &offsets, 16, &HeaderMap::new()) {
                let mut expected = body.clone();
                for &o in &offsets {
                    expected[o..o + 16].copy_from_slice(&token);
                }
                prop_assert_eq!(gunzip(&g.with_token(&token).unwrap()), expected);
            }
        }
    }
}
