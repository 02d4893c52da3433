//! Demo content of the City Dialogue Centre: its pages (about the Centre, how to take part, two
//! guides and the contact), an evaluation report of 2025's consultations with a PDF, and a
//! gallery of the Dialogue Forum with three drawn photos, each described. Loading it twice
//! changes nothing: once the Centre has any page, nothing is added.

use agora_db::Db;
use agora_db::audit::AuditEntry;
use agora_db::centre;
use agora_db::documents::NewFile;
use agora_domain::centre::{GalleryInput, PageInput, PageKind, PhotoInput, PublicationInput, PublicationKind};
use agora_domain::document::FileType;
use object_store::ObjectStoreExt;

struct DemoPage {
    title: &'static str,
    title_en: Option<&'static str>,
    kind: PageKind,
    position: i64,
    body: &'static str,
}

const PAGES: &[DemoPage] = &[
    DemoPage {
        title: "O Centrum Dialogu",
        title_en: Some("About the Dialogue Centre"),
        kind: PageKind::About,
        position: 10,
        body: "Miejskie Centrum Dialogu to miejsce, w którym mieszkańcy, organizacje pozarządowe, rady dzielnic i urzędnicy rozmawiają o sprawach miasta.\n\n\
Centrum:\n\n\
- prowadzi i koordynuje **konsultacje społeczne** wszystkich wydziałów i jednostek miasta,\n\
- wspiera **ciała dialogu obywatelskiego**: komisje, rady i zespoły,\n\
- uczy, jak brać udział w decyzjach: organizuje warsztaty, szkolenia i spotkania,\n\
- bada i ocenia, jak działa partycypacja w mieście, i publikuje raporty.\n\n\
Wszystkie konsultacje, ich dokumenty i raporty z odpowiedziami miasta na każdą uwagę znajdziesz w serwisie Agora.",
    },
    DemoPage {
        title: "Jak wziąć udział",
        title_en: Some("How to take part"),
        kind: PageKind::Participate,
        position: 20,
        body: "Każdy mieszkaniec może wziąć udział w konsultacjach: nie trzeba być zameldowanym ani należeć do organizacji.\n\n\
## Krok po kroku\n\n\
1. Znajdź konsultację w **katalogu konsultacji**: po dzielnicy, temacie albo wydziale.\n\
2. Przeczytaj opis i dokumenty. Sprawdź, do kiedy można zgłaszać uwagi.\n\
3. Zgłoś uwagę przez formularz w serwisie, e-mailem, pocztą albo osobiście w punkcie konsultacyjnym.\n\
4. Przyjdź na spotkanie otwarte lub warsztaty, jeśli chcesz porozmawiać z autorami projektu.\n\
5. Po zakończeniu konsultacji przeczytaj raport: miasto odpowiada w nim na każdą uwagę.\n\n\
Jeśli potrzebujesz pomocy, na przykład tłumacza języka migowego albo dokumentu w innej formie, napisz do nas.",
    },
    DemoPage {
        title: "Jak napisać projekt uchwały",
        title_en: None,
        kind: PageKind::Guide,
        position: 30,
        body: "Mieszkańcy mogą złożyć w radzie miasta **obywatelski projekt uchwały**. Projekt musi poprzeć wymagana liczba mieszkańców, a jego tekst powinien być gotowy do głosowania.\n\n\
## Z czego składa się projekt\n\n\
- **Tytuł**, który mówi, czego dotyczy uchwała, np. „w sprawie nadania nazwy skwerowi”.\n\
- **Podstawa prawna**: przepis ustawy, który pozwala radzie podjąć taką uchwałę.\n\
- **Przepisy merytoryczne** w paragrafach: krótko, jednoznacznie, jedna sprawa w jednym paragrafie.\n\
- **Przepis o wykonaniu**: kto wykonuje uchwałę (zwykle prezydent miasta).\n\
- **Przepis o wejściu w życie**.\n\
- **Uzasadnienie**: dlaczego uchwała jest potrzebna, jakie będą jej skutki i ile będzie kosztować.\n\n\
## Dobre rady\n\n\
Zanim zaczniesz zbierać podpisy, pokaż projekt prawnikowi albo skorzystaj z dyżuru eksperckiego Centrum. Sprawdź, czy podobna uchwała już nie obowiązuje. Pisz prostym językiem: uchwałę będą czytać mieszkańcy, nie tylko radni.",
    },
    DemoPage {
        title: "Jak zorganizować spotkanie konsultacyjne",
        title_en: None,
        kind: PageKind::Guide,
        position: 40,
        body: "Dobre spotkanie konsultacyjne to takie, po którym uczestnicy wiedzą, co się stanie z ich uwagami.\n\n\
## Przed spotkaniem\n\n\
- Wybierz miejsce dostępne dla osób z niepełnosprawnościami i dobrze skomunikowane.\n\
- Ogłoś termin co najmniej **7 dni wcześniej**: w serwisie, w radzie dzielnicy i w miejscach, w które ludzie zaglądają.\n\
- Przygotuj krótką prezentację projektu i mapy w dużym formacie.\n\n\
## W czasie spotkania\n\n\
- Zacznij od celu spotkania i tego, na co uczestnicy mają wpływ, a na co nie.\n\
- Daj głos wszystkim: pracuj w małych grupach, pilnuj czasu wypowiedzi.\n\
- Zapisuj każdą uwagę tak, żeby trafiła do raportu z konsultacji.\n\n\
## Po spotkaniu\n\n\
Opublikuj notatkę ze spotkania i wpisz uwagi do serwisu. W raporcie odpowiedz na każdą z nich.",
    },
    DemoPage {
        title: "Kontakt",
        title_en: Some("Contact"),
        kind: PageKind::Contact,
        position: 50,
        body: "**Miejskie Centrum Dialogu**\n\n\
ul. Przyjaciół 1, 30-000 Kraków\n\n\
- telefon: 12 000 00 00\n\
- e-mail: dialog@example.org\n\n\
Zapraszamy od poniedziałku do piątku w godzinach 9:00–17:00. Dyżury eksperckie odbywają się we wtorki od 16:00 do 18:00; prosimy o wcześniejsze zgłoszenie.",
    },
];

fn entry(action: &'static str, entity: &'static str, details: &str) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity, details: details.into() }
}

/// Stores `bytes` under `key` in the object store.
async fn put(storage: &dyn object_store::ObjectStore, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
    storage.put(&object_store::path::Path::from(key), bytes.into()).await?;
    Ok(())
}

/// Loads the Centre's demo content.
pub async fn load(db: &Db, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    if !centre::menu(db, true).await?.is_empty() {
        return Ok(());
    }
    for p in PAGES {
        let input = PageInput {
            title: p.title.into(),
            title_en: p.title_en.map(Into::into),
            kind: p.kind,
            position: p.position,
            body: p.body.into(),
            body_en: None,
            published: true,
        };
        centre::create_page(db, &input, &entry("centre.page.create", "centre_page", p.title)).await?;
    }
    publication(db, storage).await?;
    gallery(db, storage).await
}

async fn publication(db: &Db, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    let title = "Ewaluacja konsultacji społecznych w 2025 roku";
    let input = PublicationInput {
        title: title.into(),
        title_en: Some("Evaluation of the 2025 public consultations".into()),
        kind: PublicationKind::Evaluation,
        year: 2025,
        summary: "Jak przebiegły konsultacje prowadzone przez miasto w 2025 roku: ile osób wzięło w nich udział, \
                  którymi kanałami zgłaszano uwagi, ile uwag uwzględniono i co warto zmienić w kolejnych latach."
            .into(),
        summary_en: None,
    };
    let id = centre::create_publication(db, &input, &entry("centre.publication.create", "publication", title)).await?;
    let bytes = crate::demo_consultations::pdf(
        "Ewaluacja konsultacji społecznych 2025",
        "Miejskie Centrum Dialogu",
        &[
            "W 2025 roku miasto przeprowadziło 42 konsultacje społeczne; wzięło w nich udział ponad 9 000 osób.",
            "Najwięcej uwag wpłynęło przez formularz w serwisie (61%), dalej na spotkaniach (22%) i e-mailem (12%).",
            "Miasto uwzględniło w całości lub w części 38% uwag; na każdą odpowiedziało w raporcie.",
            "Rekomendacje: dłuższe terminy dla dużych projektów, więcej spotkań w dzielnicach, prostszy język dokumentów.",
        ],
        None,
    );
    let key = format!("publications/{id}/demo-ewaluacja-2025.pdf");
    let size = i64::try_from(bytes.len())?;
    put(storage, &key, bytes).await?;
    let file = NewFile {
        filename: "ewaluacja-konsultacji-2025.pdf".into(),
        content_type: FileType::Pdf.mime().into(),
        size_bytes: size,
        storage_key: key,
    };
    centre::add_publication_file(
        db,
        id,
        "Pełny raport (PDF)",
        &file,
        &entry("centre.publication.file.add", "publication", title),
    )
    .await?;
    Ok(())
}

/// A drawn photo: a sky or wall, a floor and a row of figures in one colour.
fn picture(background: [u8; 3], floor: [u8; 3], figures: [u8; 3]) -> Vec<u8> {
    crate::demo_consultations::png(160, 100, |x, y| {
        let in_figure = y > 40 && y < 85 && (x % 32) > 10 && (x % 32) < 22;
        let head = y > 28 && y <= 40 && (x % 32) > 12 && (x % 32) < 20;
        if in_figure || head {
            figures
        } else if y >= 75 {
            floor
        } else {
            background
        }
    })
}

async fn gallery(db: &Db, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    let title = "Forum Dialogu 2025";
    let input = GalleryInput {
        title: title.into(),
        title_en: Some("Dialogue Forum 2025".into()),
        description: "Coroczne spotkanie ciał dialogu obywatelskiego, rad dzielnic i urzędników w Centrum Dialogu."
            .into(),
        description_en: None,
        taken_on: chrono::NaiveDate::from_ymd_opt(2025, 11, 20).unwrap_or_default(),
    };
    let (id, _) = centre::create_gallery(db, &input, &entry("centre.gallery.create", "gallery", title)).await?;
    let photos = [
        (
            picture([250, 236, 200], [150, 110, 80], [40, 80, 140]),
            "Uczestnicy Forum Dialogu stoją w rzędzie przed ścianą w sali obrad",
            Some("Powitanie uczestników"),
        ),
        (
            picture([220, 235, 245], [90, 120, 90], [180, 60, 50]),
            "Grupa warsztatowa przy stołach pracuje nad rekomendacjami",
            Some("Warsztaty w grupach"),
        ),
        (
            picture([235, 235, 235], [60, 60, 70], [20, 120, 100]),
            "Przedstawiciele rad dzielnic prezentują wnioski z warsztatów",
            None,
        ),
    ];
    for (n, (bytes, alt, caption)) in photos.into_iter().enumerate() {
        let key = format!("galleries/{id}/demo-{n}.png");
        let size = i64::try_from(bytes.len())?;
        put(storage, &key, bytes).await?;
        let photo = centre::NewPhoto { content_type: FileType::Png.mime().into(), size_bytes: size, storage_key: key };
        let text = PhotoInput { alt: alt.into(), alt_en: None, caption: caption.map(Into::into), caption_en: None };
        centre::add_photo(db, id, &text, &photo, &entry("centre.gallery.photo.add", "gallery", alt)).await?;
    }
    Ok(())
}
