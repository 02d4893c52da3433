//! Demo remarks: two finished consultations with published reports whose every remark is
//! answered, and the open ul. Podzamcze consultation with half of its remarks answered.

use agora_db::audit::AuditEntry;
use agora_db::remarks::{self, NewSubmission};
use agora_db::{Db, consultation, reports};
use agora_domain::account::Email;
use agora_domain::remark::{Channel, Decision, FormalStatus};
use agora_domain::remark::{Identity, RemarkInput, SubmitterKind};
use chrono::{DateTime, Duration, Utc};

/// A consultation to fill: its slug, sections, remark texts (proposal, reason) and answers.
struct Plan {
    slug: &'static str,
    sections: &'static [&'static str],
    proposals: &'static [(&'static str, &'static str)],
    answers: &'static [(Decision, &'static str)],
    remarks: usize,
    answered_share: f64,
    report: Option<(&'static str, &'static str)>,
}

const PLANS: [Plan; 3] = [
    Plan {
        slug: "zmiany-w-sieci-szkol-dzielnica-xii",
        sections: &[
            "§ 1. Likwidacja filii SP 124",
            "§ 2. Nowe obwody szkół",
            "§ 3. Dowozy uczniów",
            "Uzasadnienie projektu",
        ],
        proposals: &[
            (
                "Zachować filię SP 124 przy ul. Teligi do czasu budowy nowej szkoły.",
                "Dzieci z osiedla miałyby do szkoły ponad 2 km przez ruchliwe skrzyżowanie.",
            ),
            (
                "Przesunąć granicę obwodu tak, by ul. Kurczaba należała do SP 151.",
                "Szkoła jest bliżej i ma wolne sale.",
            ),
            (
                "Zapewnić bezpłatny dowóz dla klas 1–3 od pierwszego dnia zmian.",
                "Rodzice pracujący na zmiany nie zdążą odprowadzić dzieci.",
            ),
            (
                "Opublikować prognozę liczby uczniów na 5 lat dla każdego obwodu.",
                "Bez danych trudno ocenić, czy szkoły się pomieszczą.",
            ),
            (
                "Utworzyć przejście dla pieszych z sygnalizacją przy ul. Wielickiej.",
                "Nowa trasa do szkoły przecina czteropasmową jezdnię.",
            ),
            ("Zachować świetlicę do godziny 17:30.", "Dłuższe dojazdy oznaczają późniejszy odbiór dzieci."),
            ("Wprowadzić zmiany od września 2028, nie 2027.", "Rodzice potrzebują roku na przygotowanie."),
            ("Przeznaczyć budynek filii na przedszkole samorządowe.", "W dzielnicy brakuje miejsc w przedszkolach."),
        ],
        answers: &[
            (Decision::Accepted, "Uwzględniono: zmiana zostanie wprowadzona w projekcie uchwały."),
            (
                Decision::PartiallyAccepted,
                "Uwzględniono częściowo: rozwiązanie zostanie wdrożone etapami, w miarę dostępnych środków.",
            ),
            (
                Decision::Rejected,
                "Nie uwzględniono: propozycja wykracza poza możliwości budżetu oświaty na najbliższe lata.",
            ),
            (
                Decision::NotApplicable,
                "Uwaga nie dotyczy przedmiotu konsultacji; przekazano ją do Zarządu Dróg Miasta Krakowa.",
            ),
        ],
        remarks: 34,
        answered_share: 1.0,
        report: Some((
            "Konsultacje projektu uchwały w sprawie zmian w sieci szkół w Dzielnicy XII trwały 28 dni. Odbyły się dwa spotkania otwarte i dyżury ekspertów.\n\nRaport zawiera wszystkie uwagi wraz ze stanowiskiem Wydziału Edukacji.",
            "Filia SP 124 pozostanie czynna do czasu oddania nowej szkoły. Obwody zostaną zmienione zgodnie z uwzględnionymi uwagami, a dowóz uczniów klas 1–3 zostanie zapewniony od pierwszego dnia.",
        )),
    },
    Plan {
        slug: "program-ograniczania-niskiej-emisji",
        sections: &[
            "Rozdział 1. Diagnoza",
            "Rozdział 2. Dopłaty do wymiany źródeł ciepła",
            "Rozdział 3. Edukacja",
            "Rozdział 4. Monitoring jakości powietrza",
        ],
        proposals: &[
            (
                "Podnieść dopłatę do pomp ciepła dla gospodarstw o niskich dochodach do 90%.",
                "Wkład własny jest barierą dla seniorów i rodzin wielodzietnych.",
            ),
            ("Uprościć wniosek o dopłatę do jednej strony.", "Obecny formularz ma 14 stron i zniechęca."),
            (
                "Dodać czujniki jakości powietrza przy każdej szkole.",
                "Rodzice chcą wiedzieć, kiedy dzieci mogą wyjść na boisko.",
            ),
            ("Objąć programem budynki wspólnot mieszkaniowych.", "Wiele kamienic ma wspólne kotłownie."),
            ("Prowadzić kontrole spalania odpadów także w weekendy.", "Najwięcej dymu widać w sobotnie wieczory."),
            (
                "Uruchomić punkt doradczy w każdej dzielnicy raz w tygodniu.",
                "Nie wszyscy mogą przyjechać do urzędu w centrum.",
            ),
            ("Publikować mapę wymienionych pieców.", "Mieszkańcy chcą widzieć postępy programu."),
            ("Wspierać termomodernizację, nie tylko wymianę pieca.", "Bez ocieplenia rachunki za ogrzewanie rosną."),
        ],
        answers: &[
            (Decision::Accepted, "Uwzględniono: zapis zostanie dodany do programu."),
            (
                Decision::PartiallyAccepted,
                "Uwzględniono częściowo: rozwiązanie obejmie w pierwszym roku wybrane dzielnice.",
            ),
            (
                Decision::Rejected,
                "Nie uwzględniono: przepisy o dotacjach z budżetu gminy nie pozwalają na takie rozwiązanie.",
            ),
            (Decision::Withdrawn, ""),
        ],
        remarks: 31,
        answered_share: 1.0,
        report: Some((
            "Program ograniczania niskiej emisji konsultowano przez 30 dni w formie zbierania uwag, spotkań otwartych i punktów konsultacyjnych.",
            "Do programu wprowadzono wyższe dopłaty dla gospodarstw o niskich dochodach, uproszczony wniosek i punkty doradcze w dzielnicach.",
        )),
    },
    Plan {
        slug: "przebudowa-ulicy-podzamcze",
        sections: &[
            "Wariant A — jezdnia jednokierunkowa",
            "Wariant B — woonerf",
            "Zieleń i mała architektura",
            "Parkowanie",
        ],
        proposals: &[
            ("Wybrać wariant B i ograniczyć prędkość do 20 km/h.", "Ulica prowadzi do Wawelu i jest pełna pieszych."),
            (
                "Zostawić miejsca postojowe dla mieszkańców z abonamentem.",
                "Mieszkańcy kamienic nie mają innych miejsc.",
            ),
            ("Posadzić drzewa w donicach wzdłuż murów.", "Latem ulica bardzo się nagrzewa."),
            ("Dodać ławki co 50 metrów.", "Seniorzy potrzebują miejsca na odpoczynek."),
            ("Zapewnić dostęp dla dostaw do restauracji rano.", "Lokale muszą przyjmować towar."),
            (
                "Zastosować nawierzchnię bez wysokich krawężników.",
                "Wózki i osoby z niepełnosprawnością łatwiej się poruszają.",
            ),
            ("Zachować stojaki rowerowe przy zejściu na bulwary.", "Rowerzyści często tu przypinają rowery."),
            (
                "Oświetlić przejście pod Wawelem latarniami w stylu historycznym.",
                "Po zmroku jest ciemno i niebezpiecznie.",
            ),
        ],
        answers: &[
            (Decision::Accepted, "Uwzględniono w koncepcji wariantu B."),
            (
                Decision::PartiallyAccepted,
                "Uwzględniono częściowo: szczegóły zostaną dopracowane w projekcie budowlanym.",
            ),
            (
                Decision::Rejected,
                "Nie uwzględniono: rozwiązanie jest niezgodne z wytycznymi konserwatorskimi dla tego obszaru.",
            ),
        ],
        remarks: 24,
        answered_share: 0.5,
        report: None,
    },
];

const PEOPLE: [&str; 10] = [
    "Anna Kowalska",
    "Piotr Nowak",
    "Maria Wiśniewska",
    "Jan Wójcik",
    "Katarzyna Kamińska",
    "Tomasz Lewandowski",
    "Agnieszka Zielińska",
    "Michał Szymański",
    "Ewa Woźniak",
    "Paweł Dąbrowski",
];
const ORGANISATIONS: [&str; 5] = [
    "Rada Dzielnicy XII Bieżanów-Prokocim",
    "Stowarzyszenie Miasto Ludzi",
    "Fundacja Czyste Powietrze Kraków",
    "Krakowski Alarm Smogowy",
    "Towarzystwo Przyjaciół Starego Miasta",
];
const CHANNELS: [Channel; 6] =
    [Channel::Online, Channel::Email, Channel::Post, Channel::InPerson, Channel::ConsultationPoint, Channel::Meeting];

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "consultation", details }
}

/// A person's e-mail made from their name, ASCII only.
fn email_of(name: &str) -> String {
    let ascii: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            ' ' => '.',
            c => c,
        })
        .collect();
    format!("{ascii}@example.org")
}

/// Loads the remarks, once per consultation (a consultation that has remarks is skipped).
pub async fn load(db: &Db) -> anyhow::Result<()> {
    for plan in &PLANS {
        let Some(c) = consultation::by_slug(db, plan.slug).await? else { continue };
        if remarks::progress(db, c.id).await?.1 > 0 {
            continue;
        }
        let mut section_ids = Vec::new();
        for s in plan.sections {
            section_ids.push(remarks::add_section(db, c.id, s, &entry("remark.section.add", (*s).into())).await?);
        }
        let districts: Vec<i64> = agora_db::reference::districts(db).await?.iter().map(|d| d.id).collect();
        // Paper remarks are keyed in by the demo administrator.
        let clerk = agora_db::users::by_email(db, "admin@agora.test").await?.map(|u| (u.id, u.display_name));
        let span = (c.closes_at.min(Utc::now()) - c.opens_at).num_minutes().max(60);
        let mut made = 0usize;
        let mut k = 0usize;
        while made < plan.remarks {
            // Most submissions carry one remark, every fourth carries three.
            let n = if k % 4 == 3 { 3 } else { 1 }.min(plan.remarks - made);
            let channel = CHANNELS[k % CHANNELS.len()];
            let received_at: DateTime<Utc> = c.opens_at
                + Duration::minutes(
                    span * i64::try_from(k + 1).unwrap_or(1) / i64::try_from(plan.remarks + 1).unwrap_or(1),
                );
            let (kind, name, organisation) = match k % 7 {
                2 | 5 => (
                    SubmitterKind::Organisation,
                    PEOPLE[(k + 3) % PEOPLE.len()],
                    Some(ORGANISATIONS[k % ORGANISATIONS.len()]),
                ),
                6 if c.allow_anonymous => (SubmitterKind::Anonymous, "", None),
                _ => (SubmitterKind::Person, PEOPLE[k % PEOPLE.len()], None),
            };
            let anonymous = kind == SubmitterKind::Anonymous;
            let identity = Identity {
                kind,
                name: (!anonymous).then(|| name.to_owned()),
                organisation: organisation.map(str::to_owned),
                district_id: (!anonymous).then(|| districts.get(k % districts.len().max(1)).copied()).flatten(),
                address: None,
                email: if anonymous || k % 3 == 1 { None } else { Email::parse(&email_of(name)).ok() },
            };
            let inputs: Vec<RemarkInput> = (0..n)
                .map(|j| {
                    let (proposal, reason) = plan.proposals[(made + j) % plan.proposals.len()];
                    let round = (made + j) / plan.proposals.len();
                    RemarkInput {
                        section_id: section_ids.get((made + j) % section_ids.len()).copied(),
                        section_text: None,
                        proposed_change: if round == 0 {
                            proposal.to_owned()
                        } else {
                            format!("{proposal} (uwaga powtórzona w zgłoszeniu nr {})", k + 1)
                        },
                        justification: reason.to_owned(),
                    }
                })
                .collect();
            let sub = NewSubmission {
                consultation_id: c.id,
                form_key: format!("demo-{}-{k}", plan.slug),
                channel,
                received_at,
                entered_by: if channel == Channel::Online { None } else { clerk.clone() },
                user_id: None,
                identity,
                formal_status: if k % 11 == 10 { FormalStatus::Defective } else { FormalStatus::Valid },
                defect_reason: (k % 11 == 10).then(|| "Brak podpisu na formularzu papierowym".to_owned()),
                correct_by: (k % 11 == 10).then(|| received_at + Duration::days(3)),
                attachment: None,
                held: false,
                lang: "pl".into(),
            };
            remarks::submit(db, &sub, &inputs, &entry("remark.submit", format!("{} demo", plan.slug))).await?;
            made += n;
            k += 1;
        }
        let all = remarks::list(db, c.id, &Default::default(), 10_000, 0).await?.items;
        let to_answer = (all.len() as f64 * plan.answered_share).round() as usize;
        for (i, r) in all.iter().take(to_answer).enumerate() {
            let (decision, answer) = plan.answers[i % plan.answers.len()];
            let answer = remarks::Answer { decision, justification: answer, group_title: None, answered_by: "Demo" };
            remarks::answer(db, c.id, &[r.id], &answer, &entry("remark.answer", decision.to_string())).await?;
        }
        if let Some((intro, conclusions)) = plan.report {
            reports::save_draft(db, c.id, intro, conclusions, &entry("report.save", plan.slug.into())).await?;
            reports::publish(db, c.id, "Demo", &entry("report.publish", plan.slug.into())).await?;
        }
    }
    Ok(())
}
