//! Demo survey: the ul. Podzamcze consultation's survey with a question of every kind and
//! a couple of thousand responses from the web, paper questionnaires and a street poll;
//! and a quick poll on the home page.

use agora_db::audit::AuditEntry;
use agora_db::surveys::{self, NewResponse, SurveyFields};
use agora_db::{Db, consultation, polls};
use agora_domain::poll::PollForm;
use agora_domain::survey::{Access, Layout, SurveyChannel, SurveyStatus, Visibility};
use agora_domain::survey::{Answers, Question, QuestionForm, QuestionKind, Text, Value};
use chrono::{Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SLUG: &str = "ankieta-podzamcze";
/// Responses generated.
pub const RESPONSES: usize = 2_100;

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "survey", details }
}

fn q(kind: &str, page: u8, text: &str, en: &str, options: &str) -> QuestionForm {
    QuestionForm {
        kind: kind.into(),
        page: page.to_string(),
        text_pl: text.into(),
        text_en: en.into(),
        options: options.into(),
        required: Some("on".into()),
        ..Default::default()
    }
}

fn questions() -> Vec<QuestionForm> {
    vec![
        QuestionForm {
            required: None,
            ..q("info", 1, "Ankieta zajmie około 5 minut. Odpowiedzi są anonimowe i posłużą projektantom przebudowy ulicy.", "The survey takes about 5 minutes. Answers are anonymous and will guide the street's designers.", "")
        },
        QuestionForm { profile: Some("on".into()), ..q("single", 1, "W której dzielnicy mieszkasz?", "Which district do you live in?", "I Stare Miasto | I Old Town\nII Grzegórzki\nVIII Dębniki\nXIII Podgórze\nInna dzielnica | Another district\nNie mieszkam w Krakowie | I don't live in Kraków") },
        QuestionForm { profile: Some("on".into()), ..q("dropdown", 1, "Ile masz lat?", "How old are you?", "poniżej 18 | under 18\n18–29\n30–44\n45–59\n60–74\n75 i więcej | 75 and over") },
        QuestionForm { profile: Some("on".into()), required: None, ..q("single", 1, "Płeć", "Gender", "Kobieta | Woman\nMężczyzna | Man\nWolę nie podawać | Prefer not to say") },
        QuestionForm { max: "3".into(), ..q("multiple", 2, "Jak docierasz na ul. Podzamcze? (najwyżej 3 odpowiedzi)", "How do you get to ul. Podzamcze? (up to 3 answers)", "Pieszo | On foot\nRowerem | By bike\nTramwajem | By tram\nAutobusem | By bus\nSamochodem | By car\nHulajnogą | By scooter") },
        q("choice_other", 2, "Po co najczęściej tu przychodzisz?", "Why do you usually come here?", "Na spacer | For a walk\nDo Wawelu | To Wawel\nDo pracy | To work\nNa zakupy lub do usług | Shopping or services"),
        QuestionForm {
            max: "5".into(),
            low_pl: "bardzo źle".into(),
            low_en: "very bad".into(),
            high_pl: "bardzo dobrze".into(),
            high_en: "very good".into(),
            ..q("rating", 2, "Jak oceniasz obecny stan ulicy?", "How do you rate the street today?", "")
        },
        QuestionForm {
            rows: "Szerokość chodników | Pavement width\nZieleń | Greenery\nOświetlenie | Lighting\nBezpieczeństwo rowerzystów | Cyclists' safety".into(),
            ..q("likert", 3, "Jak oceniasz poszczególne elementy ulicy?", "How do you rate these parts of the street?", "zdecydowanie źle | very bad\nraczej źle | rather bad\ntrudno powiedzieć | hard to say\nraczej dobrze | rather good\nzdecydowanie dobrze | very good")
        },
        QuestionForm { required: None, ..q("ranking", 3, "Uszereguj zmiany od najważniejszej (1) do najmniej ważnej.", "Rank the changes from most (1) to least important.", "Więcej zieleni | More greenery\nSzersze chodniki | Wider pavements\nDroga rowerowa | A cycle lane\nŁawki | Benches\nMniej samochodów | Fewer cars") },
        QuestionForm { min: "0".into(), max: "100".into(), ..q("number", 3, "Ile razy w miesiącu bywasz na ul. Podzamcze?", "How many times a month are you on ul. Podzamcze?", "") },
        q("yes_no", 3, "Czy korzystasz z roweru miejskiego?", "Do you use the city bike?", ""),
        QuestionForm { required: None, ..q("short_text", 3, "Gdzie powinna stanąć stacja roweru miejskiego?", "Where should a city bike station stand?", "") },
        QuestionForm { required: None, ..q("date", 4, "Kiedy ostatnio byłeś(-aś) na ul. Podzamcze?", "When were you last on ul. Podzamcze?", "") },
        QuestionForm { required: None, ..q("long_text", 4, "Co jeszcze chcesz przekazać projektantom?", "Anything else for the designers?", "") },
    ]
}

const PLACES: [&str; 3] = ["ul. Podzamcze przy Wawelu", "Bulwar Czerwieński", "pl. Na Groblach"];
const INTERVIEWERS: [&str; 3] = ["Anna Kowal", "Michał Nowicki", "Zofia Lis"];
const IDEAS: [&str; 8] = [
    "Przy wejściu na Wawel od strony Bernardyńskiej.",
    "Przy przystanku Wawel.",
    "Obok Bulwaru Czerwieńskiego.",
    "Najpierw drzewa, potem ławki w cieniu.",
    "Proszę zostawić miejsce dla dorożek tylko przy placu.",
    "Więcej koszy na śmieci i poidełko z wodą.",
    "Oświetlenie schodów od strony Wisły jest za słabe.",
    "Ograniczyć wjazd autokarów, są za głośne.",
];

fn answers(rng: &mut StdRng, qs: &[Question], day: NaiveDate) -> Answers {
    let mut a = Answers::new();
    for q in qs {
        let n = q.spec.options.len();
        let pick = |rng: &mut StdRng, weights: &[u32]| {
            let total: u32 = weights.iter().sum();
            let mut x = rng.random_range(0..total.max(1));
            for (i, w) in weights.iter().enumerate() {
                if x < *w {
                    return i;
                }
                x -= w;
            }
            0
        };
        let code = |i: usize| q.spec.options[i.min(n.saturating_sub(1))].code.clone();
        let v = match q.kind {
            QuestionKind::Info => continue,
            QuestionKind::Single | QuestionKind::Dropdown => {
                if !q.required && rng.random_bool(0.1) {
                    continue;
                }
                let w: Vec<u32> = (0..n).map(|i| [30, 12, 18, 22, 10, 6, 4][i % 7]).collect();
                Value::Choice(code(pick(rng, &w)))
            }
            QuestionKind::Multiple => {
                let mut chosen: Vec<String> = Vec::new();
                for (i, w) in [0.8, 0.35, 0.45, 0.2, 0.25, 0.1].iter().enumerate().take(n) {
                    if rng.random_bool(*w) && chosen.len() < 3 {
                        chosen.push(code(i));
                    }
                }
                if chosen.is_empty() {
                    chosen.push(code(0));
                }
                Value::Choices(chosen)
            }
            QuestionKind::ChoiceOther => {
                if rng.random_bool(0.08) {
                    Value::Other {
                        code: agora_domain::survey::OTHER.into(),
                        text: Some(["Do kościoła św. Idziego", "Na koncert", "Z psem"][rng.random_range(0..3)].into()),
                    }
                } else {
                    Value::Other { code: code(pick(rng, &[40, 30, 15, 15])), text: None }
                }
            }
            QuestionKind::Rating => Value::Number((pick(rng, &[18, 30, 28, 17, 7]) + 1) as f64),
            QuestionKind::Likert => Value::Matrix(
                q.spec
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(r, row)| {
                        (
                            row.code.clone(),
                            code(pick(
                                rng,
                                &[[25, 30, 20, 15, 10], [35, 30, 15, 12, 8], [10, 20, 25, 30, 15], [30, 30, 20, 12, 8]]
                                    [r % 4],
                            )),
                        )
                    })
                    .collect(),
            ),
            QuestionKind::Ranking => {
                if rng.random_bool(0.15) {
                    continue;
                }
                let mut order: Vec<usize> = (0..n).collect();
                // Greenery and pavements lead more often than not.
                for i in (1..n).rev() {
                    let j = rng.random_range(0..=i);
                    order.swap(i, j);
                }
                if rng.random_bool(0.4) {
                    order.retain(|x| *x != 0);
                    order.insert(0, 0);
                }
                let k = rng.random_range(2..=n);
                Value::Ranking(order.into_iter().take(k).map(code).collect())
            }
            QuestionKind::Number => Value::Number(f64::from([1, 2, 4, 4, 8, 10, 20, 30][rng.random_range(0..8)])),
            QuestionKind::YesNo => Value::Choice(if rng.random_bool(0.35) { "yes" } else { "no" }.into()),
            QuestionKind::ShortText => {
                if !a.get(&q.show_if.as_ref().map_or(0, |c| c.question)).is_some_and(|v| v.holds("yes"))
                    || rng.random_bool(0.6)
                {
                    continue;
                }
                Value::Text(IDEAS[rng.random_range(0..3)].into())
            }
            QuestionKind::Date => {
                if rng.random_bool(0.3) {
                    continue;
                }
                Value::Date(day - Duration::days(rng.random_range(0..40)))
            }
            QuestionKind::LongText => {
                if rng.random_bool(0.8) {
                    continue;
                }
                Value::Text(IDEAS[rng.random_range(3..IDEAS.len())].into())
            }
        };
        a.insert(q.id, v);
    }
    a
}

/// The Centre's own survey, tied to no consultation, so `/ankiety` lists it.
const STANDALONE: &str = "jak-oceniasz-centrum-dialogu";

/// Loads the Centre's standalone survey, open for a month, unless it is there already.
async fn standalone(db: &Db) -> anyhow::Result<()> {
    if surveys::by_slug(db, STANDALONE).await?.is_some() {
        return Ok(());
    }
    let Some(unit) = agora_db::reference::units(db).await?.into_iter().find(|u| u.code == "SO") else { return Ok(()) };
    let fields = SurveyFields {
        slug: STANDALONE.into(),
        consultation_id: None,
        unit_id: unit.id,
        title: Text {
            pl: "Jak oceniasz działania Centrum Dialogu?".into(),
            en: "How do you rate the Dialogue Centre's work?".into(),
        },
        intro: Text {
            pl: "Centrum Dialogu pyta mieszkańców, czy wiedzą o konsultacjach i jak chcą się o nich dowiadywać.".into(),
            en: "The Dialogue Centre asks residents whether they hear of consultations and how they want to hear of them.".into(),
        },
        access: Access::Anyone,
        layout: Layout::OnePage,
        visibility: Visibility::WhileOpen,
        closes_at: Some(Utc::now() + Duration::days(30)),
    };
    let id = surveys::create(db, &fields, None, &entry("survey.create", STANDALONE.into())).await?;
    let forms = [
        q(
            "yes_no",
            1,
            "Czy w tym roku wziąłeś lub wzięłaś udział w konsultacjach?",
            "Did you take part in a consultation this year?",
            "",
        ),
        q(
            "multiple",
            1,
            "Skąd dowiadujesz się o konsultacjach?",
            "Where do you hear of consultations?",
            "Strona internetowa | Website\nNewsletter\nMedia społecznościowe | Social media\nRada dzielnicy | District council\nZnajomi | Friends",
        ),
    ];
    for form in forms {
        let input = form.parse(&[], None).map_err(|e| anyhow::anyhow!("demo question {}: {:?}", form.text_pl, e))?;
        surveys::add_question(db, id, &input, &entry("survey.question.add", input.text.pl.clone())).await?;
    }
    surveys::set_status(db, id, SurveyStatus::Open, &entry("survey.status", "open".into())).await?;
    Ok(())
}

/// Loads the surveys and the poll unless they are there already.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    poll(db).await?;
    standalone(db).await?;
    if surveys::by_slug(db, SLUG).await?.is_some() {
        return Ok(());
    }
    let Some(c) = consultation::by_slug(db, "przebudowa-ulicy-podzamcze").await? else { return Ok(()) };
    let fields = SurveyFields {
        slug: SLUG.into(),
        consultation_id: Some(c.id),
        unit_id: c.unit_id,
        title: Text { pl: "Jak korzystasz z ul. Podzamcze?".into(), en: "How do you use ul. Podzamcze?".into() },
        intro: Text {
            pl: "Zarząd Dróg Miasta Krakowa przygotowuje przebudowę ul. Podzamcze. Twoje odpowiedzi pomogą zdecydować, ile miejsca oddać pieszym, rowerom i zieleni.".into(),
            en: "The city's road authority is preparing the redesign of ul. Podzamcze. Your answers will help decide how much room goes to pedestrians, bikes and greenery.".into(),
        },
        access: Access::Anyone,
        layout: Layout::Pages,
        visibility: Visibility::WhileOpen,
        closes_at: Some(c.closes_at),
    };
    let id = surveys::create(db, &fields, None, &entry("survey.create", SLUG.into())).await?;
    let mut stored: Vec<Question> = Vec::new();
    for mut form in questions() {
        // The city-bike station question follows the yes/no one.
        if form.kind == "short_text"
            && let Some(yes_no) = stored.iter().find(|q| q.kind == QuestionKind::YesNo)
        {
            form.show_if = format!("{}:yes", yes_no.id);
        }
        let earlier: Vec<&Question> = stored.iter().collect();
        let input =
            form.parse(&earlier, None).map_err(|e| anyhow::anyhow!("demo question {}: {:?}", form.text_pl, e))?;
        surveys::add_question(db, id, &input, &entry("survey.question.add", input.text.pl.clone())).await?;
        stored = surveys::questions(db, id).await?;
    }
    surveys::set_status(db, id, SurveyStatus::Open, &entry("survey.status", "open".into())).await?;
    let version = surveys::by_id(db, id).await?.map_or(1, |s| s.version);
    let mut rng = StdRng::seed_from_u64(2026);
    let start = c.opens_at;
    let span = (Utc::now().min(c.closes_at) - start).num_minutes().max(60);
    let mut batch = Vec::new();
    for i in 0..RESPONSES {
        let at = start + Duration::minutes(span * i as i64 / RESPONSES as i64);
        let day = at.with_timezone(&chrono_tz::Europe::Warsaw).date_naive();
        let channel = match i % 10 {
            0 | 1 => SurveyChannel::Paper,
            2 => SurveyChannel::StreetPoll,
            _ => SurveyChannel::Online,
        };
        let a = answers(&mut rng, &stored, day);
        batch.push(NewResponse {
            survey_id: id,
            channel,
            form_key: format!("demo-{i}"),
            user_id: None,
            code: None,
            interviewer: (channel != SurveyChannel::Online).then(|| INTERVIEWERS[i % 3].into()),
            place: (channel == SurveyChannel::StreetPoll).then(|| PLACES[i % 3].into()),
            collected_at: at,
            day,
            entered_by: None,
            version,
            items: stored.iter().filter_map(|q| a.get(&q.id).map(|v| (q.id, v.items(q)))).collect(),
        });
        if batch.len() == 500 {
            surveys::submit_batch(db, &batch).await?;
            batch.clear();
        }
    }
    surveys::submit_batch(db, &batch).await?;
    Ok(())
}

async fn poll(db: &Db) -> anyhow::Result<()> {
    if !polls::list(db).await?.is_empty() {
        return Ok(());
    }
    let form = PollForm {
        question_pl: "Czy w weekendy zamykać Bulwary Wiślane dla hulajnóg elektrycznych?".into(),
        question_en: "Should the Vistula boulevards be closed to e-scooters at weekends?".into(),
        options: "Tak | Yes\nNie | No\nNie mam zdania | No opinion".into(),
        placement: "home".into(),
        vote_mode: "cookie".into(),
        ..Default::default()
    };
    let input = form.parse().map_err(|e| anyhow::anyhow!("demo poll: {e:?}"))?;
    let id = polls::create(
        db,
        &input,
        None,
        &AuditEntry {
            actor_id: None,
            actor_label: "demo".into(),
            action: "poll.create",
            entity: "poll",
            details: input.question.pl.clone(),
        },
    )
    .await?;
    for i in 0..90 {
        let option = ["1", "1", "2", "1", "3", "2"][i % 6];
        polls::vote(db, id, option, None, Some(&format!("demo-voter-{i:03}"))).await?;
    }
    Ok(())
}
