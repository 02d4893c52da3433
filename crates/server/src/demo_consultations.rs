//! Demo consultations modelled on Kraków's, each walked through its real lifecycle so that
//! transitions, programme, documents and feeds look lived-in. Loading twice changes nothing.

use agora_db::Db;
use agora_db::audit::AuditEntry;
use agora_db::consultation::{self, Links};
use agora_db::documents::{self, NewFile};
use agora_db::programme::{self, NewEvent};
use agora_db::reference::{self, NamedKind};
use agora_domain::consultation::{ConsultationInput, LegalBasis, MethodKind, Status};
use agora_domain::document::{DocumentKind, FileType};
use chrono::{DateTime, Days, NaiveDate, Utc};

/// One consultation of the demo; day numbers count from today (negative: in the past).
struct Spec {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    description: &'static str,
    subject: &'static str,
    unit: &'static str,
    co_units: &'static [&'static str],
    /// District numbers; empty means the whole city.
    districts: &'static [i32],
    categories: &'static [&'static str],
    /// Present for statutory consultations only.
    enabling_act: Option<&'static str>,
    languages: &'static str,
    contact: (&'static str, &'static str, &'static str),
    easy_read: Option<&'static str>,
    sign_language: Option<&'static str>,
    status: Status,
    announce: i64,
    opens: i64,
    closes: i64,
    report: i64,
    /// Steps beyond announcement, participation and report, which every schedule has.
    steps: &'static [Step],
    methods: &'static [Method],
    events: &'static [Ev],
    docs: &'static [Doc],
}

struct Step {
    title: &'static str,
    from: i64,
    to: Option<i64>,
    text: &'static str,
}

struct Method {
    kind: MethodKind,
    text: &'static str,
    channel: Option<&'static str>,
}

struct Ev {
    kind: MethodKind,
    title: &'static str,
    day: i64,
    from: &'static str,
    to_day: i64,
    to: &'static str,
    address: Option<&'static str>,
    room: Option<&'static str>,
    access: Option<&'static str>,
    online: Option<&'static str>,
    phone: Option<&'static str>,
    hours: Option<&'static str>,
    text: &'static str,
    /// Recorded only once the event is over.
    attendance: Option<i32>,
}

struct Doc {
    kind: DocumentKind,
    title: &'static str,
    body: Body,
    /// A note for a second, corrected version.
    revision: Option<&'static str>,
}

#[derive(Clone, Copy)]
enum Body {
    Pdf(&'static [&'static str]),
    Png(Picture),
}

/// Which schematic drawing a PNG shows.
#[derive(Clone, Copy, Debug)]
enum Picture {
    Street,
    Route,
    Zoning,
    Trees,
}

const EV: Ev = Ev {
    kind: MethodKind::OpenMeeting,
    title: "",
    day: 0,
    from: "17:00",
    to_day: 0,
    to: "19:00",
    address: None,
    room: None,
    access: None,
    online: None,
    phone: None,
    hours: None,
    text: "",
    attendance: None,
};

const BASE: Spec = Spec {
    slug: "",
    title: "",
    summary: "",
    description: "",
    subject: "",
    unit: "SO",
    co_units: &[],
    districts: &[],
    categories: &[],
    enabling_act: None,
    languages: "pl",
    contact: ("", "", ""),
    easy_read: None,
    sign_language: None,
    status: Status::Draft,
    announce: 0,
    opens: 0,
    closes: 0,
    report: 0,
    steps: &[],
    methods: &[],
    events: &[],
    docs: &[],
};

const STEP_FREE: &str = "Sala na parterze, bez progów, pętla indukcyjna";
const STEP_FREE_PJM: &str =
    "Sala na parterze, bez progów, pętla indukcyjna; tłumacz PJM na zgłoszenie do 3 dni przed spotkaniem";
const LIFT: &str = "Wejście z poziomu chodnika, winda na piętro, pętla indukcyjna";
const OUTDOOR: &str = "Trasa po utwardzonych chodnikach, bez schodów, z przystankami na odpoczynek";
const MAGISTRAT: &str = "pl. Wszystkich Świętych 3-4, 31-004 Kraków";
const POWSTANIA: &str = "al. Powstania Warszawskiego 10, 31-549 Kraków";
const BRACKA: &str = "ul. Bracka 10, 31-005 Kraków";
const NCK: &str = "Nowohuckie Centrum Kultury, al. Jana Pawła II 232, 31-913 Kraków";
const PODGORZE_CK: &str = "Centrum Kultury Podgórza, ul. Sokolska 13, 30-510 Kraków";
const ZGODY: &str = "os. Zgody 2, 31-949 Kraków";

const SPECS: [Spec; 14] = [
    Spec {
        slug: "program-wspolpracy-z-organizacjami-pozarzadowymi-2027",
        title: "Program współpracy Miasta Krakowa z organizacjami pozarządowymi na 2027 rok",
        summary: "Projekt rocznego programu współpracy z organizacjami pozarządowymi: priorytety, formy współpracy i zasady zlecania zadań publicznych.",
        description: "Program współpracy określa, jak Miasto Kraków współpracuje z organizacjami pozarządowymi i innymi podmiotami pożytku publicznego przez cały rok.\n\n\
Projekt obejmuje:\n\n\
- priorytetowe zadania publiczne,\n\
- formy współpracy finansowej i pozafinansowej,\n\
- zasady ogłaszania otwartych konkursów ofert,\n\
- sposób oceny realizacji programu.\n\n\
Projekt jest w przygotowaniu. Zanim ogłosimy konsultacje, zaopiniuje go Krakowska Rada Działalności Pożytku Publicznego.",
        subject: "Projekt uchwały Rady Miasta Krakowa w sprawie programu współpracy z organizacjami pozarządowymi na 2027 rok",
        enabling_act: Some(
            "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, art. 5a ust. 1",
        ),
        categories: &["Organizacje pozarządowe"],
        contact: ("Joanna Mazur", "ngo@example.org", "12 616 78 20"),
        announce: 10,
        opens: 20,
        closes: 45,
        report: 70,
        steps: &[Step {
            title: "Opinia Krakowskiej Rady Działalności Pożytku Publicznego",
            from: 5,
            to: None,
            text: "Rada opiniuje projekt przed jego publikacją.",
        }],
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi na formularzu, wysłane e-mailem lub złożone w kancelarii.",
                channel: Some("ngo@example.org"),
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie z organizacjami pozarządowymi o priorytetach programu.",
                channel: Some(BRACKA),
            },
            Method {
                kind: MethodKind::OnlineDiscussion,
                text: "Dyskusja na platformie, moderowana przez Miejskie Centrum Dialogu.",
                channel: None,
            },
        ],
        events: &[Ev {
            title: "Spotkanie z organizacjami pozarządowymi",
            day: 30,
            address: Some(BRACKA),
            room: Some("Sala konferencyjna, parter"),
            access: Some(STEP_FREE),
            text: "Omówimy priorytety programu i zasady konkursów ofert.",
            ..EV
        }],
        ..BASE
    },
    Spec {
        slug: "zmiany-w-siatce-polaczen-tramwajowych-i-autobusowych",
        title: "Zmiany w siatce połączeń tramwajowych i autobusowych",
        summary: "Propozycja nowych tras i częstotliwości linii po otwarciu nowych odcinków torowisk. Sprawdź, jak zmieni się Twój dojazd.",
        description: "Zarząd Transportu Publicznego proponuje zmiany w siatce połączeń komunikacji miejskiej. Chcemy lepiej wykorzystać nowe torowiska i skrócić czas dojazdu do największych osiedli.\n\n\
Najważniejsze propozycje:\n\n\
- częstsze kursy tramwajów w szczycie popołudniowym na głównych ciągach,\n\
- nowa linia tramwajowa łącząca północ miasta z rondem Mogilskim,\n\
- zmiana tras wybranych linii autobusowych, które dziś dublują tramwaj,\n\
- nowe połączenia nocne w weekendy.\n\n\
Po konsultacjach przygotujemy ostateczny układ linii i rozkłady jazdy. Zmiany wejdą w życie najwcześniej z nowym rokiem szkolnym.",
        subject: "Projekt zmian w układzie linii komunikacji miejskiej",
        unit: "ZTP",
        categories: &["Transport i komunikacja"],
        languages: "pl,en",
        contact: ("Tomasz Wójcik", "siatka.ztp@example.org", "12 616 71 40"),
        status: Status::Announced,
        announce: -4,
        opens: 3,
        closes: 28,
        report: 55,
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi przez formularz na platformie lub e-mailem.",
                channel: Some("siatka.ztp@example.org"),
            },
            Method {
                kind: MethodKind::Survey,
                text: "Krótka ankieta w serwisie o tym, jak i dokąd Pani/Pan dojeżdża; ruszy razem ze zbieraniem uwag.",
                channel: None,
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkania z mieszkańcami: jedno stacjonarne, jedno on-line.",
                channel: None,
            },
            Method {
                kind: MethodKind::ConsultationPoint,
                text: "Punkt konsultacyjny z mapą nowych linii i dyżurem pracowników ZTP.",
                channel: None,
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::ConsultationPoint,
                title: "Punkt konsultacyjny przy Dworcu Głównym",
                day: 4,
                from: "14:00",
                to_day: 15,
                to: "18:00",
                address: Some("pl. Jana Nowaka-Jeziorańskiego 1, 31-154 Kraków"),
                room: Some("Pasaż podziemny, stoisko ZTP"),
                access: Some("Dojście windą z poziomu placu, bez progów"),
                hours: Some("pon.–pt. 14:00–18:00"),
                text: "Mapy nowych linii, rozkłady i formularze do wypełnienia na miejscu.",
                ..EV
            },
            Ev {
                title: "Spotkanie on-line o nowej siatce połączeń",
                day: 8,
                from: "18:00",
                to: "19:30",
                online: Some("https://example.org/spotkanie/siatka-polaczen"),
                text: "Prezentacja zmian i pytania na czacie.",
                ..EV
            },
            Ev {
                title: "Spotkanie otwarte z mieszkańcami",
                day: 12,
                address: Some(POWSTANIA),
                room: Some("Sala nr 1, parter"),
                access: Some(STEP_FREE),
                text: "Prezentacja propozycji i dyskusja przy mapach.",
                ..EV
            },
        ],
        docs: &[Doc {
            kind: DocumentKind::Draft,
            title: "Projekt zmian w siatce połączeń",
            body: Body::Pdf(&[
                "Linie tramwajowe: częstsze kursy w szczycie popołudniowym.",
                "Nowa linia tramwajowa do ronda Mogilskiego.",
                "Linie autobusowe: zmiana tras dublujących tramwaj.",
                "Linie nocne: dodatkowe kursy w piątki i soboty.",
            ]),
            revision: None,
        }],
        ..BASE
    },
    Spec {
        slug: "polityka-senioralna-krakowa",
        title: "Miejski program polityki senioralnej „Kraków dla Seniorów”",
        summary: "Jakie usługi, miejsca spotkań i formy wsparcia są potrzebne starszym mieszkańcom Krakowa? Konsultujemy program na kolejne cztery lata.",
        description: "Co czwarta osoba mieszkająca w Krakowie ma ponad 60 lat. Program polityki senioralnej opisuje, jak miasto będzie wspierać aktywność, zdrowie i samodzielność starszych mieszkańców.\n\n\
Projekt obejmuje cztery obszary:\n\n\
1. aktywność społeczna i Centra Aktywności Seniorów w każdej dzielnicy,\n\
2. zdrowie i profilaktyka, w tym teleopieka,\n\
3. mieszkanie bez barier i pomoc sąsiedzka,\n\
4. bezpieczeństwo, także w internecie.\n\n\
Program przygotowaliśmy razem z Krakowską Radą Seniorów. Zachęcamy do udziału także rodziny i opiekunów.",
        subject: "Projekt programu polityki senioralnej Miasta Krakowa",
        unit: "SZ",
        categories: &["Polityka społeczna i zdrowie"],
        contact: ("Barbara Dudek", "seniorzy@example.org", "12 616 50 45"),
        easy_read: Some(
            "Miasto ma plan dla starszych osób.\n\nPlan mówi, jak miasto pomoże seniorom.\n\nChcemy wiedzieć, czego potrzebujesz.\n\nMożesz przyjść na spotkanie.\n\nMożesz zadzwonić do nas.",
        ),
        sign_language: Some("https://example.org/pjm/polityka-senioralna"),
        status: Status::Announced,
        announce: -6,
        opens: 18,
        closes: 48,
        report: 80,
        steps: &[Step {
            title: "Warsztaty w dzielnicach",
            from: 22,
            to: Some(40),
            text: "Warsztaty w Nowej Hucie i Podgórzu.",
        }],
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi na formularzu papierowym lub na platformie.",
                channel: Some("al. Powstania Warszawskiego 10, 31-549 Kraków, kancelaria"),
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie otwarte z udziałem Krakowskiej Rady Seniorów.",
                channel: None,
            },
            Method {
                kind: MethodKind::Workshop,
                text: "Warsztaty w małych grupach o potrzebach seniorów w dzielnicach.",
                channel: None,
            },
            Method {
                kind: MethodKind::ExpertDuty,
                text: "Telefoniczny dyżur pracowników Wydziału Polityki Społecznej i Zdrowia.",
                channel: Some("12 616 50 45"),
            },
        ],
        events: &[
            Ev {
                title: "Spotkanie otwarte z Krakowską Radą Seniorów",
                day: 20,
                from: "11:00",
                to: "13:00",
                address: Some(MAGISTRAT),
                room: Some("Sala Portretowa, I piętro"),
                access: Some(LIFT),
                text: "Prezentacja programu i dyskusja.",
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztaty w Nowej Hucie",
                day: 24,
                from: "10:00",
                to: "12:30",
                address: Some(NCK),
                room: Some("Sala kameralna, parter"),
                access: Some(STEP_FREE_PJM),
                text: "Warsztat o miejscach spotkań i usługach blisko domu.",
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztaty w Podgórzu",
                day: 31,
                from: "10:00",
                to: "12:30",
                address: Some(PODGORZE_CK),
                room: Some("Sala widowiskowa, parter"),
                access: Some(STEP_FREE),
                text: "Warsztat o zdrowiu, profilaktyce i teleopiece.",
                ..EV
            },
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur telefoniczny",
                day: 27,
                from: "09:00",
                to: "12:00",
                phone: Some("12 616 50 45"),
                text: "Odpowiadamy na pytania o program.",
                ..EV
            },
        ],
        ..BASE
    },
    Spec {
        slug: "otwarty-krakow",
        title: "Program „Otwarty Kraków” na lata 2027–2030",
        summary: "Konsultujemy program otwartości i integracji cudzoziemców mieszkających w Krakowie. Materiały i formularz są także po angielsku i ukraińsku (матеріали українською мовою).",
        description: "W Krakowie mieszka dziś ponad sto tysięcy cudzoziemców, w tym wiele rodzin z Ukrainy. Program „Otwarty Kraków” wyznacza, jak miasto wspiera ich integrację i wspólne życie wszystkich mieszkańców.\n\n\
Projekt programu przewiduje m.in.:\n\n\
- punkty informacyjne dla cudzoziemców w urzędzie i w dzielnicach,\n\
- bezpłatne kursy języka polskiego dla dorosłych,\n\
- wsparcie dla szkół przyjmujących uczniów z innych krajów,\n\
- przeciwdziałanie dyskryminacji i mowie nienawiści.\n\n\
Materiały są dostępne po polsku, angielsku i ukraińsku. Uwagi można składać w każdym z tych języków.",
        subject: "Projekt programu „Otwarty Kraków” na lata 2027–2030",
        co_units: &["SZ"],
        categories: &["Polityka społeczna i zdrowie", "Organizacje pozarządowe"],
        languages: "pl,en,uk",
        contact: ("Olena Kowalenko", "otwarty@example.org", "12 616 12 34"),
        easy_read: Some(
            "Kraków chce być miastem dla wszystkich.\n\nTo także osoby z innych krajów.\n\nMamy plan, jak im pomóc.\n\nPowiedz nam, co o nim myślisz.\n\nMożesz pisać po polsku, angielsku lub ukraińsku.",
        ),
        status: Status::Open,
        announce: -20,
        opens: -8,
        closes: 20,
        report: 50,
        steps: &[Step {
            title: "Spotkania i warsztaty",
            from: -3,
            to: Some(10),
            text: "Spotkania po polsku, angielsku i ukraińsku.",
        }],
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi w dowolnym z trzech języków, na formularzu lub e-mailem.",
                channel: Some("otwarty@example.org"),
            },
            Method {
                kind: MethodKind::Survey,
                text: "Ankieta po polsku, angielsku i ukraińsku, wypełniana z ankieterem w punktach informacyjnych.",
                channel: Some("Punkty informacyjne Urzędu Miasta, al. Powstania Warszawskiego 10 i os. Zgody 2"),
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie otwarte z tłumaczeniem na angielski i ukraiński.",
                channel: None,
            },
            Method {
                kind: MethodKind::Workshop,
                text: "Warsztat w języku ukraińskim dla rodzin z dziećmi w wieku szkolnym.",
                channel: None,
            },
        ],
        events: &[
            Ev {
                title: "Spotkanie otwarte o programie",
                day: -3,
                address: Some(MAGISTRAT),
                room: Some("Sala Obrad, I piętro"),
                access: Some(LIFT),
                text: "Tłumaczenie na język angielski i ukraiński.",
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat w języku ukraińskim / Воркшоп українською мовою",
                day: 6,
                from: "16:30",
                to: "19:00",
                address: Some(PODGORZE_CK),
                room: Some("Sala warsztatowa, parter"),
                access: Some(STEP_FREE),
                text: "Warsztat o szkole, kursach języka i punktach informacyjnych. Opieka dla dzieci na miejscu.",
                ..EV
            },
            Ev {
                title: "Online meeting in English",
                day: 10,
                from: "18:00",
                to: "19:30",
                online: Some("https://example.org/spotkanie/otwarty-krakow-en"),
                text: "Prezentacja programu po angielsku i pytania uczestników.",
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt programu „Otwarty Kraków”",
                body: Body::Pdf(&[
                    "Cel 1: informacja i porady dla cudzoziemców w urzędzie i dzielnicach.",
                    "Cel 2: bezpłatne kursy języka polskiego dla dorosłych.",
                    "Cel 3: wsparcie szkół przyjmujących uczniów z innych krajów.",
                    "Cel 4: przeciwdziałanie dyskryminacji i mowie nienawiści.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt programu „Otwarty Kraków” — wersja ukraińska",
                body: Body::Pdf(&[
                    "Wersja ukraińska projektu programu.",
                    "Tłumaczenie przygotowało Miejskie Centrum Dialogu.",
                ]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "regulamin-budzetu-obywatelskiego",
        title: "Regulamin budżetu obywatelskiego Miasta Krakowa",
        summary: "Zmieniamy zasady budżetu obywatelskiego: zgłaszanie projektów, ocenę, głosowanie i realizację. Czekamy na uwagi mieszkańców i rad dzielnic.",
        description: "Budżet obywatelski pozwala mieszkańcom decydować o części wydatków miasta. Po każdej edycji zbieramy doświadczenia i poprawiamy regulamin.\n\n\
Proponowane zmiany:\n\n\
- jeden wspólny termin zgłaszania projektów ogólnomiejskich i dzielnicowych,\n\
- możliwość odwołania się od negatywnej oceny projektu,\n\
- głosowanie także w punktach stacjonarnych w każdej dzielnicy,\n\
- nowy limit kosztów utrzymania projektu w kolejnych latach.\n\n\
Eksperci Miejskiego Centrum Dialogu dyżurują w urzędzie i przez telefon. Odpowiedzą na pytania o proponowane zmiany.",
        subject: "Projekt uchwały w sprawie regulaminu budżetu obywatelskiego Miasta Krakowa",
        categories: &["Budżet obywatelski"],
        contact: ("Michał Kaczmarek", "budzet@example.org", "12 616 15 78"),
        easy_read: Some(
            "Budżet obywatelski to pieniądze miasta.\n\nMieszkańcy decydują, na co je wydać.\n\nChcemy zmienić zasady.\n\nPowiedz nam, co o tym myślisz.\n\nMożesz zadzwonić do eksperta.",
        ),
        sign_language: Some("https://example.org/pjm/budzet-obywatelski"),
        status: Status::Open,
        announce: -22,
        opens: -12,
        closes: 10,
        report: 35,
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi na formularzu do projektu regulaminu.",
                channel: Some("budzet@example.org"),
            },
            Method {
                kind: MethodKind::ExpertDuty,
                text: "Dyżury ekspertów w urzędzie i przez telefon.",
                channel: Some("ul. Bracka 10, 31-005 Kraków, kancelaria"),
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie otwarte z radnymi dzielnic i autorami projektów z poprzednich edycji.",
                channel: None,
            },
            Method {
                kind: MethodKind::OnlineDiscussion,
                text: "Dyskusja na platformie nad każdym rozdziałem regulaminu.",
                channel: None,
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur eksperta w urzędzie",
                day: -7,
                from: "12:00",
                to: "15:00",
                address: Some(BRACKA),
                room: Some("Pokój 12, parter"),
                access: Some(STEP_FREE),
                text: "Pytania o ocenę projektów i głosowanie.",
                ..EV
            },
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur telefoniczny eksperta",
                day: -2,
                from: "15:00",
                to: "18:00",
                phone: Some("12 616 15 78"),
                text: "Zadzwoń i zapytaj o proponowane zmiany.",
                ..EV
            },
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur telefoniczny eksperta",
                day: 4,
                from: "09:00",
                to: "12:00",
                phone: Some("12 616 15 78"),
                text: "Zadzwoń i zapytaj o proponowane zmiany.",
                ..EV
            },
            Ev {
                title: "Spotkanie otwarte o zmianach w regulaminie",
                day: 2,
                address: Some(ZGODY),
                room: Some("Sala konferencyjna, parter"),
                access: Some(STEP_FREE_PJM),
                online: Some("https://example.org/spotkanie/budzet-obywatelski"),
                text: "Spotkanie także transmitowane on-line.",
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt regulaminu budżetu obywatelskiego",
                body: Body::Pdf(&[
                    "§ 1. Budżet obywatelski dzieli się na pulę ogólnomiejską i pule dzielnicowe.",
                    "§ 2. Projekty zgłasza się w jednym terminie dla obu pul.",
                    "§ 3. Autor projektu może odwołać się od negatywnej oceny w ciągu 7 dni.",
                    "§ 4. Głosować można przez internet i w punktach stacjonarnych.",
                ]),
                revision: Some("Wersja 2: poprawiony § 3 (termin odwołania liczony od doręczenia oceny)."),
            },
            Doc {
                kind: DocumentKind::Form,
                title: "Formularz zgłaszania uwag",
                body: Body::Pdf(&[
                    "Imię i nazwisko (nieobowiązkowe):",
                    "Paragraf regulaminu, którego dotyczy uwaga:",
                    "Treść uwagi i uzasadnienie:",
                ]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "przebudowa-ulicy-podzamcze",
        title: "Przebudowa ul. Podzamcze",
        summary: "Jak ma wyglądać ulica u stóp Wawelu? Wybierz wariant przebudowy: więcej zieleni, szersze chodniki, miejsce dla rowerów i autokarów.",
        description: "Ulica Podzamcze łączy Planty z bulwarami Wisły i prowadzi pod Wawel. Dziś dominują na niej autokary i parkujące samochody, a chodniki są wąskie.\n\n\
Przygotowaliśmy dwa warianty przebudowy:\n\n\
- **wariant A** — ulica jednoprzestrzenna z ograniczonym ruchem, szpaler drzew i ławki,\n\
- **wariant B** — jezdnia z kontrapasem rowerowym, szersze chodniki i zatoka dla autokarów.\n\n\
Zapraszamy na warsztaty projektowe i spacer studyjny. Wyniki ankiety i warsztatów trafią do projektantów przed wyborem wariantu.",
        subject: "Koncepcja przebudowy ul. Podzamcze",
        unit: "ZDMK",
        co_units: &["ZZM"],
        districts: &[1],
        categories: &["Transport i komunikacja", "Zieleń i środowisko"],
        contact: ("Paweł Szymański", "podzamcze@example.org", "12 616 75 32"),
        easy_read: Some(
            "Ulica Podzamcze jest pod Wawelem.\n\nChcemy ją przebudować.\n\nMamy dwa pomysły.\n\nWybierz ten, który Ci się podoba.\n\nPrzyjdź na warsztaty.",
        ),
        status: Status::Open,
        announce: -14,
        opens: -5,
        closes: 21,
        report: 50,
        steps: &[Step { title: "Warsztaty projektowe", from: -2, to: Some(7), text: "Dwa warsztaty z projektantami." }],
        methods: &[
            Method {
                kind: MethodKind::Survey,
                text: "Ankieta: który wariant przebudowy Pani/Pan wybiera i dlaczego.",
                channel: Some("/ankiety/ankieta-podzamcze"),
            },
            Method {
                kind: MethodKind::Workshop,
                text: "Dwa warsztaty projektowe z projektantami i Zarządem Zieleni Miejskiej.",
                channel: None,
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie podsumowujące z prezentacją wyników ankiety.",
                channel: None,
            },
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi e-mailem lub listownie.",
                channel: Some("ul. Centralna 53, 31-586 Kraków, kancelaria"),
            },
            Method {
                kind: MethodKind::StudyWalk, text: "Spacer studyjny wzdłuż ulicy z projektantem.", channel: None
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat projektowy nr 1: ruch i parkowanie",
                day: -2,
                address: Some(MAGISTRAT),
                room: Some("Sala Dębowa, parter"),
                access: Some(STEP_FREE),
                text: "Pracujemy na mapach w małych grupach.",
                ..EV
            },
            Ev {
                kind: MethodKind::StudyWalk,
                title: "Spacer studyjny ul. Podzamcze",
                day: 3,
                from: "10:00",
                to: "12:00",
                address: Some("ul. Podzamcze, zbiórka przy skrzyżowaniu z ul. Straszewskiego, 31-001 Kraków"),
                access: Some(OUTDOOR),
                text: "Przejdziemy ulicę od Plant do bulwarów Wisły.",
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat projektowy nr 2: zieleń i miejsca do odpoczynku",
                day: 7,
                address: Some(MAGISTRAT),
                room: Some("Sala Dębowa, parter"),
                access: Some(STEP_FREE),
                text: "Gdzie posadzić drzewa i ustawić ławki?",
                ..EV
            },
            Ev {
                title: "Spotkanie podsumowujące",
                day: 14,
                from: "18:00",
                to: "20:00",
                address: Some(MAGISTRAT),
                room: Some("Sala Obrad, I piętro"),
                access: Some(LIFT),
                online: Some("https://example.org/spotkanie/podzamcze"),
                text: "Wyniki ankiety i warsztatów.",
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Koncepcja przebudowy — plansza",
                body: Body::Png(Picture::Street),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Presentation,
                title: "Prezentacja wariantów przebudowy",
                body: Body::Pdf(&[
                    "Wariant A: ulica jednoprzestrzenna, szpaler drzew, ławki.",
                    "Wariant B: kontrapas rowerowy, szersze chodniki, zatoka autokarowa.",
                    "Oba warianty: nowe oświetlenie i przejścia bez krawężników.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Form,
                title: "Formularz uwag do koncepcji",
                body: Body::Pdf(&["Wybrany wariant (A lub B):", "Co warto zmienić:", "Kontakt (nieobowiązkowy):"]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "trasa-rowerowa-nowa-huta",
        title: "Trasa rowerowa ul. Ptaszyckiego – al. Solidarności w Nowej Hucie",
        summary: "Projekt nowej drogi rowerowej łączącej os. Na Skarpie z Placem Centralnym i Kombinatem. Zaznacz na mapie, gdzie widzisz problemy.",
        description: "Nowa Huta ma szerokie ulice i dużo zieleni, ale brakuje jej ciągłych tras rowerowych. Projektowana trasa połączy osiedla z Placem Centralnym, zalewem i terenami Kombinatu.\n\n\
Projekt obejmuje:\n\n\
- dwukierunkową drogę rowerową wzdłuż ul. Ptaszyckiego,\n\
- przejazdy rowerowe przez al. Solidarności i al. Jana Pawła II,\n\
- stojaki rowerowe przy przystankach tramwajowych.\n\n\
Na mapie można zaznaczyć miejsca niebezpieczne i zaproponować lepszy przebieg trasy.",
        subject: "Koncepcja trasy rowerowej w Nowej Hucie",
        unit: "ZDMK",
        co_units: &["ZTP"],
        districts: &[18],
        categories: &["Transport i komunikacja", "Sport i rekreacja"],
        contact: ("Krzysztof Baran", "rowery@example.org", "12 616 75 48"),
        status: Status::Open,
        announce: -10,
        opens: -2,
        closes: 24,
        report: 55,
        methods: &[
            Method {
                kind: MethodKind::MapSurvey,
                text: "Mapa, na której zaznaczysz problemy i propozycje.",
                channel: None,
            },
            Method { kind: MethodKind::OpenMeeting, text: "Spotkanie w Nowohuckim Centrum Kultury.", channel: None },
            Method { kind: MethodKind::StudyWalk, text: "Przejazd rowerowy po planowanej trasie.", channel: None },
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi e-mailem lub w urzędzie na os. Zgody.",
                channel: Some("os. Zgody 2, 31-949 Kraków, kancelaria"),
            },
        ],
        events: &[
            Ev {
                title: "Spotkanie otwarte o trasie rowerowej",
                day: 5,
                address: Some(NCK),
                room: Some("Sala kameralna, parter"),
                access: Some(STEP_FREE),
                text: "Prezentacja projektu i praca przy mapie.",
                ..EV
            },
            Ev {
                kind: MethodKind::StudyWalk,
                title: "Przejazd rowerowy po planowanej trasie",
                day: 9,
                from: "10:00",
                to: "12:30",
                address: Some("pl. Centralny im. Ronalda Reagana, 31-900 Kraków"),
                access: Some("Tempo rekreacyjne; można dołączyć pieszo na odcinku wzdłuż ul. Ptaszyckiego"),
                text: "Zbiórka przy kolumnie na środku placu. Kaski mile widziane.",
                ..EV
            },
        ],
        docs: &[Doc {
            kind: DocumentKind::Draft,
            title: "Przebieg trasy — mapa",
            body: Body::Png(Picture::Route),
            revision: None,
        }],
        ..BASE
    },
    Spec {
        slug: "mpzp-bronowice-rejon-ulicy-balickiej",
        title: "Miejscowy plan zagospodarowania przestrzennego obszaru „Bronowice – rejon ul. Balickiej”",
        summary: "Projekt planu miejscowego dla terenów wzdłuż ul. Balickiej: zabudowa, zieleń i ochrona klinów przewietrzających.",
        description: "Projekt planu ustala, co i jak można budować na terenach wzdłuż ul. Balickiej. Chroni przy tym tereny zieleni i korytarze przewietrzające miasto.\n\n\
Projekt planu zakłada:\n\n\
- ograniczenie wysokości nowej zabudowy do 12 m,\n\
- zachowanie terenów zieleni nad Rudawą,\n\
- rezerwę terenu pod linię tramwajową,\n\
- nowe publiczne ciągi piesze.\n\n\
Uwagi złożone w konsultacjach rozpatrzy Prezydent Miasta Krakowa. Sposób ich rozpatrzenia opiszemy w raporcie.",
        subject: "Projekt miejscowego planu zagospodarowania przestrzennego obszaru „Bronowice – rejon ul. Balickiej”",
        unit: "PP",
        districts: &[6],
        categories: &["Planowanie przestrzenne"],
        enabling_act: Some(
            "Uchwała nr XXXIV/912/2026 Rady Miasta Krakowa z dnia 11 marca 2026 r. w sprawie przystąpienia do sporządzenia miejscowego planu zagospodarowania przestrzennego obszaru „Bronowice – rejon ul. Balickiej”",
        ),
        contact: ("Agnieszka Pawlak", "plany@example.org", "12 616 82 10"),
        status: Status::Closed,
        announce: -45,
        opens: -36,
        closes: -8,
        report: 20,
        steps: &[Step {
            title: "Dyskusja publiczna",
            from: -20,
            to: None,
            text: "Spotkanie otwarte nad rozwiązaniami projektu planu.",
        }],
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi na piśmie, e-mailem lub przez formularz na platformie.",
                channel: Some("pl. Wszystkich Świętych 3-4, 31-004 Kraków, kancelaria"),
            },
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Dyskusja publiczna nad rozwiązaniami projektu planu.",
                channel: None,
            },
            Method {
                kind: MethodKind::ExpertDuty,
                text: "Dyżury planistów w urzędzie i przez telefon.",
                channel: Some("12 616 82 10"),
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur planisty",
                day: -25,
                from: "14:00",
                to: "17:00",
                address: Some(POWSTANIA),
                room: Some("Pokój 104, I piętro"),
                access: Some(LIFT),
                text: "Pytania o ustalenia projektu planu.",
                attendance: Some(14),
                ..EV
            },
            Ev {
                title: "Dyskusja publiczna nad projektem planu",
                day: -20,
                address: Some("Centrum Kultury Dworek Białoprądnicki, ul. Papiernicza 2, 31-221 Kraków"),
                room: Some("Sala balowa, parter"),
                access: Some(STEP_FREE),
                text: "Prezentacja projektu planu, pytania i wypowiedzi do protokołu.",
                attendance: Some(86),
                ..EV
            },
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur telefoniczny planisty",
                day: -15,
                from: "09:00",
                to: "12:00",
                phone: Some("12 616 82 10"),
                text: "Pytania o ustalenia projektu planu.",
                attendance: Some(9),
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt planu — tekst uchwały",
                body: Body::Pdf(&[
                    "§ 1. Plan obejmuje obszar w rejonie ul. Balickiej w Dzielnicy VI Bronowice.",
                    "§ 8. Maksymalna wysokość zabudowy: 12 m.",
                    "§ 12. Tereny zieleni urządzonej oznaczone symbolem ZP.1 – ZP.4.",
                ]),
                revision: Some("Wersja 2: usunięta omyłka pisarska w § 12."),
            },
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt planu — rysunek",
                body: Body::Png(Picture::Zoning),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "park-rzeczny-wilga",
        title: "Koncepcja Parku Rzecznego Wilga",
        summary: "Jak urządzić tereny nad Wilgą między ul. Zakopiańską a Wisłą? Konsultowaliśmy ścieżki, miejsca odpoczynku i ochronę przyrody.",
        description: "Park rzeczny ma połączyć tereny zieleni nad Wilgą w jeden ciąg spacerowy od Łagiewnik do Wisły. Część terenu to cenne siedliska przyrodnicze, które trzeba chronić.\n\n\
Pytaliśmy o:\n\n\
- przebieg ścieżek pieszych i rowerowych,\n\
- miejsca odpoczynku, placów zabaw i siłowni plenerowych,\n\
- ochronę łąk i zadrzewień nad rzeką.\n\n\
Dziękujemy za udział. Raport z konsultacji opublikujemy po analizie wszystkich uwag.",
        subject: "Koncepcja zagospodarowania terenów zieleni nad rzeką Wilgą",
        unit: "ZZM",
        co_units: &["KS"],
        districts: &[9, 11],
        categories: &["Zieleń i środowisko", "Sport i rekreacja"],
        contact: ("Magdalena Krawczyk", "wilga@example.org", "12 616 74 21"),
        status: Status::Closed,
        announce: -40,
        opens: -27,
        closes: -3,
        report: 30,
        methods: &[
            Method { kind: MethodKind::MapSurvey, text: "Mapa: zaznacz ulubione miejsca i potrzeby.", channel: None },
            Method { kind: MethodKind::Workshop, text: "Warsztaty z architektami krajobrazu.", channel: None },
            Method { kind: MethodKind::StudyWalk, text: "Spacer z przyrodnikiem wzdłuż Wilgi.", channel: None },
            Method { kind: MethodKind::CollectingRemarks, text: "Uwagi e-mailem.", channel: Some("wilga@example.org") },
        ],
        events: &[
            Ev {
                kind: MethodKind::StudyWalk,
                title: "Spacer z przyrodnikiem nad Wilgą",
                day: -20,
                from: "10:00",
                to: "12:30",
                address: Some("ul. Zakopiańska, zbiórka przy kładce nad Wilgą, 30-418 Kraków"),
                access: Some(OUTDOOR),
                text: "Poznamy siedliska nad rzeką i miejsca do odpoczynku.",
                attendance: Some(27),
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat z architektami krajobrazu",
                day: -12,
                address: Some("Klub Kultury Łagiewniki, ul. Jana Zamoyskiego 2, 30-519 Kraków"),
                room: Some("Sala główna, parter"),
                access: Some(STEP_FREE),
                text: "Praca na mapach w grupach.",
                attendance: Some(41),
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat on-line",
                day: -6,
                from: "18:00",
                to: "19:30",
                online: Some("https://example.org/spotkanie/park-wilga"),
                text: "Dla tych, którzy nie mogli przyjść na warsztat stacjonarny.",
                attendance: Some(18),
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Koncepcja parku — opis",
                body: Body::Pdf(&[
                    "Ciąg spacerowy od ul. Zakopiańskiej do Wisły, długość ok. 3 km.",
                    "Strefa ochrony łąk nad rzeką, bez oświetlenia w nocy.",
                    "Dwa place zabaw i siłownia plenerowa przy wejściach do parku.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Presentation,
                title: "Prezentacja z warsztatów",
                body: Body::Pdf(&[
                    "Wyniki pracy w grupach.",
                    "Najczęstsze propozycje: ławki, toalety, kosze na śmieci.",
                ]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "zmiany-w-sieci-szkol-dzielnica-xii",
        title: "Zmiany w sieci szkół podstawowych w Dzielnicy XII Bieżanów-Prokocim",
        summary: "Nowa szkoła na os. Złocień i zmiana granic obwodów szkół w Bieżanowie i Prokocimiu. Raport z konsultacji jest już dostępny.",
        description: "Na os. Złocień powstała nowa szkoła podstawowa. Dlatego trzeba było ustalić jej obwód i zmienić granice obwodów sąsiednich szkół.\n\n\
Konsultowaliśmy:\n\n\
- granice obwodów szkół podstawowych w Bieżanowie i Prokocimiu,\n\
- harmonogram przenoszenia oddziałów,\n\
- dowozy uczniów z ulic położonych daleko od szkoły.\n\n\
Raport opisuje zgłoszone uwagi i to, jak wpłynęły na ostateczny projekt uchwały.",
        subject: "Projekt uchwały w sprawie sieci publicznych szkół podstawowych prowadzonych przez Gminę Miejską Kraków",
        unit: "EK",
        districts: &[12],
        categories: &["Edukacja"],
        contact: ("Grzegorz Zając", "szkoly@example.org", "12 616 52 30"),
        easy_read: Some(
            "Na osiedlu Złocień jest nowa szkoła.\n\nZmieniamy, do której szkoły chodzą dzieci.\n\nPytaliśmy rodziców o zdanie.\n\nTeraz możesz przeczytać, co ustaliliśmy.",
        ),
        status: Status::ReportPublished,
        announce: -190,
        opens: -180,
        closes: -155,
        report: -120,
        steps: &[
            Step {
                title: "Spotkania z radami rodziców",
                from: -170,
                to: Some(-160),
                text: "Spotkania w szkołach, których dotyczą zmiany.",
            },
            Step {
                title: "Opinia Rady Dzielnicy XII",
                from: -140,
                to: None,
                text: "Rada Dzielnicy zaopiniowała projekt po konsultacjach.",
            },
        ],
        methods: &[
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie otwarte z dyrektorami szkół i Wydziałem Edukacji.",
                channel: None,
            },
            Method {
                kind: MethodKind::FocusGroup,
                text: "Spotkania z radami rodziców szkół, których dotyczą zmiany.",
                channel: None,
            },
            Method {
                kind: MethodKind::Survey,
                text: "Ankieta dla rodziców o dojazdach i godzinach lekcji.",
                channel: None,
            },
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi e-mailem lub w sekretariatach szkół.",
                channel: Some("szkoly@example.org"),
            },
        ],
        events: &[
            Ev {
                title: "Spotkanie otwarte o sieci szkół",
                day: -175,
                address: Some("Szkoła Podstawowa nr 124, ul. Heleny 3, 30-838 Kraków"),
                room: Some("Aula, parter"),
                access: Some(STEP_FREE),
                text: "Prezentacja zmian w obwodach szkół.",
                attendance: Some(112),
                ..EV
            },
            Ev {
                kind: MethodKind::FocusGroup,
                title: "Spotkanie z radami rodziców",
                day: -165,
                from: "18:00",
                to: "20:00",
                address: Some("Szkoła Podstawowa nr 124, ul. Heleny 3, 30-838 Kraków"),
                room: Some("Sala nr 12, parter"),
                access: Some(STEP_FREE),
                text: "Spotkanie z przedstawicielami rad rodziców.",
                attendance: Some(64),
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt uchwały i mapa obwodów",
                body: Body::Pdf(&[
                    "Załącznik nr 1: wykaz ulic w obwodach szkół.",
                    "Załącznik nr 2: harmonogram przenoszenia oddziałów.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Report,
                title: "Raport z konsultacji",
                body: Body::Pdf(&[
                    "Zgłoszono 146 uwag, w tym 38 w ankiecie.",
                    "Uwzględniono 21 uwag: zmieniono granice obwodów przy ul. Bieżanowskiej.",
                    "Utrzymano dowóz uczniów z ul. Ks. Jana Łosia.",
                ]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "program-ograniczania-niskiej-emisji",
        title: "Program ograniczania niskiej emisji dla Krakowa",
        summary: "Jak dalej poprawiać jakość powietrza po zakazie palenia węglem? Raport z konsultacji programu jest już dostępny.",
        description: "Kraków jako pierwsze miasto w Polsce zakazał palenia węglem i drewnem. Program ograniczania niskiej emisji opisuje kolejne kroki w walce ze smogiem.\n\n\
Projekt obejmował:\n\n\
- dopłaty do podłączenia budynków do sieci ciepłowniczej,\n\
- osłony energetyczne dla gospodarstw w trudnej sytuacji,\n\
- kontrole przestrzegania uchwały antysmogowej,\n\
- informowanie mieszkańców o jakości powietrza.\n\n\
W raporcie odpowiadamy na wszystkie zgłoszone uwagi.",
        subject: "Projekt programu ograniczania niskiej emisji dla Krakowa",
        unit: "KS",
        co_units: &["SZ"],
        categories: &["Zieleń i środowisko", "Polityka społeczna i zdrowie"],
        contact: ("Adam Michalski", "powietrze@example.org", "12 616 88 40"),
        status: Status::ReportPublished,
        announce: -150,
        opens: -140,
        closes: -110,
        report: -75,
        methods: &[
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi na formularzu.",
                channel: Some("powietrze@example.org"),
            },
            Method { kind: MethodKind::OpenMeeting, text: "Spotkania otwarte: stacjonarne i on-line.", channel: None },
            Method {
                kind: MethodKind::ExpertDuty,
                text: "Dyżur telefoniczny ekspertów od ogrzewania.",
                channel: Some("12 616 88 40"),
            },
        ],
        events: &[
            Ev {
                title: "Spotkanie otwarte o jakości powietrza",
                day: -130,
                address: Some(POWSTANIA),
                room: Some("Sala nr 1, parter"),
                access: Some(STEP_FREE),
                text: "Prezentacja programu i dyskusja.",
                attendance: Some(58),
                ..EV
            },
            Ev {
                title: "Spotkanie on-line o programie",
                day: -122,
                from: "18:00",
                to: "19:30",
                online: Some("https://example.org/spotkanie/niska-emisja"),
                text: "Transmisja z pytaniami na czacie.",
                attendance: Some(130),
                ..EV
            },
            Ev {
                kind: MethodKind::ExpertDuty,
                title: "Dyżur telefoniczny ekspertów",
                day: -118,
                from: "10:00",
                to: "14:00",
                phone: Some("12 616 88 40"),
                text: "Pytania o dopłaty i osłony energetyczne.",
                attendance: Some(22),
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Draft,
                title: "Projekt programu",
                body: Body::Pdf(&[
                    "Działanie 1: podłączenia do sieci ciepłowniczej.",
                    "Działanie 2: osłony energetyczne.",
                    "Działanie 3: kontrole i edukacja.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Report,
                title: "Raport z konsultacji",
                body: Body::Pdf(&[
                    "Zgłoszono 212 uwag.",
                    "Uwzględniono w całości 47, w części 33.",
                    "Najczęstszy temat: wysokość osłon energetycznych.",
                ]),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "program-nasadzen-drzew-przyulicznych",
        title: "Program nasadzeń drzew przyulicznych",
        summary: "Gdzie posadzić nowe drzewa wzdłuż ulic? Mieszkańcy wskazali ponad tysiąc miejsc. Raport jest już dostępny.",
        description: "Drzewa przy ulicach dają cień, zatrzymują wodę i pył. Program określa, gdzie i jak sadzimy drzewa w pasach drogowych w najbliższych latach.\n\n\
Pytaliśmy o:\n\n\
- ulice, na których najbardziej brakuje cienia,\n\
- gatunki drzew odporne na suszę i sól,\n\
- zamianę miejsc parkingowych na zieleń.\n\n\
Raport zawiera mapę wszystkich zgłoszonych lokalizacji.",
        subject: "Program nasadzeń drzew w pasach drogowych",
        unit: "ZZM",
        co_units: &["ZDMK"],
        categories: &["Zieleń i środowisko"],
        contact: ("Natalia Wróbel", "drzewa@example.org", "12 616 74 60"),
        status: Status::ReportPublished,
        announce: -110,
        opens: -100,
        closes: -75,
        report: -40,
        methods: &[
            Method { kind: MethodKind::MapSurvey, text: "Mapa: wskaż miejsce na nowe drzewo.", channel: None },
            Method { kind: MethodKind::Workshop, text: "Warsztat z arborystą o gatunkach drzew.", channel: None },
            Method {
                kind: MethodKind::StudyWalk,
                text: "Spacer ulicami z największym niedoborem zieleni.",
                channel: None,
            },
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi e-mailem.",
                channel: Some("drzewa@example.org"),
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat z arborystą",
                day: -90,
                address: Some("ul. Reymonta 20, 30-059 Kraków"),
                room: Some("Sala konferencyjna, parter"),
                access: Some(STEP_FREE),
                text: "Jakie drzewa przetrwają przy ruchliwej ulicy?",
                attendance: Some(35),
                ..EV
            },
            Ev {
                kind: MethodKind::StudyWalk,
                title: "Spacer ul. Dietla",
                day: -84,
                from: "10:00",
                to: "12:00",
                address: Some("ul. Dietla, zbiórka przy ul. Stradomskiej, 31-070 Kraków"),
                access: Some(OUTDOOR),
                text: "Gdzie na ul. Dietla zmieszczą się nowe drzewa?",
                attendance: Some(22),
                ..EV
            },
        ],
        docs: &[
            Doc {
                kind: DocumentKind::Report,
                title: "Raport z konsultacji",
                body: Body::Pdf(&[
                    "Zgłoszono 1 084 lokalizacje.",
                    "Do programu wpisano 412 miejsc na nowe drzewa.",
                    "Pierwsze nasadzenia: jesień.",
                ]),
                revision: None,
            },
            Doc {
                kind: DocumentKind::Results,
                title: "Mapa zgłoszonych lokalizacji",
                body: Body::Png(Picture::Trees),
                revision: None,
            },
        ],
        ..BASE
    },
    Spec {
        slug: "koncepcja-parku-zakrzowek",
        title: "Koncepcja zagospodarowania Parku Zakrzówek",
        summary: "Konsultacje koncepcji parku wokół zalewu Zakrzówek: kąpieliska, ścieżki i ochrona skałek. Zakończone i zarchiwizowane.",
        description: "Zakrzówek to dawny kamieniołom z zalewem i skałkami, jedno z najbardziej lubianych miejsc wypoczynku w Krakowie.\n\n\
Konsultowaliśmy:\n\n\
- lokalizację kąpielisk i pomostów,\n\
- sieć ścieżek i punktów widokowych,\n\
- ochronę muraw naskalnych.\n\n\
Park otwarto po przebudowie. Materiały zostają w archiwum.",
        subject: "Koncepcja zagospodarowania terenu Zakrzówka",
        unit: "ZZM",
        co_units: &["PP"],
        districts: &[8],
        categories: &["Zieleń i środowisko", "Sport i rekreacja"],
        contact: ("Robert Jankowski", "zakrzowek@example.org", "12 616 74 33"),
        status: Status::Archived,
        announce: -560,
        opens: -550,
        closes: -520,
        report: -470,
        methods: &[
            Method { kind: MethodKind::StudyWalk, text: "Spacery po terenie parku.", channel: None },
            Method { kind: MethodKind::Workshop, text: "Warsztaty projektowe.", channel: None },
            Method { kind: MethodKind::Survey, text: "Ankieta o sposobach wypoczynku.", channel: None },
            Method { kind: MethodKind::OpenMeeting, text: "Spotkanie podsumowujące.", channel: None },
        ],
        events: &[
            Ev {
                kind: MethodKind::StudyWalk,
                title: "Spacer po Zakrzówku",
                day: -545,
                from: "10:00",
                to: "12:30",
                address: Some("ul. Wyłom, zbiórka przy wejściu do parku, 30-320 Kraków"),
                access: Some("Część trasy po nierównym terenie; dostępny wariant krótszy po alejce"),
                text: "Spacer z przyrodnikiem i projektantem.",
                attendance: Some(64),
                ..EV
            },
            Ev {
                kind: MethodKind::Workshop,
                title: "Warsztat projektowy",
                day: -538,
                address: Some("Centrum Kultury Dworek Białoprądnicki, ul. Papiernicza 2, 31-221 Kraków"),
                room: Some("Sala balowa, parter"),
                access: Some(STEP_FREE),
                text: "Praca na makiecie parku.",
                attendance: Some(48),
                ..EV
            },
            Ev {
                title: "Spotkanie podsumowujące",
                day: -525,
                address: Some(MAGISTRAT),
                room: Some("Sala Obrad, I piętro"),
                access: Some(LIFT),
                text: "Wyniki ankiety i warsztatów.",
                attendance: Some(95),
                ..EV
            },
        ],
        docs: &[Doc {
            kind: DocumentKind::Report,
            title: "Raport z konsultacji",
            body: Body::Pdf(&[
                "Ankietę wypełniło 2 317 osób.",
                "Najważniejsze potrzeby: kąpielisko, cień, toalety.",
                "Murawy naskalne wyłączono z ruchu.",
            ]),
            revision: None,
        }],
        ..BASE
    },
    Spec {
        slug: "organizacja-ruchu-ulica-krakowska",
        title: "Nowa organizacja ruchu na ul. Krakowskiej",
        summary: "Konsultacje odwołane: projekt zmian w ruchu na ul. Krakowskiej zostanie poprawiony po uzgodnieniach z konserwatorem zabytków.",
        description: "**Konsultacje zostały odwołane.** Projekt wymaga zmian po uzgodnieniach z Miejskim Konserwatorem Zabytków. Nowy termin ogłosimy na platformie.\n\n\
Pierwotny projekt zakładał:\n\n\
- ruch jednokierunkowy na odcinku od pl. Wolnica do ul. Dietla,\n\
- szersze chodniki i ogródki kawiarniane,\n\
- nowe miejsca dostaw dla sklepów.\n\n\
Zgłoszone dotąd uwagi zachowamy i weźmiemy pod uwagę w nowym projekcie.",
        subject: "Projekt organizacji ruchu na ul. Krakowskiej",
        unit: "ZDMK",
        districts: &[1],
        categories: &["Transport i komunikacja", "Bezpieczeństwo"],
        contact: ("Ewa Sikora", "krakowska@example.org", "12 616 75 90"),
        status: Status::Cancelled,
        announce: -12,
        opens: 4,
        closes: 30,
        report: 60,
        steps: &[Step {
            title: "Odwołanie konsultacji",
            from: -2,
            to: None,
            text: "Projekt wymaga zmian; nowy termin ogłosimy później.",
        }],
        methods: &[
            Method {
                kind: MethodKind::OpenMeeting,
                text: "Spotkanie z mieszkańcami i przedsiębiorcami.",
                channel: None,
            },
            Method {
                kind: MethodKind::ConsultationPoint,
                text: "Namiot informacyjny z planami zmian w ruchu.",
                channel: None,
            },
            Method { kind: MethodKind::Survey, text: "Ankieta o ruchu i dostawach.", channel: None },
            Method {
                kind: MethodKind::CollectingRemarks,
                text: "Uwagi e-mailem.",
                channel: Some("krakowska@example.org"),
            },
        ],
        events: &[
            Ev {
                kind: MethodKind::ConsultationPoint,
                title: "Punkt konsultacyjny na pl. Wolnica",
                day: 5,
                from: "12:00",
                to_day: 9,
                to: "17:00",
                address: Some("pl. Wolnica, 31-060 Kraków"),
                room: Some("Namiot informacyjny"),
                access: Some("Namiot na płaskiej nawierzchni, bez progów"),
                hours: Some("codziennie 12:00–17:00"),
                text: "Odwołany razem z konsultacjami.",
                ..EV
            },
            Ev {
                title: "Spotkanie z mieszkańcami i przedsiębiorcami",
                day: 8,
                address: Some(MAGISTRAT),
                room: Some("Sala Dębowa, parter"),
                access: Some(STEP_FREE),
                text: "Odwołane razem z konsultacjami.",
                ..EV
            },
        ],
        ..BASE
    },
];

const STANDARD_STEPS: [&str; 3] = [
    "Informacja na platformie, w Biuletynie Informacji Publicznej i w radach dzielnic.",
    "Formularz, ankieta, spotkania i dyżury — szczegóły w sekcji o sposobach udziału.",
    "Raport z odpowiedziami na zgłoszone uwagi opublikujemy na tej stronie.",
];

impl Spec {
    /// Announcement, participation and report, then the spec's own steps.
    fn schedule(&self) -> Vec<(&'static str, i64, Option<i64>, &'static str)> {
        let mut all = vec![
            ("Ogłoszenie konsultacji", self.announce, None, STANDARD_STEPS[0]),
            ("Zbieranie uwag i opinii", self.opens, Some(self.closes), STANDARD_STEPS[1]),
            ("Publikacja raportu z konsultacji", self.report, None, STANDARD_STEPS[2]),
        ];
        all.extend(self.steps.iter().map(|s| (s.title, s.from, s.to, s.text)));
        all
    }

    fn input(&self, today: NaiveDate, unit_name: &str) -> anyhow::Result<ConsultationInput> {
        let statutory = self.enabling_act.is_some();
        let (name, email, phone) = self.contact;
        Ok(ConsultationInput {
            title: self.title.into(),
            slug: self.slug.into(),
            summary: self.summary.into(),
            description: self.description.into(),
            subject: self.subject.into(),
            legal_basis: if statutory { LegalBasis::Statutory } else { LegalBasis::Optional },
            enabling_act: self.enabling_act.map(str::to_owned),
            scope_citywide: self.districts.is_empty(),
            contact_name: name.into(),
            contact_email: Some(email.into()),
            contact_phone: Some(phone.into()),
            // Statutory procedures need to know who spoke and where they live; optional ones welcome anyone.
            require_email: statutory,
            require_address: statutory,
            allow_anonymous: !statutory,
            privacy_notice: privacy_notice(unit_name),
            easy_read: self.easy_read.map(str::to_owned),
            sign_language_url: self.sign_language.map(str::to_owned),
            opens_at: at(today, self.opens, "08:00")?,
            closes_at: at(today, self.closes, "23:59")?,
        })
    }
}

impl Ev {
    fn to_new(&self, today: NaiveDate) -> anyhow::Result<NewEvent> {
        let owned = |s: Option<&str>| s.map(str::to_owned);
        Ok(NewEvent {
            kind: self.kind,
            title: self.title.into(),
            starts_at: at(today, self.day, self.from)?,
            ends_at: at(today, self.day + self.to_day, self.to)?,
            address: owned(self.address),
            room: owned(self.room),
            accessibility: owned(self.access),
            online_url: owned(self.online),
            phone: owned(self.phone),
            opening_hours: owned(self.hours),
            description: self.text.into(),
        })
    }
}

fn privacy_notice(unit: &str) -> String {
    format!(
        "Administratorem danych osobowych jest Prezydent Miasta Krakowa, pl. Wszystkich Świętych 3-4, 31-004 Kraków. \
         Konsultacje prowadzi {unit}. Dane (imię i nazwisko, adres e-mail, dzielnica) przetwarzamy wyłącznie \
         w celu przeprowadzenia konsultacji i przygotowania raportu, na podstawie art. 6 ust. 1 lit. e RODO. \
         Raport zawiera treść uwag bez danych osobowych. Dane przechowujemy przez okres wynikający z przepisów o archiwizacji. \
         Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania oraz skargi do Prezesa \
         Urzędu Ochrony Danych Osobowych. Kontakt z inspektorem ochrony danych: iod@example.org."
    )
}

/// `day` days from `today` at `clock` Warsaw time.
fn at(today: NaiveDate, day: i64, clock: &str) -> anyhow::Result<DateTime<Utc>> {
    let date = shift(today, day)?;
    agora_web::time::parse_local(&format!("{date}T{clock}"))
        .ok_or_else(|| anyhow::anyhow!("no such local time: {date} {clock}"))
}

fn shift(today: NaiveDate, day: i64) -> anyhow::Result<NaiveDate> {
    let n = Days::new(day.unsigned_abs());
    if day < 0 { today.checked_sub_days(n) } else { today.checked_add_days(n) }
        .ok_or_else(|| anyhow::anyhow!("date out of range"))
}

/// The steps from a draft to `status`, as an organiser would take them.
fn path(status: Status) -> &'static [Status] {
    use Status::*;
    match status {
        Draft => &[],
        Announced => &[Announced],
        Open => &[Announced, Open],
        Closed => &[Announced, Open, Closed],
        ReportPublished => &[Announced, Open, Closed, ReportPublished],
        Archived => &[Announced, Open, Closed, ReportPublished, Archived],
        Cancelled => &[Announced, Cancelled],
    }
}

fn entry(action: &'static str, details: impl Into<String>) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "consultation", details: details.into() }
}

/// Ids of the reference rows the specs name.
struct Refs {
    units: Vec<reference::Unit>,
    districts: Vec<reference::District>,
    categories: Vec<reference::Named>,
}

impl Refs {
    async fn load(db: &Db) -> anyhow::Result<Refs> {
        Ok(Refs {
            units: reference::units(db).await?,
            districts: reference::districts(db).await?,
            categories: reference::named(db, NamedKind::Category).await?,
        })
    }

    fn unit(&self, code: &str) -> anyhow::Result<&reference::Unit> {
        self.units.iter().find(|u| u.code == code).ok_or_else(|| anyhow::anyhow!("demo unit {code} is missing"))
    }

    fn links(&self, s: &Spec) -> anyhow::Result<Links> {
        let co_units = s.co_units.iter().map(|c| self.unit(c).map(|u| u.id)).collect::<anyhow::Result<_>>()?;
        let districts = s
            .districts
            .iter()
            .map(|n| {
                self.districts
                    .iter()
                    .find(|d| d.number == *n)
                    .map(|d| d.id)
                    .ok_or_else(|| anyhow::anyhow!("district {n} is missing"))
            })
            .collect::<anyhow::Result<_>>()?;
        let categories = s
            .categories
            .iter()
            .map(|c| {
                self.categories
                    .iter()
                    .find(|k| k.name_pl == *c)
                    .map(|k| k.id)
                    .ok_or_else(|| anyhow::anyhow!("category {c} is missing"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Links { co_units, districts, categories })
    }
}

/// Loads the demo consultations; one whose slug is taken is skipped.
pub async fn load(db: &Db, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    let refs = Refs::load(db).await?;
    let today = agora_web::time::local_date(Utc::now());
    for spec in &SPECS {
        if consultation::by_slug(db, spec.slug).await?.is_none() {
            load_one(db, storage, &refs, spec, today).await?;
        }
    }
    Ok(())
}

async fn load_one(
    db: &Db,
    storage: &dyn object_store::ObjectStore,
    refs: &Refs,
    s: &Spec,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let unit = refs.unit(s.unit)?;
    let input = s.input(today, &unit.name_pl)?;
    let id =
        consultation::create(db, &input, unit.id, s.languages, &refs.links(s)?, &entry("consultation.create", s.title))
            .await?;
    for (title, from, to, text) in s.schedule() {
        let ends = to.map(|d| shift(today, d)).transpose()?;
        programme::add_schedule_item(
            db,
            id,
            title,
            shift(today, from)?,
            ends,
            text,
            &entry("consultation.schedule.add", title),
        )
        .await?;
    }
    for m in s.methods {
        programme::add_method(
            db,
            id,
            m.kind.as_str(),
            m.text,
            m.channel,
            None,
            &entry("consultation.method.add", m.kind.as_str()),
        )
        .await?;
    }
    let now = Utc::now();
    let mut held = Vec::new();
    for e in s.events {
        let new = e.to_new(today)?;
        let event = programme::add_event(db, id, &new, &entry("consultation.event.add", e.title)).await?;
        if let Some(n) = e.attendance
            && new.ends_at < now
        {
            held.push((event, n));
        }
    }
    add_documents(db, storage, id, s).await?;
    let stored = consultation::by_id(db, id).await?.ok_or_else(|| anyhow::anyhow!("{} vanished", s.slug))?;
    let mut from = Status::Draft;
    for &to in path(s.status) {
        let details = format!("{} → {}", from.as_str(), to.as_str());
        // Each step is dated when it would have happened, so the feed reads like a history.
        let at = match to {
            Status::Announced => stored.opens_at - chrono::Duration::days(10),
            Status::Open => stored.opens_at,
            Status::Closed => stored.closes_at,
            Status::ReportPublished => stored.closes_at + chrono::Duration::days(30),
            Status::Archived => stored.closes_at + chrono::Duration::days(120),
            Status::Cancelled => stored.opens_at - chrono::Duration::days(3),
            Status::Draft => now,
        }
        .min(now);
        anyhow::ensure!(
            consultation::transition_at(db, id, from, to, at, None, &entry("consultation.status", details)).await?,
            "{}: {} → {} refused",
            s.slug,
            from.as_str(),
            to.as_str()
        );
        from = to;
    }
    // Attendance is recorded after the fact, so it follows the closing in the audit log.
    for (event, n) in held {
        programme::set_attendance(
            db,
            id,
            event,
            Some(n),
            &entry("consultation.event.attendance", format!("{event}: {n}")),
        )
        .await?;
    }
    Ok(())
}

async fn add_documents(db: &Db, storage: &dyn object_store::ObjectStore, id: i64, s: &Spec) -> anyhow::Result<()> {
    let mut n = 0;
    for d in s.docs {
        n += 1;
        let file = store(storage, id, n, d, s.title, None).await?;
        let doc = documents::add(
            db,
            id,
            d.kind.as_str(),
            d.title,
            &file,
            "demo",
            &entry("consultation.document.add", d.title),
        )
        .await?;
        if let Some(note) = d.revision {
            n += 1;
            let file = store(storage, id, n, d, s.title, Some(note)).await?;
            let version = documents::add_version(
                db,
                id,
                doc,
                &file,
                "demo",
                &entry("consultation.document.version", doc.to_string()),
            )
            .await?;
            anyhow::ensure!(version.is_some(), "document {doc} vanished");
        }
    }
    Ok(())
}

async fn store(
    storage: &dyn object_store::ObjectStore,
    id: i64,
    n: u32,
    d: &Doc,
    consultation: &str,
    note: Option<&str>,
) -> anyhow::Result<NewFile> {
    let (bytes, kind) = match d.body {
        Body::Pdf(lines) => (pdf(d.title, consultation, lines, note), FileType::Pdf),
        Body::Png(p) => (png(PNG_WIDTH, PNG_HEIGHT, |x, y| p.pixel(x, y)), FileType::Png),
    };
    let key = format!("documents/{id}/demo-{n}.{}", kind.extension());
    let size = i64::try_from(bytes.len())?;
    object_store::ObjectStoreExt::put(storage, &object_store::path::Path::from(key.as_str()), bytes.into()).await?;
    let stem = agora_domain::consultation::slugify(d.title);
    let filename = if note.is_some() {
        format!("{stem}-wersja-2.{}", kind.extension())
    } else {
        format!("{stem}.{}", kind.extension())
    };
    Ok(NewFile { filename, content_type: kind.mime().into(), size_bytes: size, storage_key: key })
}

// ---- PDF ----

/// Characters outside WinAnsi that Polish needs, given codes 0xC0.. through the font's
/// encoding differences; ó and Ó are in WinAnsi already.
const PDF_EXTRA: [(char, &str); 16] = [
    ('ą', "aogonek"),
    ('ć', "cacute"),
    ('ę', "eogonek"),
    ('ł', "lslash"),
    ('ń', "nacute"),
    ('ś', "sacute"),
    ('ź', "zacute"),
    ('ż', "zdotaccent"),
    ('Ą', "Aogonek"),
    ('Ć', "Cacute"),
    ('Ę', "Eogonek"),
    ('Ł', "Lslash"),
    ('Ń', "Nacute"),
    ('Ś', "Sacute"),
    ('Ź', "Zacute"),
    ('Ż', "Zdotaccent"),
];
const PDF_EXTRA_BASE: u8 = 0xC0;

/// The byte a character is shown with; `None` when the font cannot show it.
fn pdf_byte(c: char) -> Option<u8> {
    if let Some(i) = PDF_EXTRA.iter().position(|(p, _)| *p == c) {
        return u8::try_from(i).ok().map(|i| PDF_EXTRA_BASE + i);
    }
    match c {
        ' '..='~' => u8::try_from(c).ok(),
        'ó' => Some(0xF3),
        'Ó' => Some(0xD3),
        '§' => Some(0xA7),
        '„' => Some(0x84),
        '”' => Some(0x94),
        '–' => Some(0x96),
        '—' => Some(0x97),
        '«' => Some(0xAB),
        '»' => Some(0xBB),
        _ => None,
    }
}

/// A PDF string literal; what the font cannot show becomes `?`.
fn pdf_string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let b = pdf_byte(c).unwrap_or(b'?');
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// Splits text into lines that fit the page at 11 points.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().map(|l| l.chars().count()).unwrap_or(0);
        if last > 0 && last + 1 + word.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines
}

/// A one-page A4 PDF 1.4 with a heading and body lines in Helvetica.
pub(crate) fn pdf(title: &str, consultation: &str, lines: &[&str], note: Option<&str>) -> Vec<u8> {
    let mut content = b"BT\n/F1 16 Tf 22 TL\n56 780 Td\n".to_vec();
    let show = |text: &str, content: &mut Vec<u8>| {
        content.extend(pdf_string(text));
        content.extend(b" Tj T*\n");
    };
    for l in wrap(title, 60) {
        show(&l, &mut content);
    }
    content.extend(b"/F1 11 Tf 15 TL\n");
    for l in wrap(consultation, 85) {
        show(&l, &mut content);
    }
    show("", &mut content);
    for text in lines.iter().copied().chain(note) {
        for l in wrap(text, 85) {
            show(&l, &mut content);
        }
    }
    content.extend(b"ET\nBT\n/F1 8 Tf\n56 40 Td\n");
    content.extend(pdf_string("Agora — dane demonstracyjne"));
    content.extend(b" Tj\nET\n");

    let differences: Vec<String> = PDF_EXTRA.iter().map(|(_, name)| format!("/{name}")).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 5 0 R >>".to_vec(),
        format!("<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [{PDF_EXTRA_BASE} {}] >>", differences.join(" ")).into_bytes(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(&content);
    stream.extend(b"\nendstream");
    objects.push(stream);

    // The second line's high bytes tell transfer tools the file is binary.
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

// ---- PNG ----

const PNG_WIDTH: u32 = 160;
const PNG_HEIGHT: u32 = 100;

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A zlib stream of stored (uncompressed) blocks, which needs no compressor.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(usize::from(u16::MAX)).peekable();
    if blocks.peek().is_none() {
        out.extend([1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(block);
    }
    out.extend(adler32(data).to_be_bytes());
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// An 8-bit RGB PNG drawn by `pixel`.
pub(crate) fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.extend(pixel(x, y));
        }
    }
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    png_chunk(&mut out, b"IEND", &[]);
    out
}

impl Picture {
    /// A plan-like drawing: paper, a street grid and the feature the document is about.
    fn pixel(self, x: u32, y: u32) -> [u8; 3] {
        const PAPER: [u8; 3] = [244, 240, 230];
        const GRID: [u8; 3] = [225, 219, 206];
        const ROAD: [u8; 3] = [160, 160, 165];
        const GREEN: [u8; 3] = [122, 178, 108];
        const WATER: [u8; 3] = [112, 160, 214];
        const RED: [u8; 3] = [204, 52, 48];
        const YELLOW: [u8; 3] = [236, 200, 92];
        let (w, h) = (PNG_WIDTH, PNG_HEIGHT);
        let main_road = y.abs_diff(h / 2) <= 4;
        let cross_road = x.abs_diff(w / 3) <= 3 || x.abs_diff(w * 3 / 4) <= 3;
        let dot = |cx: u32, cy: u32, r: u32| cx.abs_diff(x).pow(2) + cy.abs_diff(y).pow(2) <= r * r;
        let feature = match self {
            Picture::Street => {
                if y > h * 4 / 5 {
                    Some(WATER)
                } else if dot(28, 22, 18) || (y.abs_diff(h / 2 - 8) <= 1 && x % 12 < 4) {
                    Some(GREEN)
                } else {
                    None
                }
            }
            Picture::Route => ((y.abs_diff(h / 2 - 7) <= 1 && x >= w / 3)
                || (x.abs_diff(w / 3 + 6) <= 1 && y <= h / 2))
                .then_some(RED),
            Picture::Zoning => match (x * 4 / w, y * 3 / h) {
                (0, _) | (_, 0) if !main_road && !cross_road => Some(YELLOW),
                (3, 2) => Some(GREEN),
                _ => None,
            },
            Picture::Trees => {
                (dot(x / 16 * 16 + 8, h / 2 - 9, 3) || dot(x / 16 * 16 + 8, h / 2 + 9, 3)).then_some(GREEN)
            }
        };
        match feature {
            Some(c) => c,
            None if main_road || cross_road => ROAD,
            None if x.is_multiple_of(20) || y.is_multiple_of(20) => GRID,
            None => PAPER,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agora_domain::document::sniff;

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    #[test]
    fn pdf_is_well_formed() {
        let bytes = pdf("Projekt — żółć", "Regulamin (test)", &["§ 1. Zażółć gęślą jaźń."], Some("Wersja 2"));
        assert_eq!(sniff(&bytes), Some(FileType::Pdf));
        let text = String::from_utf8_lossy(&bytes);
        let tail = text.rsplit("startxref\n").next().unwrap_or_default();
        let xref: usize = tail.lines().next().and_then(|l| l.parse().ok()).expect("startxref");
        assert!(bytes[xref..].starts_with(b"xref\n0 7\n"));
        let table = &text[text.find("xref\n").expect("xref") + "xref\n0 7\n".len()..];
        for (i, line) in table.split_inclusive('\n').take(7).enumerate() {
            assert_eq!(line.len(), 20, "xref entries are 20 bytes");
            if i > 0 {
                let offset: usize = line[..10].parse().expect("offset");
                assert!(bytes[offset..].starts_with(format!("{i} 0 obj\n").as_bytes()), "object {i}");
            }
        }
        let start = find(&bytes, b"stream\n").expect("stream") + "stream\n".len();
        let end = find(&bytes, b"\nendstream").expect("endstream");
        let declared = format!("/Length {} ", end - start);
        assert!(text.contains(&declared));
        assert!(bytes.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn pdf_text_is_escaped_and_encoded() {
        assert_eq!(pdf_string("a(b)\\"), b"(a\\(b\\)\\\\)".to_vec());
        assert_eq!(pdf_string("ąŻó"), vec![b'(', 0xC0, 0xCF, 0xF3, b')']);
    }

    #[test]
    fn every_document_line_can_be_shown() {
        for s in &SPECS {
            for d in s.docs {
                if let Body::Pdf(lines) = d.body {
                    for text in lines.iter().chain(d.revision.iter()).chain([&d.title, &s.title]) {
                        assert!(text.chars().all(|c| pdf_byte(c).is_some()), "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn survey_methods_lead_to_the_site_not_to_a_placeholder_address() {
        for s in &SPECS {
            for m in s.methods {
                if let Some(ch) = m.channel {
                    assert!(!ch.contains("example.org/"), "{}: {ch}", s.slug);
                }
            }
        }
        let podzamcze = SPECS.iter().find(|s| s.slug == "przebudowa-ulicy-podzamcze").expect("demo street");
        let survey = podzamcze.methods.iter().find(|m| m.kind == MethodKind::Survey).expect("its survey method");
        assert_eq!(survey.channel, Some("/ankiety/ankieta-podzamcze"));
    }

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn png_is_well_formed() {
        for p in [Picture::Street, Picture::Route, Picture::Zoning, Picture::Trees] {
            let bytes = png(PNG_WIDTH, PNG_HEIGHT, |x, y| p.pixel(x, y));
            assert_eq!(sniff(&bytes), Some(FileType::Png));
            let mut at = 8;
            let mut kinds = Vec::new();
            while at < bytes.len() {
                let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
                let body = &bytes[at + 4..at + 8 + len];
                let crc = u32::from_be_bytes(bytes[at + 8 + len..at + 12 + len].try_into().unwrap());
                assert_eq!(crc32(body), crc);
                kinds.push(body[..4].to_vec());
                at += 12 + len;
            }
            assert_eq!(kinds, vec![b"IHDR".to_vec(), b"IDAT".to_vec(), b"IEND".to_vec()]);
            assert!(bytes.ends_with(&[0xAE, 0x42, 0x60, 0x82]), "the IEND CRC is fixed");
        }
    }

    #[test]
    fn stored_blocks_split_large_data() {
        let data = vec![7u8; 70_000];
        let z = zlib_stored(&data);
        assert_eq!(z.len(), 2 + 5 + 65_535 + 5 + (70_000 - 65_535) + 4);
        assert_eq!(z[2], 0, "first block is not final");
        assert_eq!(z[2 + 5 + 65_535], 1, "second block is final");
    }

    #[test]
    fn specs_cover_every_status_with_krakow_timing() {
        let count = |st: Status| SPECS.iter().filter(|s| s.status == st).count();
        let wanted = [
            (Status::Draft, 1),
            (Status::Announced, 2),
            (Status::Open, 4),
            (Status::Closed, 2),
            (Status::ReportPublished, 3),
            (Status::Archived, 1),
            (Status::Cancelled, 1),
        ];
        for (st, n) in wanted {
            assert_eq!(count(st), n, "{st:?}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
        for s in &SPECS {
            let ok = match s.status {
                Status::Announced => (3..=20).contains(&s.opens),
                Status::Open => (-15..=-2).contains(&s.opens) && (5..=25).contains(&s.closes),
                Status::Closed => (-20..=-1).contains(&s.closes),
                Status::ReportPublished | Status::Archived => s.report < -30,
                Status::Draft | Status::Cancelled => true,
            };
            assert!(ok, "{} timing does not fit {:?}", s.slug, s.status);
            let input = s.input(today, "Wydział").expect("input");
            assert!((input.closes_at - input.opens_at).num_days() >= 21, "{}", s.slug);
            assert!(s.announce + 7 <= s.opens && s.closes < s.report, "{}", s.slug);
        }
    }

    #[test]
    fn specs_are_valid_and_complete() {
        let mut slugs: Vec<_> = SPECS.iter().map(|s| s.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), SPECS.len());
        let today = NaiveDate::from_ymd_opt(2026, 10, 25).expect("date");
        for s in &SPECS {
            assert!(
                s.slug.len() <= 80 && s.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                s.slug
            );
            assert!(s.summary.chars().count() <= 500 && s.title.chars().count() <= 200, "{}", s.slug);
            assert!(s.contact.1.ends_with("@example.org"));
            if s.status != Status::Draft {
                assert!((3..=6).contains(&s.schedule().len()), "{} schedule", s.slug);
                assert!((3..=5).contains(&s.methods.len()), "{} methods", s.slug);
                assert!((2..=6).contains(&s.events.len()), "{} events", s.slug);
                assert!(
                    s.methods.iter().any(|m| matches!(m.kind, MethodKind::OpenMeeting | MethodKind::Workshop)),
                    "{}",
                    s.slug
                );
            }
            for e in s.events {
                let new = e.to_new(today).expect("event");
                assert!(new.ends_at > new.starts_at, "{}", e.title);
                assert!(new.address.is_some() || new.online_url.is_some() || new.phone.is_some(), "{}", e.title);
                assert!(s.methods.iter().any(|m| m.kind == e.kind), "{} has no method for {}", s.slug, e.title);
            }
        }
        let docs = SPECS.iter().filter(|s| !s.docs.is_empty()).count();
        assert!(docs >= 8);
        assert_eq!(SPECS.iter().flat_map(|s| s.docs).filter(|d| d.revision.is_some()).count(), 2);
        assert!(SPECS.iter().filter(|s| s.easy_read.is_some()).count() >= 4);
        assert_eq!(SPECS.iter().filter(|s| s.sign_language.is_some()).count(), 2);
    }
}
