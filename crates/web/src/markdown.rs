//! Markdown written by staff, rendered to sanitised HTML.

/// Renders Markdown to HTML with everything unsafe removed.
pub fn to_html(src: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(src, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default().link_rel(Some("noopener noreferrer")).clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn scripts_are_removed_and_formatting_kept() {
        let out = super::to_html("**ważne** <script>alert(1)</script> [x](javascript:alert(1))");
        assert!(out.contains("<strong>ważne</strong>"));
        assert!(!out.contains("<script"));
        assert!(!out.contains("javascript:"));
    }
}
