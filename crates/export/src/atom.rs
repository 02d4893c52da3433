//! Atom (RFC 4287) feeds, so residents can follow consultations in a feed reader.

use chrono::{DateTime, SecondsFormat, Utc};

/// One entry of a feed.
pub struct AtomEntry<'a> {
    /// A URI that never changes for this entry, e.g. "tag:agora,2026:consultation/12/opened".
    pub id: &'a str,
    /// Plain-text title.
    pub title: &'a str,
    /// Last significant change of the entry.
    pub updated: DateTime<Utc>,
    /// Absolute URL of the entry's HTML page.
    pub link: &'a str,
    /// Plain-text summary.
    pub summary: &'a str,
    /// Author's name; when empty the feed-level author applies.
    pub author: &'a str,
}

/// A feed: `self_url` is the feed's own absolute address, `site_url` the HTML page it mirrors.
pub fn feed(
    id: &str,
    title: &str,
    self_url: &str,
    site_url: &str,
    lang: &str,
    updated: DateTime<Utc>,
    entries: &[AtomEntry<'_>],
) -> String {
    let mut out = String::with_capacity(1024 + entries.len() * 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", escape(lang)));
    out.push_str(&format!("  <id>{}</id>\n", escape(id)));
    out.push_str(&format!("  <title>{}</title>\n", escape(title)));
    out.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    push_link(&mut out, "  ", "self", "application/atom+xml", self_url);
    push_link(&mut out, "  ", "alternate", "text/html", site_url);
    // RFC 4287 §4.1.1 wants an author on the feed unless every entry has one.
    push_author(&mut out, "  ", title);
    out.push_str("  <generator>Agora</generator>\n");
    for entry in entries {
        push_entry(&mut out, entry);
    }
    out.push_str("</feed>\n");
    out
}

fn push_entry(out: &mut String, e: &AtomEntry<'_>) {
    out.push_str("  <entry>\n");
    out.push_str(&format!("    <id>{}</id>\n", escape(e.id)));
    out.push_str(&format!("    <title type=\"text\">{}</title>\n", escape(e.title)));
    out.push_str(&format!("    <updated>{}</updated>\n", timestamp(e.updated)));
    push_link(out, "    ", "alternate", "text/html", e.link);
    out.push_str(&format!("    <summary type=\"text\">{}</summary>\n", escape(e.summary)));
    if !e.author.is_empty() {
        push_author(out, "    ", e.author);
    }
    out.push_str("  </entry>\n");
}

fn push_link(out: &mut String, indent: &str, rel: &str, media_type: &str, href: &str) {
    out.push_str(&format!("{indent}<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>\n", escape(href)));
}

fn push_author(out: &mut String, indent: &str, name: &str) {
    out.push_str(&format!("{indent}<author><name>{}</name></author>\n", escape(name)));
}

/// RFC 3339 with whole seconds and `Z`, the form feed validators expect.
fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Escapes text for both element content and double-quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not even a character reference can carry these in XML 1.0, so a single one
            // would make the whole feed unreadable.
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The `Char` production of XML 1.0 §2.2; Rust's `char` already excludes surrogates.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn entry<'a>(id: &'a str, title: &'a str, author: &'a str) -> AtomEntry<'a> {
        AtomEntry {
            id,
            title,
            updated: at(2026, 11, 22, 10, 0),
            link: "https://agora.example/k/12",
            summary: "Opis",
            author,
        }
    }

    fn sample(entries: &[AtomEntry<'_>]) -> String {
        feed(
            "tag:agora,2026:feed/krakow",
            "Konsultacje – Kraków",
            "https://agora.example/krakow/feed.atom",
            "https://agora.example/krakow",
            "pl",
            at(2026, 11, 22, 10, 0),
            entries,
        )
    }

    /// Asserts one root element, balanced tags, quoted unique attributes and valid references.
    fn assert_well_formed(xml: &str) {
        let body = xml.strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n").expect("XML declaration first");
        let mut stack: Vec<&str> = Vec::new();
        let mut roots = 0;
        let mut rest = body;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            if stack.is_empty() {
                assert!(text.trim().is_empty(), "text outside the root: {text:?}");
            }
            assert_valid_chars_and_refs(text);
            let gt = lt + rest[lt..].find('>').expect("tag is closed");
            let tag = &rest[lt + 1..gt];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched end tag");
            } else {
                let self_closing = tag.ends_with('/');
                let inner = tag.strip_suffix('/').unwrap_or(tag);
                let (name, attrs) = inner.split_once(' ').unwrap_or((inner, ""));
                assert!(is_name(name), "bad element name {name:?}");
                assert_attributes(attrs);
                if stack.is_empty() {
                    roots += 1;
                }
                if !self_closing {
                    stack.push(name);
                }
            }
            rest = &rest[gt + 1..];
        }
        assert!(rest.trim().is_empty(), "text after the root");
        assert!(stack.is_empty(), "unclosed elements: {stack:?}");
        assert_eq!(roots, 1);
    }

    fn is_name(s: &str) -> bool {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
    }

    fn assert_attributes(mut attrs: &str) {
        let mut seen = Vec::new();
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                return;
            }
            let (name, after) = attrs.split_once("=\"").expect("attribute is name=\"value\"");
            assert!(is_name(name), "bad attribute name {name:?}");
            assert!(!seen.contains(&name), "duplicate attribute {name}");
            seen.push(name);
            let (value, after) = after.split_once('"').expect("attribute value is closed");
            assert!(!value.contains('<'), "raw < in attribute");
            assert_valid_chars_and_refs(value);
            attrs = after;
        }
    }

    fn assert_valid_chars_and_refs(text: &str) {
        assert!(text.chars().all(is_xml_char), "forbidden character in {text:?}");
        // Legal in XML, but its presence would mean `escape` was bypassed.
        assert!(!text.contains('>'), "raw > left unescaped in {text:?}");
        for (i, _) in text.match_indices('&') {
            let reference = &text[i..i + text[i..].find(';').expect("reference ends with ;") + 1];
            assert!(
                matches!(reference, "&amp;" | "&lt;" | "&gt;" | "&quot;" | "&apos;"),
                "unknown reference {reference}"
            );
        }
    }

    #[test]
    fn full_output_for_one_entry() {
        let expected = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pl\">\n\
\x20 <id>tag:agora,2026:feed/krakow</id>\n\
\x20 <title>Konsultacje – Kraków</title>\n\
\x20 <updated>2026-11-22T10:00:00Z</updated>\n\
\x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"https://agora.example/krakow/feed.atom\"/>\n\
\x20 <link rel=\"alternate\" type=\"text/html\" href=\"https://agora.example/krakow\"/>\n\
\x20 <author><name>Konsultacje – Kraków</name></author>\n\
\x20 <generator>Agora</generator>\n\
\x20 <entry>\n\
\x20   <id>tag:agora,2026:consultation/12/opened</id>\n\
\x20   <title type=\"text\">Park Jordana</title>\n\
\x20   <updated>2026-11-22T10:00:00Z</updated>\n\
\x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://agora.example/k/12\"/>\n\
\x20   <summary type=\"text\">Opis</summary>\n\
\x20   <author><name>Urząd Miasta</name></author>\n\
\x20 </entry>\n\
</feed>\n";
        let xml = sample(&[entry("tag:agora,2026:consultation/12/opened", "Park Jordana", "Urząd Miasta")]);
        assert_eq!(xml, expected);
        assert_well_formed(&xml);
    }

    #[test]
    fn escapes_markup_characters_in_text_and_attributes() {
        assert_eq!(escape("Tom & Jerry <script>\"'"), "Tom &amp; Jerry &lt;script&gt;&quot;&apos;");
        let mut e = entry("tag:agora,2026:x", "Tom & Jerry <script>\"'", "Tom & Jerry <script>\"'");
        e.link = "https://agora.example/?a=1&b=\"2\"";
        let xml = sample(&[e]);
        assert!(xml.contains("<title type=\"text\">Tom &amp; Jerry &lt;script&gt;&quot;&apos;</title>"));
        assert!(xml.contains("<name>Tom &amp; Jerry &lt;script&gt;&quot;&apos;</name>"));
        assert!(xml.contains("href=\"https://agora.example/?a=1&amp;b=&quot;2&quot;\"/>"));
        assert!(!xml.contains("<script>"));
        assert_well_formed(&xml);
    }

    #[test]
    fn drops_characters_forbidden_in_xml() {
        assert_eq!(escape("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i"), "abcdefghi");
        assert_eq!(escape("tab\tnl\ncr\r\u{10000}"), "tab\tnl\ncr\r\u{10000}");
        let mut e = entry("tag:agora,2026:x", "Zły\u{7}tytuł", "");
        e.summary = "bez\u{1B}[31mkoloru";
        let xml = sample(&[e]);
        assert!(xml.contains("<title type=\"text\">Złytytuł</title>"));
        assert!(xml.contains("<summary type=\"text\">bez[31mkoloru</summary>"));
        assert_well_formed(&xml);
    }

    #[test]
    fn keeps_entry_order_and_optional_author() {
        let xml = sample(&[
            entry("tag:agora,2026:c", "Trzeci", ""),
            entry("tag:agora,2026:a", "Pierwszy", "Anna"),
            entry("tag:agora,2026:b", "Drugi", ""),
        ]);
        let positions: Vec<usize> = ["tag:agora,2026:c", "tag:agora,2026:a", "tag:agora,2026:b"]
            .iter()
            .map(|id| xml.find(&format!("<id>{id}</id>")).expect("entry present"))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        // One feed-level author plus Anna's; the other entries inherit the feed's.
        assert_eq!(xml.matches("<author>").count(), 2);
        assert!(xml.contains("    <author><name>Anna</name></author>\n"));
        assert_eq!(xml.matches("<entry>").count(), 3);
        assert_well_formed(&xml);
    }

    #[test]
    fn dates_are_rfc3339_utc_with_z() {
        assert_eq!(timestamp(at(2026, 11, 22, 10, 0)), "2026-11-22T10:00:00Z");
        let fractional = at(2026, 11, 22, 10, 0) + chrono::Duration::milliseconds(750);
        assert_eq!(timestamp(fractional), "2026-11-22T10:00:00Z");
        let mut e = entry("tag:agora,2026:x", "x", "");
        e.updated = at(2026, 3, 5, 7, 9);
        let xml = sample(&[e]);
        assert!(xml.contains("  <updated>2026-11-22T10:00:00Z</updated>\n"));
        assert!(xml.contains("    <updated>2026-03-05T07:09:00Z</updated>\n"));
    }

    #[test]
    fn empty_feed_is_well_formed() {
        let xml = sample(&[]);
        assert!(!xml.contains("<entry>"));
        assert!(xml.ends_with("</feed>\n"));
        assert_well_formed(&xml);
    }

    #[test]
    fn checker_rejects_broken_xml() {
        for bad in ["<a><b></a></b>", "<a>x & y</a>", "<a href=\"x\" href=\"y\"/>", "<a></a><b/>"] {
            let doc = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{bad}");
            assert!(std::panic::catch_unwind(|| assert_well_formed(&doc)).is_err(), "{bad}");
        }
    }
}
