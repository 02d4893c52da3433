//! Demo councillors: Podgórze, Stare Miasto and Nowa Huta each with two terms of their council
//! (one past, one current), the chair and the board, councillors who sat in both terms, one
//! who left the current term early, portraits with their descriptions, and duty hours in the
//! coming weeks. The councillors are invented; the portraits are drawn here as plain
//! silhouettes so that the demo carries no one's likeness. Loading it twice changes nothing:
//! a district that has any councillor is left as it is.

use agora_db::audit::AuditEntry;
use agora_db::council;
use agora_db::news::{Image, ImageChange};
use agora_db::{Db, reference};
use agora_domain::body::TermInput;
use agora_domain::council::{CouncilRole, CouncillorInput, DutyInput, SeatInput};
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Warsaw;

/// A councillor and their memberships: (term, role, first day, last day).
struct Person {
    name: &'static str,
    constituency: &'static str,
    committees: &'static str,
    contact: &'static str,
    /// The portrait's background, when they have one.
    portrait: Option<[u8; 3]>,
    seats: &'static [(Term, CouncilRole, &'static str, Option<&'static str>)],
}

#[derive(Clone, Copy, PartialEq)]
enum Term {
    Past,
    Current,
}

const PAST: (&str, &str, &str) = ("2019–2024", "2019-05-20", "2024-05-31");
const CURRENT: (&str, &str, &str) = ("2024–2029", "2024-06-01", "2029-05-31");

use CouncilRole::{BoardChair, BoardMember, CouncilChair, Councillor};
use Term::{Current, Past};

const PODGORZE: &[Person] = &[
    Person {
        name: "Agnieszka Wróblewska",
        constituency: "Okręg nr 2: Stare Podgórze",
        committees: "Komisja Budżetowa\nKomisja Zieleni i Ochrony Środowiska",
        contact: "a.wroblewska@dzielnica13.example.org",
        portrait: Some([46, 125, 90]),
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Current, Councillor, "2024-06-01", None),
            (Current, BoardChair, "2024-06-20", None),
        ],
    },
    Person {
        name: "Tomasz Krzyżanowski",
        constituency: "Okręg nr 5: Zabłocie",
        committees: "Komisja Infrastruktury",
        contact: "tel. 12 000 13 05",
        portrait: Some([37, 84, 150]),
        seats: &[(Current, Councillor, "2024-06-01", None), (Current, CouncilChair, "2024-06-10", None)],
    },
    Person {
        name: "Marta Zielińska",
        constituency: "Okręg nr 1: Podgórze Stare Miasto",
        committees: "Komisja Kultury i Edukacji",
        contact: "",
        portrait: None,
        seats: &[(Current, Councillor, "2024-06-01", None), (Current, BoardMember, "2024-06-20", None)],
    },
    Person {
        name: "Paweł Sikora",
        constituency: "Okręg nr 4: Rękawka",
        committees: "Komisja Infrastruktury\nKomisja Bezpieczeństwa",
        contact: "",
        portrait: None,
        seats: &[(Current, Councillor, "2024-06-01", None)],
    },
    Person {
        name: "Katarzyna Lis",
        constituency: "Okręg nr 3: Kopiec Krakusa",
        committees: "Komisja Zieleni i Ochrony Środowiska",
        contact: "",
        portrait: None,
        seats: &[(Current, Councillor, "2024-06-01", Some("2025-09-30"))],
    },
    Person {
        name: "Józef Mazur",
        constituency: "Okręg nr 5: Zabłocie",
        committees: "Komisja Budżetowa",
        contact: "",
        portrait: None,
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Past, CouncilChair, "2019-06-03", Some("2024-05-31")),
        ],
    },
    Person {
        name: "Helena Dudek",
        constituency: "Okręg nr 1: Podgórze Stare Miasto",
        committees: "",
        contact: "",
        portrait: None,
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Past, BoardChair, "2019-06-17", Some("2024-05-31")),
        ],
    },
];

const STARE_MIASTO: &[Person] = &[
    Person {
        name: "Barbara Kowalczyk",
        constituency: "Okręg nr 1: Kazimierz",
        committees: "Komisja Rewitalizacji",
        contact: "b.kowalczyk@dzielnica1.example.org",
        portrait: Some([150, 72, 40]),
        seats: &[(Current, Councillor, "2024-06-01", None), (Current, CouncilChair, "2024-06-12", None)],
    },
    Person {
        name: "Michał Baran",
        constituency: "Okręg nr 2: Wesoła",
        committees: "Komisja Budżetowa",
        contact: "",
        portrait: None,
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Current, Councillor, "2024-06-01", None),
            (Current, BoardChair, "2024-06-24", None),
        ],
    },
    Person {
        name: "Irena Pawlak",
        constituency: "Okręg nr 3: Nowy Świat",
        committees: "",
        contact: "",
        portrait: None,
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Past, CouncilChair, "2019-06-04", Some("2024-05-31")),
        ],
    },
];

const NOWA_HUTA: &[Person] = &[
    Person {
        name: "Grzegorz Wójcik",
        constituency: "Okręg nr 4: Osiedle Centrum",
        committees: "Komisja Zieleni\nKomisja Sportu",
        contact: "tel. 12 000 18 04",
        portrait: Some([90, 60, 130]),
        seats: &[(Current, Councillor, "2024-06-01", None), (Current, BoardChair, "2024-06-19", None)],
    },
    Person {
        name: "Danuta Kaczmarek",
        constituency: "Okręg nr 2: Mistrzejowice",
        committees: "Komisja Budżetowa",
        contact: "",
        portrait: None,
        seats: &[
            (Past, Councillor, "2019-05-20", Some("2024-05-31")),
            (Past, CouncilChair, "2019-06-05", Some("2024-05-31")),
            (Current, Councillor, "2024-06-01", None),
            (Current, CouncilChair, "2024-06-11", None),
        ],
    },
    Person {
        name: "Robert Szymański",
        constituency: "Okręg nr 1: Bieńczyce",
        committees: "",
        contact: "",
        portrait: None,
        seats: &[(Past, Councillor, "2019-05-20", Some("2024-05-31"))],
    },
];

/// Duty hours in the coming weeks: (district number, weeks ahead, weekday, hour, councillor, place).
type DemoDuty = (i32, i64, Weekday, u32, Option<&'static str>, &'static str);

const DUTIES: &[DemoDuty] = &[
    (13, 0, Weekday::Tue, 17, Some("Agnieszka Wróblewska"), "Rynek Podgórski 1, sala 4"),
    (13, 1, Weekday::Tue, 17, Some("Tomasz Krzyżanowski"), "Rynek Podgórski 1, sala 4"),
    (13, 1, Weekday::Thu, 10, None, "Rynek Podgórski 1, biuro rady"),
    (13, 2, Weekday::Tue, 17, Some("Marta Zielińska"), "Klub Seniora, ul. Limanowskiego 7"),
    (1, 1, Weekday::Wed, 16, Some("Barbara Kowalczyk"), "ul. Józefa 18, sala konferencyjna"),
    (18, 1, Weekday::Mon, 16, Some("Grzegorz Wójcik"), "os. Zgody 2, siedziba rady"),
];

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "councillor", details }
}

fn day(raw: &str) -> anyhow::Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(raw, "%Y-%m-%d")?)
}

/// Loads the demo councillors where a district has none.
pub async fn load(db: &Db, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    let districts = reference::districts(db).await?;
    for (number, people) in [(13, PODGORZE), (1, STARE_MIASTO), (18, NOWA_HUTA)] {
        let Some(d) = districts.iter().find(|d| d.number == number) else { continue };
        if !council::people(db, d.id).await?.councillors.is_empty() {
            continue;
        }
        let mut terms = Vec::new();
        for (name, from, to) in [PAST, CURRENT] {
            let t = TermInput { name: name.into(), starts_on: day(from)?, ends_on: day(to)? };
            terms.push(council::add_term(db, d.id, &t, &entry("council.term", name.into())).await?);
        }
        let mut ids = Vec::new();
        for p in people {
            let photo = match p.portrait {
                Some(bg) => {
                    let key = format!("councillors/demo-{}-{}.png", number, ids.len());
                    let bytes = portrait(96, 120, bg);
                    object_store::ObjectStoreExt::put(
                        storage,
                        &object_store::path::Path::from(key.as_str()),
                        bytes.into(),
                    )
                    .await?;
                    ImageChange::Set(Image { key, content_type: "image/png".into() })
                }
                None => ImageChange::Keep,
            };
            let input = CouncillorInput {
                name: p.name.into(),
                constituency: p.constituency.into(),
                committees: p.committees.into(),
                contact: p.contact.into(),
                photo_alt: p.portrait.map(|_| format!("Sylwetka zamiast zdjęcia: {}", p.name)),
            };
            let saved =
                council::save_councillor(db, d.id, None, &input, &photo, &entry("councillor.create", p.name.into()))
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("{} not saved", p.name))?;
            for (term, role, from, to) in p.seats {
                let seat = SeatInput {
                    term_id: if *term == Past { terms[0] } else { terms[1] },
                    role: *role,
                    starts_on: day(from)?,
                    ends_on: to.map(day).transpose()?,
                };
                council::add_seat(db, saved.0, &seat, &entry("councillor.seat", p.name.into())).await?;
            }
            ids.push((p.name, saved.0));
        }
        let today = Utc::now().with_timezone(&Warsaw).date_naive();
        for (n, weeks, weekday, hour, who, place) in DUTIES.iter().filter(|x| x.0 == number) {
            let ahead = (7 + weekday.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64) % 7;
            let date = today + Duration::days(ahead.max(1) + 7 * weeks);
            let Some(starts) = Warsaw.with_ymd_and_hms(date.year(), date.month(), date.day(), *hour, 0, 0).single()
            else {
                continue;
            };
            let starts_at = starts.with_timezone(&Utc);
            let duty = DutyInput {
                starts_at,
                ends_at: starts_at + Duration::hours(1),
                place: (*place).into(),
                councillor_id: who.and_then(|w| ids.iter().find(|(name, _)| *name == w).map(|(_, id)| *id)),
            };
            council::add_duty(db, d.id, &duty, &entry("council.duty", format!("{n}: {place}"))).await?;
        }
    }
    Ok(())
}

/// A plain portrait silhouette (a head over shoulders) in white on `bg`, as a PNG of
/// `w` × `h` pixels.
fn portrait(w: u32, h: u32, bg: [u8; 3]) -> Vec<u8> {
    let (cx, head_y, head_r) = (w as f32 / 2.0, h as f32 * 0.38, w as f32 * 0.2);
    let (shoulder_y, shoulder_rx, shoulder_ry) = (h as f32 * 1.02, w as f32 * 0.42, h as f32 * 0.36);
    crate::demo_consultations::png(w, h, |x, y| {
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        let head = (fx - cx).powi(2) + (fy - head_y).powi(2) <= head_r.powi(2);
        let body = ((fx - cx) / shoulder_rx).powi(2) + ((fy - shoulder_y) / shoulder_ry).powi(2) <= 1.0;
        if head || body { [245, 245, 245] } else { bg }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portrait_is_a_png_with_the_silhouette_on_its_background() {
        let png = portrait(96, 120, [46, 125, 90]);
        assert_eq!(agora_domain::document::sniff(&png).map(|t| t.mime()), Some("image/png"));
        assert_eq!(&png[16..24], [0, 0, 0, 96, 0, 0, 0, 120], "width and height in the header");
    }
}
