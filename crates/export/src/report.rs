//! The consultation report as data, ready to be written as PDF, DOCX or XLSX. The web
//! layer fills it, translating every label, so writers hold no language of their own.

/// Every label a report shows, already translated.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// "Raport z konsultacji".
    pub report: String,
    /// "wersja 2" (or empty for a draft).
    pub version: String,
    /// A note on the version: public (pseudonymised) or full for staff.
    pub edition_note: String,
    /// "Przedmiot konsultacji".
    pub subject: String,
    /// "Organizator".
    pub organiser: String,
    /// "Termin".
    pub dates: String,
    /// "Podstawa prawna".
    pub legal_basis: String,
    /// "Formy konsultacji".
    pub methods: String,
    /// "Wprowadzenie".
    pub introduction: String,
    /// "Formy konsultacji i spotkania".
    pub events: String,
    /// "Liczba uczestników".
    pub attendance: String,
    /// "Uwagi w liczbach".
    pub counts: String,
    /// "Zestawienie uwag ze stanowiskiem miasta".
    pub remarks: String,
    /// Column: number.
    pub col_number: String,
    /// Column: section.
    pub col_section: String,
    /// Column: proposed change.
    pub col_proposed: String,
    /// Column: justification.
    pub col_justification: String,
    /// Column: who.
    pub col_who: String,
    /// Column: channel.
    pub col_channel: String,
    /// Column: decision.
    pub col_decision: String,
    /// Column: the decision's justification.
    pub col_answer: String,
    /// "Dokumenty".
    pub documents: String,
    /// "Wnioski".
    pub conclusions: String,
    /// Heading of the survey summary section.
    pub survey: String,
}

/// An event held, with attendance.
#[derive(Debug, Clone)]
pub struct EventLine {
    /// Method label.
    pub kind: String,
    pub title: String,
    /// When, formatted.
    pub when: String,
    /// People who came.
    pub attendance: Option<i32>,
}

/// A small table of counts.
#[derive(Debug, Clone)]
pub struct CountTable {
    pub caption: String,
    /// (label, count) rows.
    pub rows: Vec<(String, i64)>,
}

/// One remark with the city's answer, as the edition may show it.
#[derive(Debug, Clone)]
pub struct RemarkLine {
    /// Number within the consultation.
    pub number: i32,
    /// The part of the document.
    pub section: String,
    /// The proposed change (or the moderator's reason, for a hidden remark).
    pub proposed_change: String,
    /// Its justification.
    pub justification: String,
    /// Who: an organisation, "Osoba prywatna nr 12", or (full edition) the person.
    pub who: String,
    /// Channel label.
    pub channel: String,
    /// Decision label.
    pub decision: String,
    /// The decision's justification.
    pub answer: String,
}

/// Everything in a report.
#[derive(Debug, Clone, Default)]
pub struct ReportDoc {
    /// Language code for the document's metadata ("pl", "en").
    pub lang: String,
    pub labels: Labels,
    /// The consultation's title.
    pub title: String,
    pub subject: String,
    /// Organiser(s).
    pub organiser: String,
    /// "1 lutego 2027, 10:00 – 28 lutego 2027, 18:00".
    pub dates: String,
    /// Legal basis with the enabling act.
    pub legal_basis: String,
    /// Method labels.
    pub methods: Vec<String>,
    /// Events held.
    pub events: Vec<EventLine>,
    /// Introduction, plain text paragraphs separated by blank lines.
    pub introduction: String,
    /// Count tables.
    pub counts: Vec<CountTable>,
    /// Every remark, by number.
    pub remarks: Vec<RemarkLine>,
    /// Survey summary lines, when the consultation had a survey.
    pub survey: Vec<String>,
    /// Document titles.
    pub documents: Vec<String>,
    /// Conclusions, plain text paragraphs separated by blank lines.
    pub conclusions: String,
}

/// A small report for tests of the writers: Polish letters, an organisation, pseudonyms.
pub fn sample(remarks: usize) -> ReportDoc {
    ReportDoc {
        lang: "pl".into(),
        labels: Labels {
            report: "Raport z konsultacji".into(),
            version: "wersja 1".into(),
            edition_note: "Wersja publiczna: osoby prywatne oznaczono numerami.".into(),
            subject: "Przedmiot konsultacji".into(),
            organiser: "Organizator".into(),
            dates: "Termin".into(),
            legal_basis: "Podstawa prawna".into(),
            methods: "Formy konsultacji".into(),
            introduction: "Wprowadzenie".into(),
            events: "Spotkania".into(),
            attendance: "Liczba uczestników".into(),
            counts: "Uwagi w liczbach".into(),
            remarks: "Zestawienie uwag".into(),
            col_number: "Nr".into(),
            col_section: "Część dokumentu".into(),
            col_proposed: "Proponowana zmiana".into(),
            col_justification: "Uzasadnienie".into(),
            col_who: "Zgłaszający".into(),
            col_channel: "Kanał".into(),
            col_decision: "Stanowisko".into(),
            col_answer: "Uzasadnienie stanowiska".into(),
            documents: "Dokumenty".into(),
            conclusions: "Wnioski".into(),
            survey: "Wyniki ankiety".into(),
        },
        title: "Przebudowa ulicy Podzamcze — zażółć gęślą jaźń".into(),
        subject: "Koncepcja przebudowy".into(),
        organiser: "Zarząd Dróg Miasta Krakowa".into(),
        dates: "1 lutego 2027, 10:00 – 28 lutego 2027, 18:00".into(),
        legal_basis: "Konsultacje z inicjatywy miasta".into(),
        methods: vec!["Zbieranie uwag".into(), "Warsztaty".into(), "Ankieta".into()],
        events: vec![EventLine {
            kind: "Warsztaty".into(),
            title: "Warsztat projektowy".into(),
            when: "10 lutego 2027, 17:00".into(),
            attendance: Some(42),
        }],
        introduction: "Konsultacje trwały 28 dni.\n\nZebraliśmy uwagi mieszkańców.".into(),
        counts: vec![CountTable {
            caption: "Według stanowiska".into(),
            rows: vec![("Uwzględniona".into(), 1), ("Nieuwzględniona".into(), 1)],
        }],
        remarks: (1..=remarks)
            .map(|i| RemarkLine {
                number: i32::try_from(i).unwrap_or(i32::MAX),
                section: format!("§ {i}"),
                proposed_change: format!("Uwaga {i}: dodać ścieżkę rowerową i ławki przy źródle"),
                justification: "Bezpieczeństwo pieszych & rowerzystów <ważne>".into(),
                who: if i % 2 == 0 { "Stowarzyszenie Miasto Ludzi".into() } else { format!("Osoba prywatna nr {i}") },
                channel: "Formularz online".into(),
                decision: if i % 3 == 0 { "Nieuwzględniona".into() } else { "Uwzględniona".into() },
                answer: "Uwzględniono w projekcie wykonawczym.".into(),
            })
            .collect(),
        survey: vec![],
        documents: vec!["Koncepcja przebudowy (PDF)".into()],
        conclusions: "Miasto przebuduje ulicę w 2028 roku.".into(),
    }
}
