//! Demo opinions and recommendations of the demo bodies, one in every state the ledger shows:
//! sent and overdue, sent and not yet due, acknowledged, answered, and a working group's
//! recommendation carried out; the public benefit council's opinion on the open cooperation
//! programme is also a remark of that consultation. Consultations announced before the bodies
//! existed are referred to them first. Loading it twice changes nothing: a body that already
//! has an opinion is left as it is.

use agora_db::audit::AuditEntry;
use agora_db::reference;
use agora_db::tracked::{self, Actor, LedgerFilter, OnConsultation};
use agora_db::{Db, bodies, consultation, referrals};
use agora_domain::tracked::{OpinionInput, Step, TrackedKind, TrackedState};
use chrono::{Duration, Utc};

/// One demo opinion: body slug, department code, kind, title, text, days since adoption,
/// vote, consultation slug it is given on, and the steps the department took.
struct DemoOpinion {
    body: &'static str,
    unit: &'static str,
    kind: TrackedKind,
    title: &'static str,
    text: &'static str,
    days_ago: i64,
    votes: (i32, i32, i32),
    on: Option<&'static str>,
    steps: &'static [(TrackedState, &'static str)],
}

const OPINIONS: &[DemoOpinion] = &[
    DemoOpinion {
        body: "krdpp",
        unit: "SO",
        kind: TrackedKind::Opinion,
        title: "Opinia KRDPP o programie „Otwarty Kraków”",
        text: "Rada pozytywnie opiniuje projekt programu. Prosi o:\n\n1. wpisanie do programu **minimalnego terminu 21 dni** na składanie ofert w otwartych konkursach,\n2. coroczne spotkanie z organizacjami o wynikach programu.",
        days_ago: 4,
        votes: (14, 0, 2),
        on: Some("otwarty-krakow"),
        steps: &[],
    },
    DemoOpinion {
        body: "kdo-ekologia",
        unit: "KS",
        kind: TrackedKind::Opinion,
        title: "Opinia KDO ds. Ekologii o zasadach wycinki drzew przy inwestycjach",
        text: "Komisja negatywnie ocenia praktykę wycinki drzew przed uzyskaniem pozwolenia na budowę i wnosi o wprowadzenie obowiązku inwentaryzacji zieleni na etapie koncepcji.",
        days_ago: 60,
        votes: (9, 1, 0),
        on: None,
        steps: &[],
    },
    DemoOpinion {
        body: "krakowska-rada-seniorow",
        unit: "SZ",
        kind: TrackedKind::Opinion,
        title: "Opinia Rady Seniorów o dostępności punktów konsultacyjnych",
        text: "Rada prosi, by każdy punkt konsultacyjny był dostępny bez schodów i czynny także po południu.",
        days_ago: 12,
        votes: (11, 0, 1),
        on: None,
        steps: &[(TrackedState::Acknowledged, "Wydział przyjął opinię; odpowiedź po analizie lokali.")],
    },
    DemoOpinion {
        body: "mlodziezowa-rada-krakowa",
        unit: "EK",
        kind: TrackedKind::Opinion,
        title: "Opinia Młodzieżowej Rady Krakowa o budżecie obywatelskim w szkołach",
        text: "Rada proponuje, by szkoły średnie mogły zgłaszać wspólne projekty do budżetu obywatelskiego.",
        days_ago: 45,
        votes: (21, 3, 4),
        on: None,
        steps: &[(
            TrackedState::Answered,
            "Wydział uwzględnia propozycję: od przyszłej edycji szkoły średnie mogą zgłaszać wspólne projekty, jeśli podpisze je co najmniej 15 uczniów.",
        )],
    },
    DemoOpinion {
        body: "zespol-ds-komunikacji-rowerowej",
        unit: "ZTP",
        kind: TrackedKind::Recommendation,
        title: "Rekomendacja: śluzy rowerowe na skrzyżowaniach alei",
        text: "Zespół rekomenduje wyznaczenie śluz rowerowych na wszystkich skrzyżowaniach z sygnalizacją w ciągu alei Trzech Wieszczów.",
        days_ago: 120,
        votes: (7, 0, 0),
        on: None,
        steps: &[
            (TrackedState::Acknowledged, ""),
            (
                TrackedState::Answered,
                "Zarząd przyjmuje rekomendację; śluzy zostaną wyznaczone przy najbliższej zmianie organizacji ruchu.",
            ),
            (TrackedState::Implemented, "Śluzy wyznaczono na sześciu skrzyżowaniach w październiku."),
        ],
    },
    DemoOpinion {
        body: "kdo-rewitalizacja",
        unit: "PP",
        kind: TrackedKind::Recommendation,
        title: "Rekomendacja: konsultacje planów miejscowych w dzielnicach",
        text: "Komisja rekomenduje, by każdy projekt planu miejscowego był przedstawiany na spotkaniu w dzielnicy, której dotyczy, przed wyłożeniem.",
        days_ago: 20,
        votes: (10, 2, 1),
        on: None,
        steps: &[(TrackedState::Acknowledged, "")],
    },
];

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "tracked_request", details }
}

/// Refers the consultations announced before the bodies existed, then loads the opinions.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    referrals::refer_published(db, Utc::now()).await?;
    let units = reference::units(db).await?;
    let today = Utc::now().date_naive();
    for o in OPINIONS {
        let (Some(body), Some(unit)) =
            (bodies::by_slug(db, o.body).await?, units.iter().find(|u| u.code == o.unit).map(|u| u.id))
        else {
            continue;
        };
        let mine = LedgerFilter { body: Some(body.body.id), ..LedgerFilter::default() };
        if tracked::ledger(db, &mine, 1, 0).await?.total > 0 {
            continue;
        }
        let on = match o.on {
            Some(slug) => consultation::by_slug(db, slug).await?,
            None => None,
        };
        let adopted_on = today - Duration::days(o.days_ago);
        let input = OpinionInput {
            kind: o.kind,
            title: o.title.into(),
            unit_id: unit,
            text: o.text.into(),
            adopted_on,
            votes_for: o.votes.0,
            votes_against: o.votes.1,
            votes_abstaining: o.votes.2,
            consultation_id: on.as_ref().map(|c| c.id),
            meeting_id: None,
        };
        let secretary = format!("Sekretariat: {}", body.body.name_pl);
        let on = on.map(|c| OnConsultation {
            consultation_id: c.id,
            body_name: body.body.name_pl.clone(),
            entered_by: None,
            justification: Box::new(move |id| {
                format!("Opinia przyjęta uchwałą ciała dialogu. Odpowiedź miasta: /odpowiedzi-miasta/{id}")
            }),
            late: false,
            lang: "pl".into(),
        });
        let due = o.kind.default_period().due(adopted_on);
        let actor = Actor { id: None, label: &secretary };
        let id = tracked::create_opinion(
            db,
            body.body.id,
            &input,
            due,
            on.as_ref(),
            actor,
            &entry("tracked.create", format!("{}: {}", o.kind, o.title)),
        )
        .await?;
        let mut from = TrackedState::Sent;
        for (to, note) in o.steps {
            let step = Step { to: *to, note: (!note.is_empty()).then(|| (*note).to_owned()) };
            let actor = Actor { id: None, label: o.unit };
            let answered = adopted_on + Duration::days(o.days_ago / 2);
            tracked::take_step(db, id, from, &step, answered, actor, &entry("tracked.step", format!("{id} → {to}")))
                .await?;
            from = *to;
        }
    }
    Ok(())
}
