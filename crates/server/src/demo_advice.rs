//! Demo advice requests (Bank Wspierania Partycypacji): the adviser's account, the Civil
//! Society Department answering for the desk, and a request in every state: one new, one
//! overdue in the queue and the ledger, one in progress whose clock stood for two days, one
//! paused while the adviser waits for a reply, one answered and waiting for its rating (sent
//! by a demo resident, so that it shows under their account), and one rated and published as
//! a question and answer. Loading it twice changes nothing: nothing is added once any request exists.

use agora_db::advice::{self, Clock, NewMessage, NewRequest, Queue};
use agora_db::audit::AuditEntry;
use agora_db::tracked::Actor;
use agora_db::{Db, reference, roles, settings, users};
use agora_domain::account::Email;
use agora_domain::advice::{Asker, RequestInput, Topic, due_on, pause_days, resumed_due};
use agora_domain::calendar::add_working_days;
use agora_domain::permission::Grant;
use agora_domain::tracked::TrackedState;
use agora_web::i18n::{Arg, Lang};
use agora_web::password::{HashCost, hash};
use chrono::{Days, Utc};

use crate::demo::DemoAccount;

/// The adviser's account.
pub const ADVISER: DemoAccount =
    DemoAccount { email: "doradca@agora.test", password: "demo-doradca-2026", role: "adviser (advice requests)" };

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "advice_request", details }
}

/// Where a demo request stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    New,
    Overdue,
    /// Taken; the adviser asked, and the reply came two working days later.
    Resumed,
    Paused,
    Answered,
    Published,
}

struct Demo {
    stage: Stage,
    topic: Topic,
    asker: Asker,
    organisation: Option<&'static str>,
    name: Option<&'static str>,
    email: &'static str,
    /// Calendar days ago it was sent.
    sent_days_ago: u64,
    question: &'static str,
    /// The adviser's question and the reply, for those that have a conversation.
    talk: Option<(&'static str, &'static str)>,
    answer: Option<&'static str>,
    /// The published question and answer.
    public: Option<(&'static str, &'static str)>,
}

const REQUESTS: [Demo; 6] = [
    Demo {
        stage: Stage::New,
        topic: Topic::Transport,
        asker: Asker::Resident,
        organisation: None,
        name: Some("Tomasz Sąsiad"),
        email: "tomasz.sasiad@agora.test",
        sent_days_ago: 1,
        question: "Chcemy z sąsiadami zgłosić potrzebę przejścia dla pieszych przy szkole na ul. Żywieckiej. Do kogo pisać i czy potrzebne są podpisy?",
        talk: None,
        answer: None,
        public: None,
    },
    Demo {
        stage: Stage::Overdue,
        topic: Topic::Environment,
        asker: Asker::InformalGroup,
        organisation: Some("Sąsiedzi z Kurdwanowa"),
        name: None,
        email: "kurdwanow@example.org",
        sent_days_ago: 30,
        question: "Na naszym osiedlu wycięto drzewa bez informacji dla mieszkańców. Jak sprawdzić, czy było zezwolenie, i jak poprosić o nowe nasadzenia?",
        talk: None,
        answer: None,
        public: None,
    },
    Demo {
        stage: Stage::Resumed,
        topic: Topic::CityLaw,
        asker: Asker::Organisation,
        organisation: Some("Fundacja Aktywne Podgórze"),
        name: Some("Ewa Nowicka"),
        email: "fundacja.podgorze@example.org",
        sent_days_ago: 9,
        question: "Chcemy złożyć obywatelski projekt uchwały w sprawie parku kieszonkowego. Ile podpisów potrzeba i jak wygląda procedura?",
        talk: Some((
            "Czy projekt ma dotyczyć konkretnej działki? Proszę podać jej numer lub adres, sprawdzę plan miejscowy.",
            "Chodzi o działkę przy ul. Rękawka, numer 140/2.",
        )),
        answer: None,
        public: None,
    },
    Demo {
        stage: Stage::Paused,
        topic: Topic::DialogueBody,
        asker: Asker::Organisation,
        organisation: Some("Stowarzyszenie Rowerowy Kraków"),
        name: None,
        email: "rowerowy.krakow@example.org",
        sent_days_ago: 6,
        question: "Nasze stowarzyszenie chciałoby dołączyć do komisji dialogu obywatelskiego ds. transportu. Jakie dokumenty trzeba przygotować?",
        talk: Some((
            "Czy stowarzyszenie jest wpisane do KRS i działa w Krakowie co najmniej rok? Proszę przesłać numer KRS.",
            "",
        )),
        answer: None,
        public: None,
    },
    Demo {
        stage: Stage::Answered,
        topic: Topic::Ngo,
        asker: Asker::InformalGroup,
        organisation: Some("Klub Seniora z Ruczaju"),
        name: Some("Anna Mieszkańska"),
        email: "anna.mieszkanka@agora.test",
        sent_days_ago: 12,
        question: "Nasz klub seniora działa nieformalnie. Czy możemy dostać dotację z programu współpracy, czy musimy założyć stowarzyszenie?",
        talk: None,
        answer: Some(
            "Dotacje z programu współpracy otrzymują organizacje pozarządowe. Grupa nieformalna może jednak skorzystać z **inicjatywy lokalnej** albo realizować projekt pod opieką organizacji (tzw. patronat). Chętnie pomożemy wybrać drogę na dyżurze w Centrum Obywatelskim.",
        ),
        public: None,
    },
    Demo {
        stage: Stage::Published,
        topic: Topic::SpatialPlanning,
        asker: Asker::Resident,
        organisation: None,
        name: Some("Jan Kowalski"),
        email: "jan.kowalski@example.org",
        sent_days_ago: 20,
        question: "Nazywam się Jan Kowalski. Jak złożyć uwagę do projektu planu miejscowego dla Zabłocia i do kiedy można to zrobić?",
        talk: None,
        answer: Some(
            "Uwagę do projektu planu składa się na piśmie do Prezydenta Miasta w terminie podanym w ogłoszeniu o wyłożeniu projektu (co najmniej 14 dni po zakończeniu wyłożenia). Można ją wysłać pocztą, złożyć w kancelarii albo przez ePUAP.",
        ),
        public: Some((
            "Jak złożyć uwagę do projektu planu miejscowego i do kiedy można to zrobić?",
            "Uwagę do projektu planu składa się **na piśmie** do Prezydenta Miasta w terminie podanym w ogłoszeniu o wyłożeniu projektu (co najmniej 14 dni po zakończeniu wyłożenia). Można ją wysłać pocztą, złożyć w kancelarii albo przez ePUAP.",
        )),
    },
];

/// The adviser's account, with its role.
async fn adviser(db: &Db, cost: HashCost) -> anyhow::Result<(i64, String)> {
    let name = "Paweł Doradca (Bank Wspierania Partycypacji)";
    let id = match users::by_email(db, ADVISER.email).await? {
        Some(u) => u.id,
        None => {
            let h = hash(cost, ADVISER.password.into()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            users::create(db, ADVISER.email, name, &h, "pl", true).await?
        }
    };
    if !roles::of_user(db, id).await?.contains(&Grant::Adviser) {
        let e = AuditEntry {
            actor_id: None,
            actor_label: "demo".into(),
            action: "role.grant",
            entity: "user",
            details: format!("{} adviser", ADVISER.email),
        };
        roles::grant(db, id, &Grant::Adviser, &e).await?;
    }
    Ok((id, name.to_owned()))
}

/// Loads the adviser and the requests; `cost` hashes the adviser's password.
pub async fn load(db: &Db, cost: HashCost) -> anyhow::Result<()> {
    let (adviser_id, adviser_name) = adviser(db, cost).await?;
    let Some(so) = reference::units(db).await?.into_iter().find(|u| u.code == "SO").map(|u| u.id) else {
        return Ok(());
    };
    if settings::get(db, advice::DESK_SETTING).await?.is_none() {
        settings::put(db, advice::DESK_SETTING, &so.to_string(), &entry("advice.desk", so.to_string())).await?;
    }
    let today = agora_web::time::local_date(Utc::now());
    let (waiting, open, _) = advice::queue_counts(db, today).await?;
    if waiting + open + advice::queue_page(db, Queue::Answered, 1, 0).await?.total > 0 {
        return Ok(());
    }
    let me = Actor { id: Some(adviser_id), label: &adviser_name };
    let someone = Lang::Pl.t("advice-actor-requester");
    for d in &REQUESTS {
        let opened_on = today.checked_sub_days(Days::new(d.sent_days_ago)).unwrap_or(today);
        let user_id = users::by_email(db, d.email).await?.map(|u| u.id);
        let input = RequestInput {
            topic: d.topic,
            asker: d.asker,
            organisation: d.organisation.map(str::to_owned),
            name: d.name.map(str::to_owned),
            email: Email::parse(d.email).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            question: d.question.to_owned(),
        };
        let topic = Lang::Pl.t(&format!("advice-topic-{}", d.topic));
        let title = move |id: i64| {
            let number = agora_domain::advice::number(id);
            Lang::Pl.t_args("advice-ledger-title", &[("number", Arg::Str(number)), ("topic", Arg::Str(topic.clone()))])
        };
        let (key, _) = agora_db::new_token();
        let id = advice::create(
            db,
            &NewRequest {
                input: &input,
                access_key: key,
                user_id,
                lang: "pl".into(),
                unit_id: so,
                opened_on,
                due_on: due_on(opened_on),
                title: &title,
                receipt: None,
                actor_label: &someone,
            },
            &[],
            &entry("advice.create", d.topic.to_string()),
        )
        .await?;
        if matches!(d.stage, Stage::New | Stage::Overdue) {
            continue;
        }
        advice::take(db, id, me, &entry("advice.take", id.to_string())).await?;
        let adviser_says =
            |text| NewMessage { from_adviser: true, author_id: Some(adviser_id), author_name: &adviser_name, text };
        if let Some((asked, reply)) = d.talk {
            // The adviser asked on the second working day after it came.
            let paused_on = add_working_days(opened_on, 2);
            let e = entry("advice.message", id.to_string());
            advice::add_message(
                db,
                id,
                TrackedState::Acknowledged,
                &adviser_says(asked),
                Clock::Pause(paused_on),
                None,
                me,
                &e,
            )
            .await?;
            if d.stage == Stage::Resumed {
                let resumed_on = add_working_days(paused_on, 2);
                let clock = Clock::Resume {
                    due_on: resumed_due(due_on(opened_on), paused_on, resumed_on),
                    days: i32::try_from(pause_days(paused_on, resumed_on)).unwrap_or(0),
                };
                let from = NewMessage {
                    from_adviser: false,
                    author_id: user_id,
                    author_name: d.name.unwrap_or(&someone),
                    text: reply,
                };
                let requester = Actor { id: user_id, label: &someone };
                advice::add_message(db, id, TrackedState::Paused, &from, clock, None, requester, &e).await?;
            }
        }
        let Some(answer) = d.answer else { continue };
        let answered_on = add_working_days(opened_on, 6).min(today);
        advice::answer(
            db,
            id,
            TrackedState::Acknowledged,
            answer,
            answered_on,
            None,
            me,
            &entry("advice.answer", id.to_string()),
        )
        .await?;
        // The resident's answer waits for their rating; the published one was rated.
        if d.stage == Stage::Published {
            let comment = Some("Bardzo konkretna odpowiedź, dziękuję!");
            advice::rate(db, id, 5, comment, &entry("advice.rate", id.to_string())).await?;
        }
        if let Some((q, a)) = d.public {
            advice::publish(db, id, q, a, &entry("advice.publish", id.to_string())).await?;
        }
    }
    Ok(())
}
