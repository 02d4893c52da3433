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

    /// Warnings the HTML parser logs while a test renders.
    struct Warnings(std::sync::Mutex<Vec<String>>);

    impl log::Log for Warnings {
        fn enabled(&self, m: &log::Metadata<'_>) -> bool {
            m.level() <= log::Level::Warn
        }
        fn log(&self, r: &log::Record<'_>) {
            if self.enabled(r.metadata())
                && let Ok(mut list) = self.0.lock()
            {
                list.push(format!("{}: {}", r.target(), r.args()));
            }
        }
        fn flush(&self) {}
    }

    #[test]
    fn a_table_renders_without_a_warning() {
        static WARNINGS: Warnings = Warnings(std::sync::Mutex::new(Vec::new()));
        log::set_logger(&WARNINGS).unwrap();
        log::set_max_level(log::LevelFilter::Warn);
        // Aligned, empty, ragged, text around, inline HTML, in a quote and in a list.
        let tables = [
            "| Dzielnica | Uwagi |\n|:--|--:|\n| I | 12 |\n| XIII | 7 |\n",
            "| a | b |\n|---|---|\n",
            "| a | b |\n|---|---|\n| 1 |\n",
            "Tekst\n| a | b |\n|---|---|\n| 1 | 2 |\nkoniec",
            "| a<br>b | c |\n|---|---|\n| <b>x</b> | y |\n",
            "> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
            "- | a | b |\n  |---|---|\n  | 1 | 2 |\n",
        ];
        for src in tables {
            let out = super::to_html(src);
            assert!(out.contains("<table>") && out.contains("</td>") || out.contains("<tbody>"), "{out}");
            let logged = WARNINGS.0.lock().unwrap().clone();
            assert!(logged.is_empty(), "{logged:?} for {src:?} rendered as {out}");
        }
    }
}
