## Shell
site-name = Agora
site-tagline = Miejskie Centrum Dialogu
skip-to-content = Przejdź do treści
nav-main = Menu główne
nav-language = Język
nav-footer = Informacje o serwisie
nav-home = Strona główna
nav-admin = Panel pracownika
nav-account = Moje konto
nav-sign-in = Zaloguj się
nav-sign-up = Załóż konto
nav-sign-out = Wyloguj się
footer-contact = Kontakt
footer-accessibility = Deklaracja dostępności
footer-note = Agora — konsultacje społeczne i dialog obywatelski. Każda uwaga dostaje odpowiedź miasta.
breadcrumbs = Ścieżka nawigacji
actions = Działania
edit = Edytuj
save = Zapisz
all = Wszystkie
filter = Filtruj
filters = Filtry
pager = Strony
pager-prev = Poprzednia strona
pager-next = Następna strona
pager-page = Strona
minutes = { $count ->
    [one] { $count } minutę
    [few] { $count } minuty
   *[many] { $count } minut
}

## Home
home-title = Strona główna
home-heading = Konsultacje społeczne w jednym miejscu
home-lead = Tu wydziały i jednostki miasta ogłaszają konsultacje, a mieszkańcy i organizacje zgłaszają uwagi — online lub na papierze. Każda uwaga dostaje uzasadnioną odpowiedź w opublikowanym raporcie.
home-how-heading = Jak to działa
home-how-1 = Miasto ogłasza konsultację: temat, terminy, spotkania i dokumenty.
home-how-2 = Zgłaszasz uwagi przez formularz, e-mailem, pocztą lub w punkcie konsultacyjnym.
home-how-3 = Po zakończeniu miasto publikuje raport z odpowiedzią na każdą uwagę.
home-districts-heading = Dzielnice
home-districts-count = { $count ->
    [one] Miasto ma { $count } dzielnicę.
    [few] Miasto ma { $count } dzielnice.
   *[many] Miasto ma { $count } dzielnic.
}

## Errors
error-go-home = Wróć na stronę główną
error-400-title = Nieprawidłowe żądanie
error-400-message = Nie udało się odczytać przesłanych danych. Wróć do formularza i spróbuj jeszcze raz.
error-403-title = Brak dostępu
error-403-message = Nie masz uprawnień do tej strony. Jeśli uważasz, że to pomyłka, skontaktuj się z administratorem.
error-404-title = Nie znaleziono strony
error-404-message = Strona, której szukasz, nie istnieje lub została przeniesiona.
error-405-title = Niedozwolona operacja
error-405-message = Tej strony nie można użyć w ten sposób.
error-413-title = Za dużo danych
error-413-message = Przesłany formularz jest zbyt duży. Skróć tekst lub zmniejsz załącznik.
error-429-title = Za wiele prób
error-429-message = Wykonano zbyt wiele prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.
error-500-title = Błąd serwisu
error-500-message = Coś poszło nie tak po naszej stronie. Twoje dane nie zostały utracone — spróbuj ponownie za chwilę.
error-csrf-title = Formularz wygasł
error-csrf-message = Ze względów bezpieczeństwa nie przyjęliśmy tego formularza. Wróć, odśwież stronę i wyślij go ponownie.
form-has-errors = Popraw błędy w formularzu
error-required = To pole jest wymagane.
error-too-short = { $limit ->
    [one] Wpisz co najmniej { $limit } znak.
    [few] Wpisz co najmniej { $limit } znaki.
   *[many] Wpisz co najmniej { $limit } znaków.
}
error-too-long = { $limit ->
    [one] Wpisz najwyżej { $limit } znak.
    [few] Wpisz najwyżej { $limit } znaki.
   *[many] Wpisz najwyżej { $limit } znaków.
}
error-control-chars = Tekst zawiera niedozwolone znaki sterujące.
error-email-invalid = Wpisz adres e-mail w formacie nazwa@domena.pl.
error-password-too-short = { $limit ->
    [few] Hasło musi mieć co najmniej { $limit } znaki.
   *[many] Hasło musi mieć co najmniej { $limit } znaków.
}
error-password-mismatch = Hasła nie są takie same.
error-password-wrong = Hasło jest nieprawidłowe.
error-accept-required = Zaakceptuj regulamin i zasady przetwarzania danych, aby założyć konto.
error-choice-invalid = Wybierz jedną z dostępnych opcji.
error-code-invalid = Kod może zawierać tylko wielkie litery, cyfry i myślnik.
error-code-taken = Ten kod ma już inna jednostka.
error-number-taken = Dzielnica o tym numerze już istnieje.
error-name-taken = Pozycja o tej nazwie już istnieje.
error-district-number-invalid = Numer dzielnicy musi być liczbą od 1 do 99.
error-no-such-account = Nie ma konta z tym adresem e-mail.
error-scope-mismatch = Wybierz zakres pasujący do roli: jednostkę dla organizatora, dzielnicę dla redaktora dzielnicy, ciało dialogu dla sekretarza. Moderator i administrator nie mają zakresu.
error-role-held = Ta osoba ma już tę rolę.
error-date-invalid = Wpisz datę w formacie RRRR-MM-DD.
error-delete-confirm-required = Potwierdź, że chcesz usunąć konto.
error-revoke-own-admin = Nie możesz odebrać sobie roli administratora. Poproś o to innego administratora.

## Accounts
field-display-name = Imię i nazwisko lub nazwa
field-display-name-hint = Tak będziesz podpisany(-a) w serwisie.
field-email = Adres e-mail
field-password = Hasło
field-password-hint = Co najmniej { $min } znaków. Najlepiej kilka słów.
field-password-repeat = Powtórz hasło
field-current-password = Obecne hasło
field-new-password = Nowe hasło
field-new-email = Nowy adres e-mail
field-locale = Język serwisu
field-accept = Akceptuję regulamin serwisu i zasady przetwarzania danych osobowych.
field-delete-confirm = Rozumiem, że usunięcia konta nie można cofnąć.
sign-up-title = Załóż konto
sign-up-lead = Konto pozwala śledzić swoje uwagi i odpowiedzi miasta. Do udziału w konsultacjach konto nie zawsze jest potrzebne.
sign-up-privacy = Zbieramy tylko to, co niezbędne: nazwę, adres e-mail i skrót hasła. Nie prosimy o PESEL.
sign-up-submit = Załóż konto
sign-up-have-account = Masz już konto?
sign-up-sent-title = Sprawdź skrzynkę pocztową
sign-up-sent-message = Wysłaliśmy wiadomość na adres { $email }. Kliknij link w wiadomości, aby potwierdzić adres i dokończyć zakładanie konta. Link jest ważny 48 godzin.
confirm-done-title = Adres potwierdzony
confirm-done-message = Dziękujemy. Twój adres e-mail został potwierdzony — możesz się zalogować.
token-problem-title = Link nie działa
token-unknown = Ten link jest nieprawidłowy. Sprawdź, czy skopiowano go w całości.
token-expired = Ten link wygasł. Poproś o nowy.
token-used = Ten link został już użyty. Jeśli to nie Ty, zmień hasło.
sign-in-title = Logowanie
sign-in-submit = Zaloguj się
sign-in-forgot = Nie pamiętasz hasła?
sign-in-no-account = Nie masz konta? Załóż je
sign-in-failed = Nieprawidłowy adres e-mail lub hasło.
sign-in-unconfirmed = Najpierw potwierdź adres e-mail. Wysłaliśmy nowy link aktywacyjny.
sign-in-throttled = Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za { $wait } albo ustaw nowe hasło.
forgot-title = Nie pamiętasz hasła?
forgot-lead = Podaj adres e-mail konta. Wyślemy link do ustawienia nowego hasła.
forgot-submit = Wyślij link
forgot-sent-title = Sprawdź skrzynkę pocztową
forgot-sent-message = Jeśli konto z adresem { $email } istnieje, wysłaliśmy na nie link do ustawienia nowego hasła. Link jest ważny 2 godziny.
reset-title = Ustaw nowe hasło
reset-submit = Zapisz nowe hasło
reset-done-title = Hasło zmienione
reset-done-message = Nowe hasło zostało zapisane, a wszystkie dotychczasowe sesje zakończone. Możesz się zalogować.
settings-title = Moje konto
settings-signed-in-as = Jesteś zalogowany(-a) jako { $email }.
settings-roles = Twoje role
settings-profile = Dane i język
settings-password = Zmiana hasła
settings-password-submit = Zmień hasło
settings-email = Zmiana adresu e-mail
settings-email-lead = Na nowy adres wyślemy link. Adres zmieni się dopiero po jego kliknięciu.
settings-email-submit = Wyślij link na nowy adres
settings-delete = Usunięcie konta
settings-delete-lead = Usuniemy Twoje konto i dane osobowe. Zgłoszone uwagi pozostaną w raportach bez Twojego nazwiska.
settings-delete-submit = Usuń konto na zawsze
flash-profile-saved = Zapisano zmiany.
flash-password-changed = Hasło zostało zmienione. Inne sesje zostały zakończone.
flash-email-sent = Wysłaliśmy link na nowy adres. Kliknij go, aby dokończyć zmianę.
flash-saved = Zapisano zmiany.
flash-role-granted = Nadano rolę.
flash-role-revoked = Odebrano rolę.
email-changed-title = Adres zmieniony
email-changed-message = Twój adres e-mail to teraz { $email }.
email-change-taken = Tego adresu nie można użyć. Wybierz inny.
account-deleted-title = Konto usunięte
account-deleted-message = Twoje konto i dane osobowe zostały usunięte. Dziękujemy za udział w dialogu.
deleted-account = usunięte konto

## Mail
mail-confirm-subject = Potwierdź adres e-mail w serwisie Agora
mail-confirm-body = Dzień dobry, { $name }!

    Aby potwierdzić adres e-mail i dokończyć zakładanie konta, otwórz link:
    { $link }

    Link jest ważny 48 godzin. Jeśli to nie Ty zakładałeś(-aś) konto, zignoruj tę wiadomość.
mail-exists-subject = Próba założenia konta w serwisie Agora
mail-exists-body = Dzień dobry!

    Ktoś próbował założyć konto z tym adresem e-mail, ale konto już istnieje.
    Jeśli to Ty i nie pamiętasz hasła, ustaw nowe tutaj:
    { $link }

    Jeśli to nie Ty, zignoruj tę wiadomość.
mail-reset-subject = Nowe hasło w serwisie Agora
mail-reset-body = Dzień dobry!

    Aby ustawić nowe hasło, otwórz link:
    { $link }

    Link jest ważny 2 godziny. Jeśli nie prosiłeś(-aś) o zmianę hasła, zignoruj tę wiadomość.
mail-password-changed-subject = Hasło zostało zmienione
mail-password-changed-body = Dzień dobry!

    Hasło do Twojego konta w serwisie Agora zostało właśnie zmienione. Jeśli to nie Ty, od razu ustaw nowe hasło przez „Nie pamiętasz hasła?” na stronie logowania.
mail-change-email-subject = Potwierdź nowy adres e-mail
mail-change-email-body = Dzień dobry!

    Aby ten adres stał się adresem Twojego konta w serwisie Agora, otwórz link:
    { $link }

    Link jest ważny 48 godzin.
mail-change-email-old-subject = Prośba o zmianę adresu e-mail
mail-change-email-old-body = Dzień dobry!

    Poproszono o zmianę adresu e-mail Twojego konta na { $email }. Jeśli to nie Ty, zmień hasło.

## Roles
role-resident = Mieszkaniec
role-organiser = Organizator (jednostka)
role-district_editor = Redaktor dzielnicy
role-body_secretary = Sekretarz ciała dialogu
role-moderator = Moderator
role-administrator = Administrator

## Administration
admin-title = Panel pracownika
admin-mine = Twoje zakresy
admin-administration = Administracja
admin-nothing = Nie masz jeszcze żadnych zadań w panelu.
admin-units = Jednostki (wydziały)
admin-districts = Dzielnice
nav-bodies = Ciała dialogu
bodies-title = Ciała dialogu obywatelskiego
bodies-lead = Komisje, rady i zespoły, w których mieszkańcy i organizacje doradzają miastu i opiniują jego decyzje.
bodies-filter-kind = Rodzaj
bodies-filter-theme = Temat
bodies-count = { $count ->
    [one] { $count } ciało dialogu
    [few] { $count } ciała dialogu
   *[many] { $count } ciał dialogu
}
bodies-empty = Żadne ciało dialogu nie pasuje do wybranych filtrów. Zmień filtry, aby zobaczyć więcej.
bodies-members-count = { $count ->
    [one] { $count } osoba w obecnym składzie
    [few] { $count } osoby w obecnym składzie
   *[many] { $count } osób w obecnym składzie
}
bodies-kind-kdo = Komisja Dialogu Obywatelskiego
bodies-kind-public_benefit_council = Rada Działalności Pożytku Publicznego
bodies-kind-youth_council = Rada młodzieżowa
bodies-kind-seniors_council = Rada seniorów
bodies-kind-district_body = Ciało dzielnicowe
bodies-kind-working_group = Zespół roboczy
bodies-kind-other = Inne ciało doradcze
bodies-role-chair = Przewodniczący(-a)
bodies-role-vice_chair = Wiceprzewodniczący(-a)
bodies-role-secretary = Sekretarz
bodies-role-member = Członek(-ini)
bodies-role-observer = Obserwator(-ka)
bodies-about = O ciele dialogu
bodies-details = Informacje
bodies-legal-basis = Podstawa prawna
bodies-units = Wydziały, przy których działa
bodies-themes = Tematy
bodies-contact = Kontakt
bodies-statute = Regulamin
bodies-statute-link = Otwórz regulamin
bodies-current-term = Obecna kadencja
bodies-no-current-term = Ciało nie ma obecnie trwającej kadencji.
bodies-members = Obecny skład
bodies-members-none = Ciało nie ma obecnie członków.
bodies-former-members = Byli członkowie
bodies-col-name = Imię i nazwisko
bodies-col-role = Funkcja
bodies-col-organisation = Organizacja
bodies-col-vote = Głos
bodies-col-term = Kadencja
bodies-col-period = Okres członkostwa
bodies-col-actions = Działania
bodies-voting-yes = z prawem głosu
bodies-voting-no = bez prawa głosu
bodies-open-ended = bezterminowo
home-bodies-heading = Dialog obywatelski
home-bodies-text = Komisje dialogu, rady i zespoły robocze doradzają miastu między konsultacjami. Sprawdź, kto w nich zasiada i czym się zajmują.
home-bodies-link = Zobacz ciała dialogu obywatelskiego
bodies-admin-new = Nowe ciało dialogu
bodies-admin-list-empty = Nie ma jeszcze żadnego ciała dialogu.
bodies-sections = Części strony ciała dialogu
bodies-tab-data = Dane
bodies-tab-members = Członkowie i kadencje
bodies-tab-public = Strona publiczna
bodies-section-identity = Nazwa i rodzaj
bodies-section-about = Opis i kontakt
bodies-section-links = Wydziały i tematy
bodies-slug-hint = Część adresu po /ciala-dialogu/. Zostaw puste, a utworzymy ją z nazwy.
bodies-field-legal-basis = Podstawa prawna (opcjonalnie)
bodies-field-legal-basis-hint = Np. „art. 5b ustawy o samorządzie gminnym” i uchwała Rady Miasta, która powołała ciało.
bodies-field-about = O ciele dialogu (opcjonalnie)
bodies-field-contact = Kontakt (opcjonalnie)
bodies-field-statute = Link do regulaminu (opcjonalnie)
bodies-field-statute-hint = Pełny adres zaczynający się od https://
bodies-field-units = Wydziały, przy których działa (opcjonalnie)
bodies-field-categories = Tematy (opcjonalnie)
bodies-identity-locked = Nazwę, adres, rodzaj, podstawę prawną, wydziały i tematy zmienia administrator. Możesz zmienić opis, kontakt i regulamin.
bodies-terms = Kadencje
bodies-terms-none = Nie dodano jeszcze żadnej kadencji.
bodies-term-add = Dodaj kadencję
bodies-field-term-name = Nazwa kadencji
bodies-field-term-name-hint = Np. 2024–2028.
bodies-field-term-starts-on = Początek kadencji
bodies-field-term-ends-on = Koniec kadencji
bodies-date-hint = W formacie RRRR-MM-DD.
bodies-memberships-all = Wszystkie członkostwa
bodies-memberships-none = Nie dodano jeszcze żadnego członkostwa.
bodies-membership-add = Dodaj członkostwo
bodies-membership-add-hint = Członkostwa się nie usuwa: po jego zakończeniu osoba zostaje w historii ciała jako były członek.
bodies-field-email = Adres e-mail konta w serwisie (opcjonalnie)
bodies-field-email-hint = Gdy osoba ma konto, połączymy z nim członkostwo.
bodies-field-voting = Ma prawo głosu
bodies-field-organisation = Organizacja, którą reprezentuje (opcjonalnie)
bodies-field-term = Kadencja (opcjonalnie)
bodies-term-none = Bez kadencji
bodies-field-starts-on = Początek członkostwa
bodies-field-ends-on = Koniec członkostwa (opcjonalnie)
bodies-field-ends-on-hint = Ostatni dzień członkostwa, w formacie RRRR-MM-DD. Zostaw puste, gdy nie jest znany.
bodies-membership-end = Zakończ
bodies-membership-end-named = Zakończ członkostwo: { $name }
bodies-end-title = Zakończenie członkostwa
bodies-end-hint = Ostatni dzień, w którym osoba zasiada w ciele, w formacie RRRR-MM-DD. Członkostwo zostaje w historii ciała.
bodies-field-last-day = Ostatni dzień członkostwa
bodies-ended = zakończone
flash-body-created = Utworzono ciało dialogu.
flash-membership-added = Dodano członkostwo.
flash-membership-ended = Zakończono członkostwo.
flash-term-added = Dodano kadencję.
error-membership-ends-before-start = Koniec członkostwa nie może być wcześniejszy niż jego początek.
error-membership-overlaps = Ta osoba pełni już tę funkcję w tym ciele w tym okresie.
error-term-ends-before-start = Kadencja musi się kończyć później, niż się zaczyna.
error-body-slug-taken = Ten adres ma już inne ciało dialogu. Wybierz inny.
admin-categories = Kategorie
admin-bodies = Ciała dialogu obywatelskiego
admin-roles = Role i uprawnienia
admin-audit = Dziennik zmian
admin-add = Dodaj nową pozycję
admin-add-submit = Dodaj
admin-count = { $count ->
    [one] { $count } pozycja
    [few] { $count } pozycje
   *[many] { $count } pozycji
}
admin-jobs-pending = { $count ->
    [one] { $count } zadanie w kolejce.
    [few] { $count } zadania w kolejce.
   *[many] { $count } zadań w kolejce.
}
admin-jobs-failed = { $count ->
    [one] { $count } zadanie nieudane.
    [few] { $count } zadania nieudane.
   *[many] { $count } zadań nieudanych.
}
field-unit-code = Kod jednostki
field-unit-code-hint = Skrót, np. ZTP lub WS.
field-name = Nazwa
field-name-pl = Nazwa po polsku
field-name-en = Nazwa po angielsku
field-name-en-hint = Opcjonalnie; gdy puste, pokazujemy nazwę polską.
field-contact = Kontakt
field-contact-hint = Adres e-mail lub telefon podawany mieszkańcom.
field-district-number = Numer dzielnicy
field-role = Rola
field-scope = Zakres
field-scope-hint = Jednostka, dzielnica lub ciało dialogu, którego dotyczy rola.
field-scope-none = Bez zakresu
roles-grant = Nadaj rolę
roles-grant-submit = Nadaj rolę
roles-current = Nadane role
roles-col-who = Osoba
roles-revoke = Odbierz
audit-filter-actor = Kto (adres e-mail)
audit-filter-action = Działanie
audit-filter-action-hint = Początek nazwy, np. unit.
audit-filter-entity = Obiekt
audit-filter-from = Od dnia
audit-filter-until = Do dnia
audit-download-csv = Pobierz jako CSV (średniki, dla Excela po polsku)
audit-col-time = Kiedy
audit-col-actor = Kto
audit-col-action = Działanie
audit-col-entity = Obiekt
audit-col-details = Szczegóły
audit-count = { $count ->
    [one] { $count } wpis
    [few] { $count } wpisy
   *[many] { $count } wpisów
}

## Pages
page-updated = Ostatnia aktualizacja:
page-edit = Edytuj stronę
page-view = Zobacz stronę
field-title = Tytuł
field-body = Treść
field-markdown-hint = Formatowanie Markdown: **pogrubienie**, listy z „-”, nagłówki z „##”.
a11y-default-title = Deklaracja dostępności
a11y-default-body = Miasto zobowiązuje się zapewnić dostępność serwisu Agora zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.

    ## Status pod względem zgodności z ustawą

    Serwis jest częściowo zgodny z ustawą z powodu ograniczeń wymienionych niżej.

    ## Jak sprawdzamy dostępność

    Stan na 30 listopada 2026 r. Przy każdej zmianie serwisu testy w przeglądarce Chromium sprawdzają:

    - każdy rodzaj strony (strona główna, lista konsultacji z filtrami, konsultacja na każdym etapie, formularz uwag pusty i z błędami, lista uwag, raport, kalendarz, konto, wnioski o dostępność i strony pracowników) narzędziem axe-core według kryteriów WCAG 2.1 na poziomach A i AA, po polsku i po angielsku, na ekranie szerokim na 1280 i na 320 pikseli; wynik: zero naruszeń;
    - czy na ekranie szerokim na 320 pikseli nic nie wymaga przewijania w poziomie;
    - obsługę wyłącznie klawiaturą: założenie i potwierdzenie konta, zgłoszenie uwagi (najpierw z błędami) i odpowiedź organizatora na uwagę; test sprawdza kolejność przechodzenia klawiszem Tab, widoczne zaznaczenie aktywnego elementu, podsumowanie błędów z odnośnikami do pól i brak pułapek klawiaturowych.

    Strony działają bez JavaScriptu. Formularze pokazują błędy przy polach i w podsumowaniu na początku formularza.

    ## Znane ograniczenia

    - Testy automatyczne nie zastępują badania z udziałem osób z niepełnosprawnościami ani sprawdzenia z czytnikiem ekranu; takie badanie jest zaplanowane.
    - Dokumenty i załączniki dodawane przez organizatorów (PDF, DOCX, skany) mogą być niedostępne. Na wniosek przygotujemy ich dostępną wersję.
    - Streszczenie w tekście łatwym do czytania i film w polskim języku migowym mają tylko niektóre konsultacje.
    - Wykresy wyników ankiet mają obok tabele z danymi; same wykresy nie są interaktywne.
    - Uwagi i pliki przesłane przez mieszkańców publikujemy w takiej formie, w jakiej wpłynęły.

    ## Przygotowanie deklaracji

    Deklarację sporządzono 30 listopada 2026 r. na podstawie samooceny i wyników opisanych testów. Administrator serwisu aktualizuje ją w panelu pracownika.

    ## Informacje zwrotne i dane kontaktowe

    Jeśli zauważysz problem z dostępnością albo potrzebujesz strony lub dokumentu w innej formie, złóż [wniosek o zapewnienie dostępności](/deklaracja-dostepnosci/wniosek) albo napisz na adres podany na dole strony.

    ## Procedura wnioskowo-skargowa

    Każdy ma prawo zażądać zapewnienia dostępności cyfrowej strony, jej elementu albo dokumentu albo zapewnienia dostępu alternatywnego, na przykład przez odczytanie dokumentu lub opisanie zawartości filmu. Żądanie powinno zawierać dane kontaktowe, wskazanie strony lub dokumentu i sposób, w jaki mamy udostępnić informację.

    Zrealizujemy żądanie niezwłocznie, nie później niż w ciągu 7 dni. Jeśli nie będzie to możliwe, powiadomimy o tym i podamy nowy termin, nie dłuższy niż 2 miesiące, albo zaproponujemy dostęp alternatywny.

    Jeśli odmówimy albo nie dotrzymamy terminu, możesz złożyć skargę do miasta. Po wyczerpaniu tej procedury możesz złożyć wniosek do Rzecznika Praw Obywatelskich.

    ## Dostępność architektoniczna

    Opis dostępności budynków urzędu i punktów konsultacyjnych uzupełnia administrator serwisu.

## Dates
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
days-left = { $count ->
    [0] ostatni dzień
    [one] został { $count } dzień
    [few] zostały { $count } dni
   *[many] zostało { $count } dni
}
days-to-go = { $count ->
    [0] dzisiaj
    [one] za { $count } dzień
   *[other] za { $count } dni
}

## Consultations — public
nav-consultations = Konsultacje
nav-calendar = Kalendarz
catalogue-title = Konsultacje społeczne
catalogue-lead = Wszystkie konsultacje miasta w jednym miejscu. Wybierz dzielnicę lub temat, aby znaleźć to, co Cię dotyczy.
catalogue-tabs = Etap konsultacji
tab-open = Trwające
tab-planned = Planowane
tab-finished = Zakończone
filter-text = Szukaj
filter-district = Dzielnica
filter-category = Kategoria
filter-unit = Organizator
filter-year = Rok
filter-sort = Kolejność
all-districts = Wszystkie dzielnice
sort-default = Domyślna
sort-closing = Najbliższy termin zakończenia
sort-newest = Najnowsze
sort-title = Alfabetycznie
catalogue-count = { $count ->
    [one] { $count } konsultacja
    [few] { $count } konsultacje
   *[many] { $count } konsultacji
}
catalogue-empty = Nie znaleźliśmy konsultacji spełniających te warunki. Zmień filtry lub wybierz inną zakładkę.
feed-link = Kanał Atom z nowościami
feed-title = Konsultacje społeczne — nowości
feed-announced = Ogłoszono
feed-open = Rozpoczęto
feed-closed = Zakończono
feed-report_published = Opublikowano raport
scope-city = Całe miasto
scope-districts = Wybrane dzielnice
status-draft = Szkic
status-announced = Zapowiedziana
status-open = Trwa
status-closed = Zakończona
status-report_published = Raport opublikowany
status-archived = Archiwum
status-cancelled = Odwołana
banner-draft = Szkic widoczny tylko dla organizatorów. Planowany termin: { $opens } – { $closes }.
banner-announced = Rozpocznie się { $opens } ({ $togo }) i potrwa do { $closes }.
banner-open = Trwa do { $closes } — { $left }.
banner-closed = Zakończona { $closes }. Trwa analiza uwag i przygotowanie raportu.
banner-report = Zakończona { $closes }. Raport z konsultacji jest opublikowany.
banner-archived = Zakończona { $closes }. Konsultacja jest w archiwum.
banner-report-link = Przeczytaj raport z konsultacji
banner-cancelled = Konsultacja została odwołana.
consultation-manage = Zarządzaj konsultacją
consultation-easy-read = Tekst łatwy do czytania
consultation-pjm = Informacja w polskim języku migowym (PJM)
consultation-organiser = Organizator
consultation-dates = Termin
consultation-scope = Obszar
consultation-categories = Kategorie
consultation-subject = Przedmiot konsultacji
consultation-legal-basis = Podstawa prawna
consultation-languages = Języki materiałów
consultation-about = O konsultacji
consultation-take-part = Jak wziąć udział
consultation-take-part-open = Uwagi można zgłaszać na każdy z poniższych sposobów. Liczy się data wpływu.
consultation-take-part-closed = Zbieranie uwag nie trwa. Poniżej sposoby udziału przewidziane w tej konsultacji.
consultation-schedule = Harmonogram
consultation-events = Spotkania i dyżury
consultation-ics = Dodaj terminy do swojego kalendarza (iCalendar)
consultation-documents = Dokumenty
consultation-no-documents = Nie opublikowano jeszcze dokumentów.
consultation-contact = Kontakt
consultation-privacy = Informacja o przetwarzaniu danych osobowych
legal-basis-statutory = Konsultacje wymagane ustawą
legal-basis-optional = Konsultacje z inicjatywy miasta
language-pl = polski
language-en = angielski
language-uk = ukraiński
channel-where = Gdzie:
channel-until = Do:
schedule-now = teraz
event-past = odbyło się
event-place = Miejsce:
event-hours = Godziny otwarcia:
event-phone = Telefon:
event-online = Dołącz online
event-accessibility = Dostępność:
event-part-of = Konsultacja:
event-attendance = { $count ->
    [one] Wzięła udział { $count } osoba.
    [few] Wzięły udział { $count } osoby.
   *[many] Wzięło udział { $count } osób.
}
doc-version = wersja { $n }
doc-older = Poprzednie wersje
doc-kind-draft = projekt dokumentu
doc-kind-form = formularz uwag
doc-kind-presentation = prezentacja
doc-kind-schedule = harmonogram
doc-kind-results = wyniki
doc-kind-report = raport
doc-kind-other = inny
calendar-title = Kalendarz spotkań
calendar-lead = Nadchodzące spotkania, warsztaty, dyżury i punkty konsultacyjne wszystkich konsultacji oraz dyżury radnych dzielnic.
calendar-subscribe = Subskrybuj kalendarz (iCalendar)
calendar-empty = Brak zaplanowanych wydarzeń.
method-collecting_remarks = Zbieranie uwag
method-open_meeting = Spotkanie otwarte
method-workshop = Warsztaty
method-expert_duty = Dyżur ekspercki
method-consultation_point = Punkt konsultacyjny
method-survey = Ankieta
method-map_survey = Geoankieta
method-study_walk = Spacer studyjny
method-public_hearing = Wysłuchanie publiczne
method-online_discussion = Dyskusja online
method-street_poll = Sonda uliczna
method-interview = Wywiad
method-focus_group = Grupa fokusowa
method-other = Inna forma

## Consultations — organisers
organiser-title = Konsultacje
organiser-new = Nowa konsultacja
organiser-col-status = Etap
organiser-col-unit = Jednostka
organiser-sections = Części konsultacji
organiser-tab-data = Dane
organiser-tab-programme = Harmonogram, formy, spotkania
organiser-tab-documents = Dokumenty
organiser-tab-public = Strona publiczna
organiser-status = Etap
organiser-status-final = To etap końcowy.
organiser-basic = Podstawowe informacje
organiser-legal = Podstawa prawna
organiser-who-where = Kto i gdzie
organiser-personal-data = Dane osobowe w uwagach
organiser-personal-data-hint = Zbieraj tylko niezbędne dane. Nigdy nie prosimy o PESEL; telefon i e-mail są domyślnie nieobowiązkowe.
transition-announced = Ogłoś
transition-open = Otwórz zbieranie uwag
transition-closed = Zakończ zbieranie uwag
transition-report_published = Opublikuj raport
transition-archived = Przenieś do archiwum
transition-cancelled = Odwołaj
transition-draft = Wycofaj do szkicu
field-slug = Adres strony
field-slug-hint = Część adresu po /konsultacje/. Zostaw puste, a utworzymy ją z tytułu.
field-summary = Streszczenie
field-summary-hint = Jeden lub dwa zdania widoczne na liście konsultacji.
field-description = Opis
field-subject = Przedmiot konsultacji
field-subject-hint = Np. projekt uchwały, koncepcja przebudowy ulicy.
field-enabling-act = Akt wprowadzający
field-enabling-act-hint = Uchwała lub zarządzenie, np. „Zarządzenie nr 1234/2026 Prezydenta Miasta Krakowa”. Wymagane przy konsultacjach ustawowych.
field-co-units = Współorganizatorzy
field-districts = Dzielnice, których dotyczy
field-opens-at = Początek zbierania uwag
field-closes-at = Koniec zbierania uwag
field-local-time-hint = Czas polski (Europe/Warsaw).
field-contact-name = Osoba do kontaktu
field-phone = Telefon
field-require-email = Uwaga musi zawierać adres e-mail
field-require-address = Uwaga musi zawierać dzielnicę lub adres
field-allow-anonymous = Można zgłaszać uwagi anonimowo
field-privacy-notice = Klauzula informacyjna RODO
field-easy-read = Streszczenie w tekście łatwym do czytania
field-easy-read-hint = Krótkie zdania, proste słowa, jedna myśl w zdaniu.
field-pjm-url = Film w polskim języku migowym
field-pjm-url-hint = Adres zaczynający się od https://
privacy-default = Administratorem danych osobowych jest Prezydent Miasta. Dane przetwarzamy wyłącznie w celu przeprowadzenia konsultacji i przygotowania raportu (art. 6 ust. 1 lit. e RODO). W raporcie publicznym nie podajemy nazwisk osób prywatnych.
field-starts-on = Od dnia
field-ends-on = Do dnia (opcjonalnie)
field-starts-at = Początek
field-ends-at = Koniec
field-address = Adres
field-room = Sala
field-online-url = Link do spotkania online
field-opening-hours = Godziny otwarcia
field-accessibility = Informacje o dostępności
field-method-kind = Forma
field-channel-address = Gdzie zgłaszać (adres, e-mail, link)
field-deadline = Termin (jeśli inny niż koniec konsultacji)
field-attendance = Liczba uczestników
programme-methods = Formy konsultacji
programme-add-step = Dodaj etap harmonogramu
programme-add-method = Dodaj formę konsultacji
programme-add-event = Dodaj spotkanie, dyżur lub punkt
programme-none = Jeszcze nic nie dodano.
remove = Usuń
doc-add = Dodaj dokument
doc-add-hint = PDF, DOCX, ODT, XLSX, ODS lub obraz (PNG, JPG, WebP), najwyżej { $mb } MB. Typ sprawdzamy po zawartości pliku.
doc-upload = Wyślij dokument
doc-new-version = Nowa wersja pliku
doc-upload-version = Dodaj wersję
field-doc-kind = Rodzaj dokumentu
field-file = Plik
flash-status-changed = Zmieniono etap konsultacji.
flash-uploaded = Dokument został dodany.
rules-title = Zasady konsultacji
rules-lead = Reguły uchwały o konsultacjach, sprawdzane przy publikacji. Domyślnie obowiązują zasady Krakowa (uchwała CXI/2904/18).
rules-broken = Ta konsultacja nie spełnia zasad
rules-refused = Zasady nie pozwalają opublikować konsultacji, która ich nie spełnia. Popraw terminy lub formy konsultacji.
rules-justify = Możesz opublikować konsultację mimo to, podając uzasadnienie. Zostanie ono zapisane w dzienniku zmian.
rules-fix-programme = Popraw formy konsultacji
rules-fix-dates = Popraw terminy
rule-too-short = Konsultacja trwa { $days } dni, a zasady wymagają co najmniej { $min } dni.
rule-notice-too-short = Od ogłoszenia do rozpoczęcia zostaje { $days } dni, a zasady wymagają co najmniej { $min } dni akcji informacyjnej.
rule-too-few-methods = Konsultacja ma { $count } form, a zasady wymagają co najmniej { $min }.
rule-missing-method = Wśród form konsultacji musi być co najmniej jedna z: { $methods }.
field-justification = Uzasadnienie
field-justification-hint = Co najmniej 20 znaków.
field-min-open-days = Minimalny czas trwania (dni)
field-min-notice-days = Minimalny czas od ogłoszenia do rozpoczęcia (dni)
field-min-methods = Minimalna liczba form konsultacji
field-required-one-of = Wymagana co najmniej jedna z form
field-on-violation = Gdy konsultacja nie spełnia zasad
on-violation-justify = Wymagaj uzasadnienia
on-violation-refuse = Nie pozwalaj opublikować
admin-rules = Zasady konsultacji
error-409-title = Dane zmieniły się w międzyczasie
error-409-message = Ktoś inny zmienił te dane w międzyczasie. Odśwież stronę i spróbuj ponownie.
error-closes-before-opens = Koniec musi być później niż początek.
error-ends-before-starts = Koniec musi być później niż początek.
error-districts-required = Wybierz co najmniej jedną dzielnicę albo zaznacz całe miasto.
error-event-place-required = Podaj adres, link do spotkania online albo telefon.
error-file-too-big = Plik jest za duży. Największy dopuszczalny rozmiar to { $limit } MB.
error-file-type = Ten typ pliku nie jest dozwolony. Dodaj PDF, DOCX, ODT, XLSX, ODS lub obraz PNG, JPG albo WebP.
error-number-invalid = Wpisz liczbę z dozwolonego zakresu.
error-phone-invalid = Wpisz numer telefonu: cyfry, spacje, +, - i nawiasy.
error-slug-invalid = Adres może zawierać tylko małe litery bez polskich znaków, cyfry i myślniki (3–80 znaków).
error-slug-taken = Ten adres ma już inna konsultacja. Wybierz inny.
error-url-invalid = Wpisz pełny adres zaczynający się od https://
catalogue-results = Wyniki
home-open-heading = Trwające konsultacje
home-open-none = Teraz nie trwa żadna konsultacja. Zobacz zapowiedzi i zakończone konsultacje.
home-open-all = { $count ->
    [one] Zobacz { $count } trwającą konsultację
    [few] Zobacz wszystkie { $count } trwające konsultacje
   *[many] Zobacz wszystkie { $count } trwających konsultacji
}
home-planned-heading = Wkrótce
home-planned-all = Wszystkie zapowiedziane konsultacje

## Remarks
remarks-form-title = Zgłoś uwagi
remarks-form-lead = Uwagi przyjmujemy do { $closes }. Liczy się czas wpływu. Każda uwaga dostanie odpowiedź w raporcie z konsultacji.
remark-n = Uwaga { $n }
remark-number = Uwaga nr { $n }
remarks-add-block = Dodaj kolejną uwagę
field-section = Część dokumentu
field-section-none = Wybierz część dokumentu (opcjonalnie)
field-section-text = Której części dotyczy uwaga (własnymi słowami)
field-proposed-change = Proponowana zmiana
field-remark-justification = Uzasadnienie
identity-legend = Kto zgłasza uwagi
submitter-person = Osoba prywatna
submitter-organisation = Organizacja (np. stowarzyszenie, rada dzielnicy, firma)
submitter-anonymous = Anonimowo
field-submitter-name = Imię i nazwisko
field-organisation = Nazwa organizacji
field-district = Dzielnica
field-district-none = Wybierz dzielnicę (opcjonalnie)
field-attachment = Załącznik (opcjonalnie)
field-attachment-hint = Np. skan podpisanego formularza: PDF, DOCX, ODT lub obraz, najwyżej 10 MB.
remarks-submit = Wyślij uwagi
remarks-closed-title = Zbieranie uwag nie trwa
remarks-closed = Uwagi w tej konsultacji można zgłaszać tylko w czasie jej trwania. Termin: { $closes }.
remarks-back = Wróć do konsultacji
remarks-received-title = Dziękujemy, uwagi zostały przyjęte
remarks-received-receipt = Numer potwierdzenia: { $receipt }
remarks-received-lead = Twoje uwagi do konsultacji „{ $title }” zostały zapisane. Zachowaj numer potwierdzenia.
remarks-received-held = Uwagi zostaną pokazane publicznie po sprawdzeniu przez moderatora.
remarks-received-mail = Kopię wysłaliśmy na adres { $email }.
remarks-list-title = Zgłoszone uwagi
remarks-count = { $count ->
    [one] { $count } uwaga
    [few] { $count } uwagi
   *[many] { $count } uwag
}
remark-hidden = Uwaga ukryta przez moderatora. Powód: { $reason }
remark-answer = Stanowisko miasta
remark-col-number = Nr uwagi
remark-state-held = Czeka na moderację
remark-state-hidden = Ukryta przez moderatora
remark-state-waiting = Czeka na odpowiedź
private-person = Osoba prywatna nr { $n }
anonymous-person = Osoba anonimowa
moderation-log-title = Dziennik moderacji
moderation-log-lead = Każda decyzja moderatora jest tu zapisana wraz z powodem.
moderation-log-empty = Nie było jeszcze decyzji moderatora.
moderation-reason = Powód
moderation-approve = Zatwierdzono
moderation-hide = Ukryto
moderation-restore = Przywrócono
my-remarks-title = Moje uwagi
my-remarks-empty = Nie zgłaszałeś(-aś) jeszcze uwag jako zalogowana osoba.
channel-online = Formularz online
channel-email = E-mail
channel-post = Poczta
channel-in_person = Osobiście w urzędzie
channel-epuap = ePUAP
channel-consultation_point = Punkt konsultacyjny
channel-meeting = Spotkanie
channel-phone = Dyżur telefoniczny
channel-dialogue_body = Opinia ciała dialogu
decision-accepted = Uwzględniona
decision-partially_accepted = Uwzględniona częściowo
decision-rejected = Nieuwzględniona
decision-not_applicable = Nie dotyczy przedmiotu konsultacji
decision-withdrawn = Wycofana
mail-remark-subject = Potwierdzenie przyjęcia uwag { $receipt }
mail-remark-body = Dzień dobry!

    Przyjęliśmy Twoje uwagi do konsultacji „{ $title }”. Numer potwierdzenia: { $receipt }.

    { $remarks }

    Odpowiedź na każdą uwagę znajdzie się w raporcie z konsultacji:
    { $link }
error-remark-empty = Wpisz treść co najmniej jednej uwagi.
error-address-required = Ta konsultacja wymaga podania dzielnicy lub adresu.
error-anonymous-not-allowed = W tej konsultacji nie można zgłaszać uwag anonimowo.

## Answering remarks
organiser-tab-remarks = Uwagi i odpowiedzi
answering-progress = Postęp odpowiedzi
answering-progress-text = Odpowiedziano na { $answered }
answering-settings = Ustawienia przyjmowania uwag
answering-bulk = Odpowiedź wspólna dla zaznaczonych uwag
answering-bulk-hint = Zaznacz podobne uwagi na liście poniżej, a następnie nadaj im jedno stanowisko. Każda z nich zostanie wymieniona w raporcie z tą odpowiedzią.
answering-bulk-submit = Odpowiedz na zaznaczone
answering-save = Zapisz odpowiedź
answering-attachment = Załącznik
field-decision = Stanowisko
field-answer = Uzasadnienie stanowiska
field-group-title = Nazwa grupy podobnych uwag (opcjonalnie)
field-premoderation = Nowe uwagi czekają na zatwierdzenie przez moderatora
field-defect-days = Liczba dni na uzupełnienie braków formalnych
field-new-section = Nowa część dokumentu
field-new-section-hint = Np. „§ 3 ust. 2” albo „Rozdział II. Cele programu”. Mieszkańcy wybiorą ją w formularzu.
filter-unanswered = Tylko bez odpowiedzi
filter-channel = Kanał
filter-decision = Stanowisko
moderation-do-approve = Zatwierdź
moderation-do-hide = Ukryj
moderation-do-restore = Przywróć
moderation-state-published = Opublikowana
moderation-state-held = Czeka na moderację
moderation-state-hidden = Ukryta
formal-valid = Prawidłowa
formal-defective = Z brakami formalnymi
formal-late = Po terminie
intake-title = Wprowadź uwagi z innego kanału
intake-receipt = Wpływ
intake-submit = Zapisz uwagi
field-received-at = Data i godzina wpływu
field-formal-status = Ocena formalna
field-formal-status-hint = Uwagi, które wpłynęły po zakończeniu konsultacji, oznaczamy jako wniesione po terminie.
field-defect-reason = Opis braku formalnego
# The formal check of a submission, editable with its history.
formal-check-link = Ocena formalna
formal-check-title = Ocena formalna zgłoszenia { $receipt }
formal-check-current = Obecna ocena
formal-check-received = Data wpływu
formal-check-change = Zmień ocenę formalną
formal-check-submit = Zapisz ocenę formalną
formal-check-history = Historia oceny formalnej
formal-check-history-empty = Pracownicy nie oceniali jeszcze tego zgłoszenia. Zgłoszenia z formularza internetowego są przyjmowane jako prawidłowe.
formal-check-col-when = Kiedy
formal-check-col-who = Kto
formal-check-back = Wróć do listy uwag
field-defect-reason-hint = Wypełnij tylko przy brakach formalnych. Zobaczy to osoba, która wysłała uwagi, na swoim koncie.
field-correct-by = Termin uzupełnienia braków
field-correct-by-hint = Ostatni dzień na uzupełnienie braków, nie wcześniejszy niż data wpływu. Wypełnij tylko przy brakach formalnych.
field-correct-by-intake-hint = Tylko przy brakach formalnych. Zostaw puste, aby termin wynosił { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
} od daty wpływu (ustawienie konsultacji).
formal-defect-note = Braki formalne: { $reason }
formal-deadline-note = uzupełnić do { $date }
formal-late-note = Wpłynęła po zakończeniu zbierania uwag.
my-remark-defect = Twoje zgłoszenie ma braki formalne: { $reason }
my-remark-deadline = Uzupełnij do { $date }.
my-remark-late = Ta uwaga wpłynęła po terminie zbierania uwag.
error-correct-by-before-received = Termin uzupełnienia nie może być wcześniejszy niż data wpływu.
flash-formal-checked = Zapisano ocenę formalną.
flash-formal-unchanged = Ocena formalna się nie zmieniła — nic nie zapisano.
field-scan = Skan dokumentu (opcjonalnie)
flash-answered = Zapisano odpowiedź.
flash-moderated = Zapisano decyzję moderatora.
flash-intake = Uwagi zostały zapisane.
error-remarks-none-chosen = Zaznacz co najmniej jedną uwagę.

## Report
report-title = Raport z konsultacji
report-version = wersja { $n }
report-draft-banner = Podgląd roboczej wersji raportu — nie jest jeszcze opublikowany.
report-full-banner = Pełna wersja dla pracowników: zawiera dane osobowe. Nie publikuj jej.
report-download-csv = Pobierz zestawienie uwag (CSV, średniki — dla Excela po polsku)
report-introduction = Wprowadzenie
report-conclusions = Wnioski
report-events = Formy konsultacji i spotkania
report-counts = Uwagi w liczbach
report-by-channel = Według kanału
report-by-decision = Według stanowiska
report-by-district = Według dzielnicy
report-by-kind = Według rodzaju zgłaszającego
report-remarks = Zestawienie uwag ze stanowiskiem miasta
report-col-number = Nr
report-col-who = Zgłaszający
report-no-decision = Bez stanowiska
report-not-given = Nie podano
report-save = Zapisz wersję roboczą
report-publish = Opublikuj raport
report-publish-lead = Opublikowanie raportu zakończy konsultację etapem „Raport opublikowany” i powiadomi e-mailem osoby, które podały adres.
report-preview = Podgląd wersji publicznej
report-preview-full = Podgląd pełnej wersji
report-state-draft = wersja robocza
report-state-published = opublikowana
report-unanswered = Nie można opublikować raportu, dopóki każda uwaga nie ma stanowiska.
report-unanswered-count = { $count ->
    [one] { $count } uwaga nie ma jeszcze stanowiska.
    [few] { $count } uwagi nie mają jeszcze stanowiska.
   *[many] { $count } uwag nie ma jeszcze stanowiska.
}
report-not-closed = Raport można opublikować po zakończeniu zbierania uwag.
report-no-draft = Najpierw zapisz wprowadzenie i wnioski raportu.
submitter-kind-person = Osoby prywatne
submitter-kind-organisation = Organizacje
submitter-kind-anonymous = Anonimowo
flash-report-published = Raport został opublikowany.
mail-report-subject = Raport z konsultacji „{ $title }”
mail-report-body = Dzień dobry!

    Opublikowaliśmy raport z konsultacji „{ $title }” z odpowiedzią na każdą zgłoszoną uwagę:
    { $link }

    Dziękujemy za udział.
report-download-pdf = Pobierz raport (PDF)
report-download-docx = Pobierz raport (DOCX)
report-download-xlsx = Pobierz zestawienie uwag (XLSX)
report-public-note = Wersja publiczna: osoby prywatne oznaczono numerami, organizacje podano z nazwy.
report-survey = Wyniki ankiety

# Surveys, quick polls
district-title = Dzielnica
district-open = Trwające konsultacje w dzielnicy
district-none-open = Teraz nie trwa żadna konsultacja dotycząca tej dzielnicy.
district-finished = Zakończone konsultacje dotyczące dzielnicy
yes = Tak
no = Nie
cancel = Anuluj
move-up = W górę
move-down = W dół
filter-any = Wszystkie
filter-apply = Pokaż
error-too-many-lines = { $limit ->
    [one] Wpisz najwyżej { $limit } wiersz.
    [few] Wpisz najwyżej { $limit } wiersze.
   *[many] Wpisz najwyżej { $limit } wierszy.
}
error-too-few-lines = { $limit ->
    [one] Wpisz co najmniej { $limit } wiersz.
    [few] Wpisz co najmniej { $limit } wiersze.
   *[many] Wpisz co najmniej { $limit } wierszy.
}
error-duplicate-lines = Każda odpowiedź może wystąpić tylko raz.
error-out-of-range = Podaj liczbę od 0 do { $limit }.
error-max-below-min = Największa wartość nie może być mniejsza od najmniejszej.
error-scale-5-or-10 = Skala może mieć 5 albo 10 punktów.
error-profile-kind = Pytaniem metryczkowym może być tylko pytanie jednokrotnego wyboru, lista, „tak/nie” albo wybór z „inne”.
error-other-text-required = Wpisz, co oznacza „Inne”.
error-too-many-choices = { $limit ->
    [one] Zaznacz najwyżej { $limit } odpowiedź.
    [few] Zaznacz najwyżej { $limit } odpowiedzi.
   *[many] Zaznacz najwyżej { $limit } odpowiedzi.
}
error-too-few-choices = { $limit ->
    [one] Zaznacz co najmniej { $limit } odpowiedź.
    [few] Zaznacz co najmniej { $limit } odpowiedzi.
   *[many] Zaznacz co najmniej { $limit } odpowiedzi.
}
error-out-of-scale = Wybierz ocenę od 1 do { $limit }.
error-number-below-min = Podaj liczbę nie mniejszą niż { $limit }.
error-number-above-max = Podaj liczbę nie większą niż { $limit }.
error-every-row-required = Odpowiedz w każdym wierszu.
error-rank-invalid = Ponumeruj wybrane pozycje kolejno od 1, bez powtórzeń i luk.
error-survey-code-invalid = Ten kod jest nieznany albo został już użyty.
error-survey-unknown-question = Formularz zawierał odpowiedzi na pytania, których nie ma w tej ankiecie. Pominęliśmy je; sprawdź odpowiedzi i wyślij ponownie.
error-survey-no-questions = Dodaj co najmniej jedno pytanie, zanim otworzysz ankietę.
error-survey-too-many-questions = Ankieta ma już największą dozwoloną liczbę pytań.
survey-other = Inne
survey-date-hint = Wpisz datę, np. 30.11.2026.
survey-choose = — wybierz —
survey-required = wymagane
survey-condition-hint = Odpowiedz tylko, jeśli w pytaniu „{ $question }” wybrano „{ $answer }”.
survey-progress = Krok { $n } z { $total }
survey-see-results = Zobacz wyniki
survey-closed-title = Ankieta jest zamknięta
survey-closed = Ta ankieta nie przyjmuje już odpowiedzi.
survey-thanks-title = Dziękujemy
survey-thanks = Twoje odpowiedzi zostały zapisane. Dziękujemy za udział w ankiecie.
survey-already-answered = Ta ankieta ma już Twoje odpowiedzi. Dziękujemy!
survey-resumed = Wczytaliśmy zapisane wcześniej odpowiedzi. Możesz kontynuować.
survey-saved = Zapisaliśmy Twoje odpowiedzi. Możesz wrócić do ankiety później.
survey-changed = Ankieta zmieniła się, gdy ją wypełniałeś(-aś). Zachowaliśmy odpowiedzi na pytania, które się nie zmieniły. Sprawdź:
survey-changed-new = nowe pytanie: „{ $question }”
survey-changed-edited = zmienione pytanie: „{ $question }”
survey-changed-removed = { $n ->
    [one] usunięto { $n } pytanie
    [few] usunięto { $n } pytania
   *[many] usunięto { $n } pytań
}
survey-preview-note = To podgląd ankiety: odpowiedzi nie są zapisywane.
survey-code = Kod dostępu
survey-code-hint = Kod znajdziesz na otrzymanej kartce, np. 7KQ2M9XA.
survey-next = Dalej
survey-back = Wstecz
survey-save = Zapisz i dokończ później
survey-submit = Wyślij odpowiedzi
survey-results = Wyniki
survey-export-csv = Pobierz odpowiedzi (CSV, średniki — dla Excela po polsku)
survey-export-xlsx = Pobierz odpowiedzi (XLSX)
survey-filters = Filtry wyników
survey-channel = Kanał
survey-channel-online = internet
survey-channel-paper = ankieta papierowa
survey-channel-street_poll = sonda uliczna
survey-from = Od dnia
survey-to = Do dnia
survey-crosstab = Tabela krzyżowa
survey-crosstab-question = Pytanie do tabeli krzyżowej
survey-crosstab-profile = w podziale na (pytanie metryczkowe)
survey-crosstab-caption = „{ $question }” w podziale na „{ $profile }” (w nawiasie odsetek kolumny)
survey-data-table = Dane
survey-answer = Odpowiedź
survey-count = Liczba
survey-percent = Odsetek
survey-all-texts = Wszystkie odpowiedzi tekstowe
survey-text-answers = Odpowiedzi tekstowe
survey-search = Szukaj w odpowiedziach
survey-text-count = { $n ->
    [one] { $n } odpowiedź
    [few] { $n } odpowiedzi
   *[many] { $n } odpowiedzi
}
survey-responses = { $n ->
    [one] { $n } wypełniona ankieta
    [few] { $n } wypełnione ankiety
   *[many] { $n } wypełnionych ankiet
}
survey-answered = { $n ->
    [one] { $n } osoba odpowiedziała
    [few] { $n } osoby odpowiedziały
   *[many] { $n } osób odpowiedziało
}
survey-mean = średnia { $value }
survey-median = mediana { $value }
survey-row-means = średnie ocen w wierszach
survey-rank-header = Średnie miejsce (punkty)
survey-rank-extra = { $mean } ({ $score } pkt)
survey-results-hidden-title = Wyniki nie są jeszcze dostępne
survey-results-hidden = Organizator udostępni wyniki tej ankiety później.
survey-open-now = trwa, weź udział
consultation-surveys = Ankiety
survey-admin-title = Ankiety
survey-new = Nowa ankieta
survey-none = Nie ma jeszcze ankiet.
survey-status = Stan
survey-status-draft = szkic
survey-status-open = otwarta
survey-status-closed = zamknięta
survey-responses-col = Odpowiedzi
survey-public-link = Adres
survey-open = Otwórz ankietę
survey-close = Zamknij
survey-preview = Podgląd
survey-entry = Wprowadź ankietę papierową
survey-codes = Kody jednorazowe
survey-duplicate = Utwórz kopię
survey-copy-suffix = (kopia)
survey-questions = Pytania
survey-no-questions = Ankieta nie ma jeszcze pytań.
survey-page = Strona
survey-page-hint = Pytania z tym samym numerem strony pokazują się razem (gdy ankieta jest podzielona na strony).
survey-question-kind = Rodzaj pytania
survey-add-question = Dodaj pytanie
survey-edit-question = Edycja pytania
survey-settings = Ustawienia ankiety
survey-title-pl = Tytuł (po polsku)
survey-title-en = Tytuł (po angielsku)
survey-intro-pl = Wstęp (po polsku)
survey-intro-en = Wstęp (po angielsku)
survey-consultation = Konsultacja
survey-standalone = — samodzielna ankieta —
survey-access = Kto może odpowiadać
survey-access-anyone = każdy (jedna odpowiedź z przeglądarki)
survey-access-signed_in = zalogowani mieszkańcy, raz każdy
survey-access-codes = osoby z kodem jednorazowym (próba badawcza)
survey-layout = Układ
survey-layout-one_page = wszystkie pytania na jednej stronie
survey-layout-pages = podział na strony z kreatora
survey-layout-each_question = jedno pytanie na ekranie
survey-visibility = Wyniki
survey-visibility-while_open = publiczne już w trakcie
survey-visibility-after_close = publiczne po zamknięciu
survey-visibility-staff = tylko dla urzędu
survey-closes-at = Koniec przyjmowania odpowiedzi (opcjonalnie)
survey-closes-at-hint = Po tej chwili ankieta sama przestanie przyjmować odpowiedzi.
survey-profile = metryczka
survey-has-condition = warunek: pytanie { $n }
survey-question-pl = Treść (po polsku)
survey-question-en = Treść (po angielsku)
survey-help-pl = Wyjaśnienie (po polsku)
survey-help-en = Wyjaśnienie (po angielsku)
survey-options = Odpowiedzi do wyboru
survey-options-hint = Jedna w wierszu; tłumaczenie po pionowej kresce, np. „Codziennie | Daily”.
survey-rows = Wiersze macierzy
survey-min = Najmniej
survey-max = Najwięcej
survey-scale = Skala
survey-low-pl = Opis najniższej oceny (po polsku)
survey-low-en = Opis najniższej oceny (po angielsku)
survey-high-pl = Opis najwyższej oceny (po polsku)
survey-high-en = Opis najwyższej oceny (po angielsku)
survey-show-if = Pokaż tylko, gdy
survey-always = zawsze
survey-required-label = Odpowiedź wymagana
survey-profile-label = Pytanie metryczkowe (do tabel krzyżowych)
survey-codes-intro = Każdy kod pozwala wypełnić ankietę jeden raz. Wydrukuj tę stronę i rozdaj kody osobom z próby.
survey-codes-count = Ile kodów utworzyć
survey-codes-make = Utwórz kody
survey-codes-used = wykorzystane
survey-code-used = wykorzystany
survey-entry-source = Skąd ankieta
survey-interviewer = Ankieter(ka) lub osoba wprowadzająca
survey-place = Miejsce
survey-collected-at = Kiedy zebrano
survey-entry-save = Zapisz i wprowadź następną
survey-col-id = Nr
survey-col-channel = Kanał
survey-col-collected = Zebrano
survey-col-interviewer = Ankieter
survey-col-place = Miejsce
survey-codebook-column = Kolumna
survey-codebook-question = Pytanie
survey-codebook-kind = Rodzaj
survey-codebook-values = Wartości
survey-codebook-chosen = 1 = zaznaczono, 0 = nie
survey-codebook-rank = miejsce w rankingu (1 = najważniejsze)
survey-sheet-responses = Odpowiedzi
survey-sheet-codebook = Kody
flash-survey-created = Ankieta została utworzona. Dodaj pytania.
flash-survey-copied = Utworzono kopię ankiety.
flash-question-added = Pytanie zostało dodane.
flash-question-removed = Pytanie zostało usunięte.
flash-response-entered = Ankieta została zapisana. Możesz wprowadzić następną.
question-kind-single = jednokrotny wybór
question-kind-multiple = wielokrotny wybór
question-kind-choice_other = wybór z odpowiedzią „inne”
question-kind-dropdown = lista rozwijana
question-kind-rating = skala ocen
question-kind-likert = macierz (skala Likerta)
question-kind-ranking = ranking
question-kind-number = liczba
question-kind-short_text = krótki tekst
question-kind-long_text = długi tekst
question-kind-date = data
question-kind-yes_no = tak / nie
question-kind-info = blok informacyjny
poll-title = Sonda
poll-vote = Głosuj
poll-back = Wróć
poll-votes = { $n ->
    [one] { $n } głos
    [few] { $n } głosy
   *[many] { $n } głosów
}
poll-closed = Sonda jest zamknięta.
poll-pick-one = Wybierz jedną odpowiedź.
poll-rate-limited = Z tego adresu oddano ostatnio zbyt wiele głosów. Spróbuj za godzinę.
poll-already-voted = Twój głos w tej sondzie był już zapisany.
poll-sign-in = Aby zagłosować, zaloguj się.
poll-admin-title = Sondy
poll-new = Nowa sonda
poll-question = Pytanie
poll-placement = Gdzie pokazać
poll-placement-home = strona główna
poll-placement-consultation = strona konsultacji
poll-placement-district = strona dzielnicy
poll-mode = Kto głosuje
poll-mode-signed_in = zalogowani, jeden głos na konto
poll-mode-cookie = każdy, jeden głos z przeglądarki (z limitem na adres)
poll-votes-col = Głosy
poll-create = Utwórz sondę
flash-poll-created = Sonda została utworzona.

# Accessibility requests and information pages
nav-accessible-info = Informacje o serwisie w dostępnej formie
etr-link = Tekst łatwy do czytania (ETR)
pjm-link = Informacja w polskim języku migowym (PJM)
footer-request-version = Poproś o dostępną wersję tej strony
etr-default-title = Agora w tekście łatwym do czytania
etr-default-body = ## Co to jest Agora?

    Agora to strona internetowa miasta.

    Na tej stronie miasto pyta mieszkańców o zdanie.

    Takie pytanie to **konsultacja**.

    Na przykład: miasto chce przebudować ulicę.

    Miasto pyta: co trzeba zmienić na tej ulicy?

    ## Co możesz zrobić na tej stronie?

    - Możesz przeczytać, o co pyta miasto.
    - Możesz napisać swoje zdanie. Takie zdanie to **uwaga**.
    - Możesz przeczytać, co miasto odpowiada.

    Miasto odpowiada na każdą uwagę.

    Odpowiedzi są w **raporcie**.

    ## Jak znaleźć konsultację?

    Na górze strony jest menu.

    Wybierz **Konsultacje**.

    Zobaczysz listę konsultacji.

    Wybierz **Trwające**.

    To konsultacje, w których możesz teraz napisać uwagę.

    Możesz też wybrać swoją dzielnicę.

    ## Jak napisać uwagę?

    1. Otwórz konsultację.
    2. Wybierz **Zgłoś uwagi**.
    3. Napisz, co chcesz zmienić.
    4. Napisz, dlaczego.
    5. Wybierz **Wyślij uwagi**.

    Dostaniesz numer swojej uwagi.

    Nie musisz mieć konta.

    Jeśli coś jest źle, strona powie, co poprawić.

    ## Jak korzystać ze strony?

    Możesz używać tylko klawiatury.

    Klawisz **Tab** przenosi do następnego miejsca na stronie.

    Klawisz **Enter** otwiera link albo wysyła formularz.

    Możesz powiększyć tekst. Naciśnij razem klawisze **Ctrl** i **plus**.

    Strona jest po polsku i po angielsku. Język zmienisz na górze strony.

    ## Potrzebujesz pomocy?

    Napisz do nas. Adres e-mail jest na dole strony.

    Możesz poprosić o tekst w innej formie.

    Na przykład w tekście łatwym do czytania albo w języku migowym.

    Wypełnij [wniosek o dostępną wersję](/deklaracja-dostepnosci/wniosek).

    Odpowiemy w ciągu 7 dni.
pjm-default-title = Agora w polskim języku migowym
pjm-default-body = Na tej stronie jest film w polskim języku migowym (PJM). Film mówi, czym jest serwis Agora i jak z niego korzystać.

    ## Co jest w filmie?

    - Czym jest Agora: strona, na której miasto pyta mieszkańców o zdanie w konsultacjach.
    - Jak znaleźć konsultację, która trwa teraz.
    - Jak zgłosić uwagę i gdzie przeczytać odpowiedź miasta.
    - Jak poprosić o tłumacza PJM na spotkaniu konsultacyjnym albo o dokument w PJM.

    ## Kontakt z tłumaczem

    Osoba głucha może skontaktować się z miastem przez tłumacza PJM. Napisz, z kim i kiedy chcesz rozmawiać, na adres podany na dole strony albo przez [wniosek o dostępną wersję](/deklaracja-dostepnosci/wniosek) (wybierz „Nagranie w polskim języku migowym”). Odpowiemy w ciągu 7 dni.
pjm-video-heading = Film w polskim języku migowym
pjm-video-watch = Obejrzyj film o serwisie w PJM
pjm-video-missing = Film jest w przygotowaniu. Do czasu jego publikacji możesz poprosić o informację w PJM przez wniosek o dostępną wersję.
field-pjm-video = Adres filmu w PJM o serwisie
field-pjm-video-hint = Adres zaczynający się od https://. Zostaw puste, a strona napisze, że film jest w przygotowaniu.
admin-page-etr = Strona w tekście łatwym do czytania
admin-page-pjm = Strona w polskim języku migowym
access-request-heading = Potrzebujesz dostępnej wersji?
access-request-lead = Jeśli strona albo dokument w serwisie są dla Ciebie niedostępne, poproś o wersję, której potrzebujesz: na przykład dokument dla czytnika ekranu, tekst łatwy do czytania albo nagranie w polskim języku migowym. Zrealizujemy wniosek albo odpowiemy na niego w ciągu 7 dni.
access-request-start = Złóż wniosek o dostępną wersję
access-form-title = Wniosek o zapewnienie dostępności
access-form-lead = Napisz, której strony albo którego dokumentu dotyczy wniosek i w jakiej formie go potrzebujesz. Zrealizujemy wniosek albo odpowiemy na niego niezwłocznie, najpóźniej w ciągu 7 dni.
field-access-subject = Której strony albo którego dokumentu dotyczy wniosek?
field-access-subject-hint = Adres strony albo tytuł dokumentu, np. /konsultacje/park-rzeczny-wilga albo „Projekt uchwały — załącznik 1”.
field-access-format = W jakiej formie potrzebujesz treści?
access-format-accessible_document = Dokument dostępny dla czytnika ekranu
access-format-accessible_document-hint = Np. plik DOCX albo PDF z opisanymi nagłówkami, tabelami i obrazami.
access-format-easy_read = Tekst łatwy do czytania (ETR)
access-format-easy_read-hint = Krótkie zdania i proste słowa.
access-format-sign_language = Nagranie w polskim języku migowym (PJM)
access-format-sign_language-hint = Film z tłumaczeniem treści na PJM.
access-format-large_print = Duży druk
access-format-large_print-hint = Wydruk powiększoną czcionką, wysłany pocztą.
access-format-braille = Alfabet Braille’a
access-format-braille-hint = Wydruk brajlowski, wysłany pocztą.
access-format-audio = Nagranie dźwiękowe
access-format-audio-hint = Treść przeczytana na głos.
access-format-other = Inna forma
access-format-other-hint = Opisz ją w polu poniżej.
field-access-details = Opisz, czego potrzebujesz
field-access-details-hint = Nieobowiązkowe. Jeśli wybierasz „Inna forma”, napisz, jaka. Przy wydruku podaj adres do wysyłki.
field-access-contact = E-mail albo numer telefonu
field-access-contact-hint = Użyjemy go tylko po to, żeby przekazać Ci dostępną wersję albo odpowiedź.
field-access-name = Imię i nazwisko (nieobowiązkowe)
access-privacy = Wniosek widzą tylko pracownicy, którzy go realizują. Dane kontaktowe służą wyłącznie do odpowiedzi na wniosek.
access-submit = Wyślij wniosek
error-format-required = Wybierz formę, w jakiej potrzebujesz treści.
error-format-other-details = Napisz, jakiej formy potrzebujesz.
error-contact-invalid = Wpisz adres e-mail (nazwa@domena.pl) albo numer telefonu (od 9 do 15 cyfr).
access-received-title = Przyjęliśmy Twój wniosek
access-received-number = Numer wniosku: { $number }.
access-received-lead = Zrealizujemy wniosek albo odpowiemy na niego najpóźniej { $due }.
access-received-keep = Zachowaj adres tej strony: pod nim sprawdzisz, czy wniosek jest już załatwiony.
access-mail-subject = Wniosek { $number } o zapewnienie dostępności
access-mail-body = Dzień dobry!

    Przyjęliśmy Twój wniosek o zapewnienie dostępności. Numer wniosku: { $number }.

    Czego dotyczy: { $subject }
    Forma: { $format }

    Zrealizujemy go albo odpowiemy najpóźniej { $due }. Stan wniosku sprawdzisz tutaj:
    { $link }
access-mail-handled-subject = Wniosek { $number } został załatwiony
access-mail-handled-body = Dzień dobry!

    Twój wniosek { $number } o zapewnienie dostępności został załatwiony.

    Czego dotyczył: { $subject }

    Jeśli to, o co prosisz, do Ciebie nie dotarło, odpowiedz na tę wiadomość albo złóż skargę na brak dostępności.
access-col-number = Numer
access-col-received = Wpłynął
access-col-due = Termin
access-col-subject = Czego dotyczy
access-col-format = Forma
access-col-details = Opis
access-col-contact = Kontakt
access-col-name = Imię i nazwisko
access-col-consultation = Konsultacja
access-col-status = Stan
access-status-open = Oczekuje na realizację
access-status-handled = Załatwiony { $when }
access-due-today = Termin mija dziś
access-days-left = { $count ->
    [one] Został { $count } dzień
    [few] Zostały { $count } dni
   *[many] Zostało { $count } dni
}
access-overdue-days = { $count ->
    [0] Po terminie
    [one] { $count } dzień po terminie
   *[other] { $count } dni po terminie
}
access-list-title = Wnioski o zapewnienie dostępności
access-list-lead = Wniosek trzeba zrealizować albo na niego odpowiedzieć w ciągu 7 dni od jego otrzymania. Lista pokazuje najpierw wnioski z najbliższym terminem.
access-list-filter = Stan wniosków
access-filter-open = Oczekujące
access-filter-handled = Załatwione
access-filter-all = Wszystkie
access-list-open = { $count ->
    [one] { $count } wniosek czeka na realizację.
    [few] { $count } wnioski czekają na realizację.
   *[many] { $count } wniosków czeka na realizację.
}
access-list-overdue = Po terminie: { $count }
access-list-count = { $count ->
    [one] { $count } wniosek
    [few] { $count } wnioski
   *[many] { $count } wniosków
}
access-list-none = Nie ma wniosków w tym widoku.
access-request-title = Wniosek { $number }
access-handle-heading = Załatwienie wniosku
field-access-note = Co zrobiono
field-access-note-hint = Np. „Wysłano plik DOCX e-mailem 3.12.” albo powód opóźnienia i nowy termin. Notatkę widzą tylko pracownicy.
access-handle-submit = Oznacz jako załatwiony
access-handle-update = Zapisz notatkę
flash-access-handled = Wniosek oznaczono jako załatwiony.
access-tile = Wnioski o zapewnienie dostępności (oczekujące: { $open }, po terminie: { $overdue })

## Rate limits
limit-sign-in-client = Z Twojej sieci było ostatnio zbyt wiele nieudanych prób logowania. Spróbuj ponownie za { $wait }.
limit-mail-client = Z Twojej sieci zamówiono ostatnio zbyt wiele wiadomości e-mail. Spróbuj ponownie za { $wait }.
limit-mail-address = Na adres { $email } wysłaliśmy ostatnio kilka wiadomości. Aby nie zasypywać skrzynki, kolejną wyślemy dopiero za { $wait }.
limit-remarks-client = Z Twojej sieci wysłano w krótkim czasie wiele uwag. Spróbuj ponownie za { $wait }. To, co wpisano, zostało w formularzu.
limit-remark-copy = Na adres { $email } wysłaliśmy ostatnio kilka wiadomości. Usuń adres e-mail, aby wysłać uwagi bez kopii, albo spróbuj ponownie za { $wait }.

## Surveys, programme and exports
survey-chart-no-answers = brak odpowiedzi
survey-not-open-title = Ankieta jeszcze nie przyjmuje odpowiedzi
survey-consultation-not-open = Ta ankieta jest częścią konsultacji „{ $title }”, która zaczyna się { $opens }. Od tej chwili można na nią odpowiadać.
survey-consultation-cancelled = Ta ankieta była częścią konsultacji „{ $title }”, która została odwołana. Nie przyjmuje odpowiedzi.
survey-slug-hint = Część adresu po /ankiety/. Zostaw puste, a utworzymy ją z tytułu.
survey-preview-screens = Kroki podglądu
survey-preview-prev = Poprzedni krok
survey-preview-next = Następny krok
programme-edit-title = Zmiana w programie
error-districts-with-city = Zaznaczono dzielnice, a obszar to „Całe miasto”. Wybierz obszar „Wybrane dzielnice” albo odznacz dzielnice.
cancel-title = Odwołanie konsultacji
cancel-lead = Konsultacja zostanie oznaczona jako odwołana i nie będzie można tego cofnąć. Powód pokażemy mieszkańcom na jej stronie.
cancel-not-possible = Tej konsultacji nie można już odwołać.
field-cancellation-reason = Powód odwołania
field-cancellation-reason-hint = Napisz prostymi słowami, dlaczego konsultacja się nie odbędzie i co dalej z jej przedmiotem.
error-cancellation-reason-required = Wpisz powód odwołania.
cancel-submit = Odwołaj konsultację
cancel-keep = Nie odwołuj
consultation-cancellation-reason = Powód odwołania
delete-draft-title = Usuń szkic
delete-draft-warning-title = Tego nie można cofnąć
delete-draft-warning = Usuniemy szkic razem z harmonogramem, formami, wydarzeniami, dokumentami i sondami z jego strony. Ankiety przypięte do szkicu zostaną, ale bez konsultacji.
delete-draft-submit = Usuń szkic na zawsze
delete-draft-keep = Nie usuwaj
delete-draft-not-draft = Usunąć można tylko szkic. Opublikowaną konsultację można odwołać.
flash-consultation-deleted = Szkic konsultacji został usunięty.
ics-remarks-open = Początek zbierania uwag: { $title }
ics-remarks-close = Koniec zbierania uwag: { $title }
audit-download-csv-comma = Pobierz jako CSV (przecinki)
report-download-csv-comma = Pobierz zestawienie uwag (CSV, przecinki — dla innych programów)
survey-export-csv-comma = Pobierz odpowiedzi (CSV, przecinki — dla innych programów)
field-kind = Rodzaj
field-reason = Powód
field-chosen-remarks = Wybrane uwagi
field-accept-short = Zgoda na regulamin
field-optional = (opcjonalnie)
field-organisation-when = (gdy zgłaszasz uwagi jako organizacja)
footer-terms = Regulamin i ochrona danych
sign-up-read-terms = Przeczytaj regulamin serwisu i zasady przetwarzania danych osobowych
terms-default-title = Regulamin serwisu i ochrona danych osobowych
terms-default-body = ## Do czego służy serwis

    W serwisie miasto prowadzi konsultacje społeczne: publikuje projekty, zbiera uwagi, ankiety i głosy, a na koniec publikuje raport z odpowiedzią na każdą uwagę.

    ## Konto

    - Konto nie jest potrzebne, aby czytać konsultacje ani zgłaszać uwagi.
    - Z konta widzisz swoje uwagi i odpowiedzi miasta, a my wysyłamy Ci wiadomość, gdy raport zostanie opublikowany.
    - Konto możesz w każdej chwili usunąć w ustawieniach konta.

    ## Uwagi i treści

    - Treść uwagi publikujemy w raporcie z konsultacji. Imię i nazwisko osoby prywatnej nie jest publikowane; nazwa organizacji jest.
    - Moderator może ukryć treść obraźliwą lub niezgodną z prawem. Ukrycie zawsze ma podany powód.

    ## Dane osobowe

    - Administratorem danych jest urząd miasta prowadzący serwis. Dane kontaktowe są w stopce strony.
    - Przetwarzamy dane, aby przeprowadzić konsultacje i odpowiedzieć na uwagi (art. 6 ust. 1 lit. e RODO), a adres e-mail konta — na podstawie Twojej zgody (art. 6 ust. 1 lit. a RODO).
    - Każda konsultacja ma też własną klauzulę informacyjną, pokazaną przy formularzu uwag.
    - Masz prawo dostępu do swoich danych, ich sprostowania, ograniczenia przetwarzania, usunięcia oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.

    Treść tej strony redaguje administrator serwisu.
poll-vote-recorded = Twój głos został zapisany. Dziękujemy! Poniżej dotychczasowe wyniki.
survey-back-to-consultation = Wróć do konsultacji „{ $title }”
survey-back-home = Wróć na stronę główną
consultation-other-ways = Inne sposoby udziału
transition-announced-hint = Publikuje zapowiedź: konsultacja pojawia się w serwisie z terminami, ale uwag jeszcze nie można zgłaszać. Zbieranie uwag otworzy się samo w dniu początku.
transition-open-hint = Od razu otwiera zbieranie uwag, bez czekania na dzień początku. Używaj, gdy konsultacja ma ruszyć teraz.
transition-closed-hint = Kończy zbieranie uwag teraz, przed planowanym terminem; strona i raport pokażą rzeczywistą datę zakończenia.
transition-report_published-hint = Otwiera edytor raportu, gdzie raport publikuje się po potwierdzeniu.
transition-archived-hint = Przenosi konsultację do archiwum; raport pozostaje dostępny.
transition-cancelled-hint = Odwołuje konsultację; trzeba podać powód, który zobaczą mieszkańcy.
transition-draft-hint = Cofa konsultację do szkicu: znika z serwisu do ponownego ogłoszenia.
report-end-collection-link = Zakończ zbieranie uwag na stronie danych konsultacji
report-publish-confirm-title = Potwierdź publikację raportu
report-publish-confirm-public = Raport z odpowiedziami na { $n } { $n ->
    [one] uwagę
    [few] uwagi
   *[other] uwag
} stanie się publiczny.
report-publish-confirm-mail = { $n ->
    [0] Nikt nie podał adresu e-mail, więc nikt nie dostanie powiadomienia.
    [one] Powiadomienie e-mail dostanie { $n } osoba.
    [few] Powiadomienie e-mail dostaną { $n } osoby.
   *[other] Powiadomienie e-mail dostanie { $n } osób.
}
report-publish-confirm-final = Wysłanych wiadomości nie da się cofnąć. Późniejsze poprawki raportu opublikujesz jako nową wersję.
report-publish-confirm-submit = Tak, opublikuj raport i powiadom
report-publish-confirm-back = Nie, wróć do edycji
decision-choose = Wybierz stanowisko
answering-select-all = Zaznacz wszystkie uwagi na tej stronie ({ $n })
answering-unselect-all = Odznacz wszystkie
intake-receipt-number = Numer zgłoszenia: { $receipt }. Zapisz go na papierowym oryginale.
catalogue-tab-count = { $count ->
    [one] { $count } wynik
    [few] { $count } wyniki
   *[other] { $count } wyników
}
catalogue-found-in-tab = { $count ->
    [one] Pasującą konsultację znajdziesz w zakładce:
   *[other] Pasujące konsultacje ({ $count }) znajdziesz w zakładce:
}

## Dialogue bodies, their opinions and the city's answers ledger
field-adopted-on = Data przyjęcia
field-adopted-on-hint = Dzień, w którym ciało przyjęło opinię, np. 2026-11-20. Od niego biegnie termin odpowiedzi miasta.
field-opinion-text = Treść
field-votes-for = Głosy za
field-votes-against = Głosy przeciw
field-votes-abstaining = Głosy wstrzymujące się
error-date-in-future = Data nie może być późniejsza niż dzisiejsza.
error-opinion-not-adopted = Opinia bez większości głosów za nie została przyjęta.
nav-ledger = Odpowiedzi miasta
tracked-kind-opinion = Opinia
tracked-kind-recommendation = Rekomendacja
tracked-kind-forum_position = Stanowisko miasta na forum
tracked-kind-advice_request = Prośba o poradę
tracked-kind-accessibility_request = Wniosek o dostępność
tracked-state-sent = Wysłane, czeka na odpowiedź
tracked-state-acknowledged = Przyjęte przez wydział, czeka na odpowiedź
tracked-state-answered = Odpowiedziano
tracked-state-implemented = Wdrożone
tracked-state-waived = Termin na opinię minął
tracked-step-acknowledged = Potwierdź przyjęcie (odpowiedź jeszcze nie gotowa)
tracked-step-answered = Odpowiedz z uzasadnieniem
tracked-step-implemented = Zgłoś wdrożenie rekomendacji
tracked-step-waived = Termin minął
tracked-unit = Wydział, do którego skierowano
tracked-unit-choose = Wybierz wydział
tracked-vote = Głosowanie
tracked-votes-for = { $count } za
tracked-votes-against = { $count } przeciw
tracked-votes-abstaining = { $count } wstrzymujących się
tracked-history = Przebieg
tracked-answer-link = Odpowiedz w imieniu wydziału
tracked-step = Co robisz
tracked-step-title = Odpowiedź wydziału
tracked-step-submit = Zapisz
tracked-note = Odpowiedź i jej uzasadnienie
tracked-note-hint = Przy odpowiedzi napisz, co miasto zrobi i dlaczego (co najmniej 20 znaków); tekst będzie publiczny. Przy potwierdzeniu przyjęcia notatka jest opcjonalna.
tracked-nothing-to-do = Na tę sprawę odpowiedziano i nie czeka na kolejny krok.
tracked-public-page = Zobacz stronę publiczną sprawy
error-tracked-moved = Ktoś inny zmienił w międzyczasie stan tej sprawy. Sprawdź przebieg poniżej i wybierz krok jeszcze raz; wpisany tekst został zachowany.
flash-opinion-sent = Opinia została wysłana do wydziału i jest widoczna w rejestrze odpowiedzi miasta.
flash-tracked-acknowledged = Przyjęcie zostało potwierdzone.
flash-tracked-answered = Odpowiedź została opublikowana.
flash-tracked-implemented = Wdrożenie zostało odnotowane.
opinion-new-title = Nowa opinia lub rekomendacja
opinion-new-lead = Opinia trafia od razu do wskazanego wydziału i do publicznego rejestru odpowiedzi miasta. Termin odpowiedzi to 30 dni od dnia przyjęcia (art. 35 KPA); gdy wypada w dzień wolny, przechodzi na najbliższy dzień roboczy.
opinion-send = Wyślij do wydziału
ledger-title = Odpowiedzi miasta
ledger-lead = Opinie i rekomendacje ciał dialogu obywatelskiego, na które miasto musi odpowiedzieć: do kiedy, który wydział i czy odpowiedź już jest. Sprawy po terminie są na górze.
ledger-awaiting = { $count ->
    [one] Na odpowiedź czeka { $count } sprawa.
    [few] Na odpowiedź czekają { $count } sprawy.
   *[many] Na odpowiedź czeka { $count } spraw.
}
ledger-overdue-count = { $count ->
    [one] { $count } jest po terminie.
    [few] { $count } są po terminie.
   *[many] { $count } jest po terminie.
}
ledger-count = { $count ->
    [one] { $count } sprawa
    [few] { $count } sprawy
   *[many] { $count } spraw
}
ledger-list = Lista spraw
ledger-empty = Brak spraw spełniających kryteria.
ledger-col-what = Sprawa
ledger-col-from = Od kogo
ledger-col-due = Termin odpowiedzi
ledger-col-state = Stan
ledger-sent = wysłano
ledger-answered-on = Odpowiedziano
ledger-overdue = Po terminie
ledger-overdue-days = { $days ->
    [one] { $days } dzień roboczy po terminie
    [few] { $days } dni robocze po terminie
   *[many] { $days } dni roboczych po terminie
}
ledger-filter-body = Ciało dialogu
ledger-filter-awaiting = Czekają na odpowiedź
ledger-filter-answered = Z odpowiedzią
ledger-staff-title = Sprawy do odpowiedzi
ledger-staff-lead = Opinie i rekomendacje skierowane do Twoich wydziałów. Potwierdź przyjęcie, a potem odpowiedz z uzasadnieniem przed terminem; odpowiedź jest publikowana w rejestrze.
ledger-public-link = Publiczny rejestr odpowiedzi miasta
ledger-tile = Opinie i rekomendacje do odpowiedzi (oczekujące: { $open }, po terminie: { $overdue })

## Consultations referred to dialogue bodies
referrals-queue-title = Do zaopiniowania
referrals-queue-lead = Konsultacje, których kategorie pokrywają się z tematami ciała dialogu, trafiają tu w dniu ogłoszenia. Opinia wydana do konsultacji trafia do wydziału i jednocześnie staje się uwagą w tej konsultacji, więc dostanie odpowiedź w raporcie.
referrals-queue-empty = Żadna konsultacja nie została jeszcze skierowana do zaopiniowania.
referrals-col-consultation = Konsultacja
referrals-col-status = Stan
referrals-col-closes = Koniec zbierania uwag
referrals-col-referred = Skierowano
referrals-col-opinion = Opinia
referrals-col-body = Ciało dialogu
referrals-col-remark = Uwaga w konsultacji
referrals-opinion-given = Opinia wydana
referrals-give-opinion = Wydaj opinię
referrals-no-opinion = Bez opinii
referrals-no-opinion-yet = Jeszcze bez opinii
referrals-asked-title = Ciała dialogu
referrals-asked-lead = Ciała dialogu, do których konsultacja trafiła w dniu ogłoszenia, bo jej kategorie pokrywają się z ich tematami, i ich opinie. Każda opinia jest też uwagą w tej konsultacji.
referrals-asked-empty = Konsultacja nie trafiła do żadnego ciała dialogu: żadne nie ma tematów pokrywających się z jej kategoriami albo nie została jeszcze ogłoszona.
opinion-consultation = Konsultacja, której dotyczy opinia
opinion-consultation-hint = Opinia do konsultacji skierowanej do ciała dialogu staje się też uwagą w tej konsultacji i dostaje odpowiedź w raporcie.
opinion-consultation-none = Nie dotyczy konsultacji
opinion-remark-receipt = uwaga nr zgłoszenia { $receipt }
opinion-remark-justification = Opinia przyjęta { $adopted } (głosy za: { $for }, przeciw: { $against }, wstrzymujące się: { $abstaining }). Odpowiedź miasta na opinię: { $link }
error-opinion-consultation-not-referred = Wybierz konsultację skierowaną do tego ciała dialogu, która jeszcze przyjmuje opinie.
bodies-opinions = Opinie i rekomendacje
bodies-opinions-none = Ciało dialogu nie wydało jeszcze opinii ani rekomendacji.
bodies-opinions-all = { $count ->
    [one] Zobacz { $count } sprawę w rejestrze odpowiedzi miasta
    [few] Zobacz wszystkie { $count } sprawy w rejestrze odpowiedzi miasta
   *[other] Zobacz wszystkie { $count } spraw w rejestrze odpowiedzi miasta
}
reminder-weekly-subject = { $unit }: { $awaiting ->
    [one] { $awaiting } sprawa czeka na odpowiedź miasta
    [few] { $awaiting } sprawy czekają na odpowiedź miasta
   *[other] { $awaiting } spraw czeka na odpowiedź miasta
}
reminder-weekly-body = Dzień dobry,

    { $unit } ma { $awaiting ->
        [one] { $awaiting } opinię lub rekomendację ciała dialogu, która czeka
        [few] { $awaiting } opinie lub rekomendacje ciał dialogu, które czekają
       *[other] { $awaiting } opinii lub rekomendacji ciał dialogu, które czekają
    } na odpowiedź. { $overdue ->
        [0] Żadna nie jest po terminie.
        [one] { $overdue } jest już po terminie.
       *[other] Po terminie: { $overdue }.
    }

    Lista, terminy i formularz odpowiedzi: { $link }

    Odpowiedzi są publikowane w rejestrze odpowiedzi miasta. Tę wiadomość wysyłamy w każdy poniedziałek, gdy coś czeka na odpowiedź wydziału.
referrals-until = Opinia do { $date }; brak opinii w terminie oznacza rezygnację z prawa do jej wyrażenia.
referrals-waived = Brak opinii w terminie (do { $date }): rada zrezygnowała z prawa do jej wyrażenia.
tracked-signatures = Podpisali członkowie
tracked-signatures-none = Nikt z członków nie podpisał jeszcze tej opinii.
tracked-cosign = Podpisz jako członek lub członkini
flash-cosigned = Twój podpis jest pod opinią.

## Meetings of dialogue bodies
meetings-title = Posiedzenia
meetings-upcoming = Najbliższe posiedzenia
meetings-past = Odbyte posiedzenia
meetings-none-upcoming = Nie zaplanowano kolejnych posiedzeń.
meetings-none-past = Nie odbyło się jeszcze żadne posiedzenie.
meetings-online = Posiedzenie online
meetings-convened-by = zwołuje:
meetings-ics-link = Kalendarz posiedzeń (iCalendar)
meetings-ics-name = Posiedzenia: { $body }
meetings-manage = Zarządzaj posiedzeniem
meetings-when = Termin
meetings-place = Miejsce
meetings-online-link = Link do posiedzenia online
meetings-series = Cykl posiedzeń
meetings-agenda = Porządek obrad
meetings-agenda-none = Porządek obrad nie został jeszcze ustalony.
meetings-attendance = Lista obecności
meetings-attendance-none = Obecność nie została jeszcze odnotowana.
meetings-present = obecność
meetings-absent = nieobecność
meetings-no-vote = bez prawa głosu
meetings-quorum-reached = Kworum jest: obecnych { $present } z { $members } członków z prawem głosu (wymagane co najmniej { $required }).
meetings-quorum-not-reached = Brak kworum: obecnych { $present } z { $members } członków z prawem głosu (wymagane co najmniej { $required }).
meetings-minutes = Protokół
meetings-minutes-none = Protokół nie został jeszcze sporządzony.
meetings-minutes-draft = Projekt protokołu
meetings-minutes-final = Protokół przyjęty
meetings-version = wersja { $n }
meetings-versions = Wszystkie wersje protokołu
meetings-amendments-until = Osoby obecne na posiedzeniu mogą zgłaszać poprawki do { $date }.
meetings-amend = Zgłoś poprawkę do protokołu
meetings-amend-send = Wyślij poprawkę
meetings-field-amendment = Treść poprawki
meetings-field-amendment-hint = Wskaż fragment protokołu i zaproponuj jego nowe brzmienie.
meetings-amendments = Zgłoszone poprawki
meetings-details = Dane posiedzenia
meetings-public-page = Strona posiedzenia
meetings-new = Dodaj posiedzenie
meetings-field-title = Tytuł posiedzenia
meetings-field-title-hint = Na przykład „Posiedzenie nr 12”.
meetings-field-starts-at = Początek
meetings-field-ends-at = Koniec
meetings-time-hint = Data i godzina czasu polskiego.
meetings-field-place = Miejsce (opcjonalnie)
meetings-field-place-hint = Adres i sala. Podaj miejsce, link do posiedzenia online albo oba.
meetings-field-online-url = Link do posiedzenia online (opcjonalnie)
meetings-field-online-url-hint = Pełny adres zaczynający się od https://
meetings-field-amendment-days = Dni na zgłaszanie poprawek do protokołu
meetings-field-amendment-days-hint = Liczone od udostępnienia projektu protokołu, od 1 do 60.
meetings-field-series = Cykl posiedzeń (opcjonalnie)
meetings-series-option-none = Bez cyklu
meetings-documents = Dokumenty ciała dialogu
meetings-documents-none = Nie dodano jeszcze dokumentów.
meetings-document-add = Dodaj dokument
meetings-field-doc-title = Tytuł dokumentu
meetings-field-doc-url = Adres dokumentu
meetings-field-doc-url-hint = Pełny adres zaczynający się od https://
meetings-agenda-add = Dodaj punkt porządku obrad
meetings-field-agenda-title = Punkt porządku obrad
meetings-field-agenda-link = Powiązany dokument, konsultacja lub opinia (opcjonalnie)
meetings-link-none = Bez powiązania
meetings-link-documents = Dokumenty
meetings-link-consultations = Konsultacje
meetings-link-opinions = Opinie
meetings-invitations = Zaproszenia
meetings-invite = Wyślij zaproszenia członkom
meetings-invited-at = Zaproszenia wysłano { $when }.
meetings-not-invited = Zaproszenia nie zostały jeszcze wysłane.
meetings-field-present = Obecni na posiedzeniu
meetings-no-members-on-day = W dniu posiedzenia ciało dialogu nie miało członków.
meetings-attendance-save = Zapisz listę obecności
meetings-attendance-update = Popraw listę obecności
meetings-field-minutes = Treść protokołu
meetings-field-minutes-hint = Każdy zapis tworzy nową wersję; poprzednie wersje zostają zachowane.
meetings-minutes-save-draft = Zapisz projekt protokołu
meetings-minutes-save-final = Przyjmij protokół jako ostateczny
meetings-minutes-are-final = Protokół jest ostateczny i nie można go już zmienić.
meetings-series-admin = Cykle posiedzeń
meetings-series-none = Nie utworzono jeszcze żadnego cyklu posiedzeń.
meetings-series-new = Utwórz cykl posiedzeń
meetings-series-bodies = Ciała dialogu biorące udział
meetings-series-participants = Uczestnicy
meetings-series-slug-hint = Część adresu po /cykle-posiedzen/. Zostaw puste, a utworzymy ją z nazwy.
error-agenda-document-other-body = Ten dokument należy do innego ciała dialogu. Do porządku obrad można dodać tylko dokumenty tego ciała dialogu.
error-agenda-link-missing = Nie ma takiego dokumentu, konsultacji ani opinii.
error-amendment-days-invalid = Wpisz liczbę dni od 1 do { $limit }.
error-amendment-not-present = Poprawki do protokołu mogą zgłaszać tylko osoby obecne na posiedzeniu.
error-amendment-no-draft = Projekt protokołu nie został jeszcze udostępniony.
error-amendment-minutes-final = Protokół został już przyjęty; nie można zgłaszać poprawek.
error-amendment-window-closed = Termin zgłaszania poprawek do protokołu minął.
error-meeting-place-required = Podaj miejsce posiedzenia albo link do posiedzenia online.
error-minutes-already-final = Protokół jest już ostateczny; nie można dodać nowej wersji.
error-series-needs-two-bodies = Wybierz co najmniej dwa ciała dialogu.
flash-meeting-created = Dodano posiedzenie.
flash-document-added = Dodano dokument.
flash-agenda-item-added = Dodano punkt porządku obrad.
flash-attendance-saved = Zapisano listę obecności.
flash-invitations-sent = Zaproszenia zostały wysłane.
flash-minutes-saved = Zapisano nową wersję projektu protokołu.
flash-minutes-final = Protokół został przyjęty jako ostateczny i opublikowany.
flash-amendment-sent = Poprawka została zgłoszona. Dziękujemy.
flash-series-created = Utworzono cykl posiedzeń.
mail-meeting-invitation-subject = Zaproszenie: { $title } — { $body }
mail-meeting-invitation-body = Dzień dobry, { $name }!

    Zapraszamy na posiedzenie „{ $title }” ciała dialogu { $body }.
    Termin: { $when }
    Miejsce: { $place }

    Porządek obrad i dokumenty: { $link }

    Otrzymujesz tę wiadomość, ponieważ jesteś członkiem tego ciała dialogu.
meetings-agenda-move-up = Przesuń wyżej
flash-agenda-moved = Zmieniono kolejność porządku obrad.


## Applications to join and requests for new bodies
application-link = Zgłoś się do tego ciała
body-request-link = Złóż wniosek o utworzenie nowego ciała dialogu
application-title = Zgłoszenie do ciała dialogu
application-lead = Zgłoś siebie albo organizację, którą reprezentujesz. Sekretarz ciała rozpatrzy zgłoszenie, a o decyzji powiadomimy Cię e-mailem.
application-field-kind = Kto się zgłasza
application-kind-person = Osoba prywatna
application-kind-organisation = Organizacja
application-field-name = Imię i nazwisko
application-field-organisation = Reprezentowana organizacja
application-field-organisation-optional = Reprezentowana organizacja (wymagana, gdy zgłasza się organizacja)
application-field-organisation-hint = Pełna nazwa organizacji, np. z KRS.
application-field-statement = Dlaczego chcesz działać w tym ciele
application-field-statement-hint = Co najmniej 20 znaków: doświadczenie, sprawy, którymi chcesz się zajmować.
application-field-email = Adres e-mail do kontaktu
application-field-email-hint = Na ten adres wyślemy potwierdzenie i decyzję.
application-submit = Wyślij zgłoszenie
application-mail-subject = Zgłoszenie { $number } do ciała dialogu
application-mail-body =
    Dziękujemy za zgłoszenie { $number } do ciała: { $body }.

    Sekretarz ciała rozpatrzy je i powiadomi Cię o decyzji. Stan zgłoszenia: { $link }

    Tę wiadomość wysyłamy, bo złożono zgłoszenie z Twojego konta.
application-number = Zgłoszenie
application-status = Stan
application-status-pending = Czeka na decyzję sekretarza
application-status-accepted = Przyjęte
application-status-refused = Odrzucone
application-body = Ciało dialogu
application-received = Złożone
application-decided = Rozpatrzone
application-field-reason = Uzasadnienie odmowy
application-pending-note = Sekretarz ciała jeszcze nie rozpatrzył zgłoszenia. O decyzji powiadomimy Cię e-mailem.
application-queue-title = Zgłoszenia do ciała
application-queue-pending = Czekające na decyzję
application-queue-none = Żadne zgłoszenie nie czeka na decyzję.
application-queue-decided = Rozpatrzone
application-waiting = Czeka
application-waiting-days = { $count ->
    [one] 1 dzień
   *[other] { $count } dni
}
application-decide-title = Decyzja w sprawie zgłoszenia
application-field-decision = Decyzja
application-accept = Przyjmij jako członka
application-refuse = Odmów
application-starts-hint = Gdy przyjmujesz: pierwszy dzień członkostwa, nie wcześniejszy niż dzień zgłoszenia (RRRR-MM-DD).
application-field-reason-when-refused = Uzasadnienie odmowy (wymagane, gdy odmawiasz)
application-reason-hint = Zgłaszający otrzyma je e-mailem.
application-decide-submit = Zapisz decyzję
application-mail-accepted-subject = Przyjęto Twoje zgłoszenie do ciała dialogu
application-mail-accepted-body =
    Twoje zgłoszenie do ciała { $body } zostało przyjęte. Członkostwo zaczyna się { $starts }.

    Szczegóły: { $link }
application-mail-refused-subject = Decyzja w sprawie Twojego zgłoszenia do ciała dialogu
application-mail-refused-body =
    Twoje zgłoszenie do ciała { $body } nie zostało przyjęte.

    Uzasadnienie: { $reason }

    Szczegóły: { $link }
flash-application-sent = Zgłoszenie zostało wysłane. Potwierdzenie wysłaliśmy e-mailem.
flash-application-decided = Decyzja została zapisana, a zgłaszający powiadomiony.
error-application-decided = To zgłoszenie zostało już rozpatrzone.
error-application-starts-before = Członkostwo nie może zacząć się przed dniem zgłoszenia.
body-request-title = Wniosek o utworzenie ciała dialogu
body-request-lead = Zaproponuj nowe ciało dialogu, np. komisję dialogu obywatelskiego. Inne organizacje mogą poprzeć wniosek na jego stronie; gdy go złożysz, wydział ma 30 dni na decyzję.
body-request-lead-page = Wniosek o utworzenie ciała dialogu obywatelskiego.
body-request-field-name = Proponowana nazwa
body-request-field-name-hint = Np. Komisja Dialogu Obywatelskiego ds. Kultury.
body-request-field-kind = Rodzaj ciała
body-request-field-justification = Uzasadnienie
body-request-field-justification-hint = Co najmniej 20 znaków: czym ciało miałoby się zajmować i dlaczego.
body-request-field-unit = Wydział, przy którym działałoby ciało
body-request-choose-unit = Wybierz wydział
body-request-field-organisation = Twoja organizacja
body-request-field-organisation-optional = Twoja organizacja (nieobowiązkowe)
body-request-field-organisation-hint = Jeśli ją podasz, będzie pierwszą organizacją popierającą wniosek.
body-request-submit = Utwórz wniosek
body-request-status = Stan wniosku
body-request-status-collecting = Zbiera poparcie
body-request-status-submitted = Złożony, czeka na decyzję miasta
body-request-status-created = Rozpatrzony: ciało zostanie utworzone
body-request-status-refused = Rozpatrzony: odmowa z uzasadnieniem
body-request-due = Termin decyzji miasta
body-request-in-ledger = decyzja w rejestrze odpowiedzi miasta
body-request-requester = Wnioskodawca
body-request-created = Utworzony
body-request-supporters = Organizacje popierające
body-request-needed = Rada Działalności Pożytku Publicznego powstaje na wniosek co najmniej { $count } organizacji.
body-request-no-supporters = Żadna organizacja jeszcze nie poparła wniosku.
body-request-support-heading = Poprzyj wniosek w imieniu organizacji
body-request-field-supporter = Nazwa organizacji
body-request-field-supporter-hint = Każda organizacja może poprzeć wniosek raz.
body-request-support = Poprzyj wniosek
body-request-submit-heading = Złóż wniosek w urzędzie
body-request-submit-hint = Po złożeniu wniosek trafi do rejestru odpowiedzi miasta, a poparcie nie będzie już zbierane.
body-request-send = Złóż wniosek
body-request-sign-in = Zaloguj się, aby poprzeć wniosek.
body-request-admin-title = Wnioski o utworzenie ciał dialogu
body-request-admin-none = Nie ma jeszcze żadnych wniosków.
flash-body-request-created = Wniosek został utworzony. Przekaż link do tej strony organizacjom, które mogą go poprzeć.
flash-body-request-supported = Dziękujemy, poparcie zostało zapisane.
flash-body-request-submitted = Wniosek został złożony i czeka na decyzję miasta.
error-body-request-closed = Wniosek został już złożony; poparcie nie jest już zbierane.
error-body-request-supported-twice = Ta organizacja już poparła ten wniosek.
error-body-request-too-few-supporters = Wniosek o utworzenie rady pożytku publicznego musi poprzeć co najmniej { $limit } organizacji.
tracked-kind-body_request = Wniosek o utworzenie ciała dialogu
tracked-state-granted = Rozpatrzony: ciało zostanie utworzone
tracked-state-refused = Rozpatrzony: odmowa
tracked-step-granted = Uwzględnij wniosek (ciało zostanie utworzone)
tracked-step-refused = Odmów z uzasadnieniem
flash-tracked-granted = Wniosek został uwzględniony.
flash-tracked-refused = Odmowa została opublikowana.

## Forum
nav-forum = Forum
channel-forum = Wpis na forum
error-choose-one = Wybierz jedną z możliwości.
error-forum-links-new-account = Nowe konta nie mogą jeszcze wstawiać linków. Usuń adresy stron albo spróbuj za kilka dni.
error-forum-report-explain = Napisz, co jest nie tak, gdy wybierasz „Inny powód”.
error-forum-statement-required = Napisz uzasadnienie: autor je otrzyma.
error-forum-reply-gone = Wpisu, na który odpowiadasz, nie ma już w wątku albo został ukryty. Twój tekst jest poniżej.
error-forum-due-past = Termin nie może być wcześniejszy niż dziś.
error-forum-slug-reserved = Ten adres jest zarezerwowany. Wybierz inny.
forum-title = Forum
forum-intro = Rozmawiaj z mieszkańcami i z miastem. Wydziały publikują tu stanowiska miasta, a moderacja działa jawnie.
forum-recent = Najnowsze wątki
forum-no-threads = Nie ma jeszcze wątków.
forum-posts-count = { $count ->
    [one] { $count } wpis
    [few] { $count } wpisy
   *[other] { $count } wpisów
}
forum-threads-count = { $count ->
    [one] { $count } wątek
    [few] { $count } wątki
   *[other] { $count } wątków
}
forum-general = Forum ogólne
forum-no-spaces = Nie ma jeszcze kategorii.
forum-consultations = Dyskusje w konsultacjach
forum-districts = Dzielnice
forum-bodies = Ciała dialogu
forum-threads = Wątki
forum-thread = Wątek
forum-posts = Wpisy
forum-last-post = Ostatni wpis
forum-closed = zamknięty
forum-awaiting-short = czeka na stanowisko miasta do { $date }
forum-answered = miasto zajęło stanowisko
forum-owner-page = Przejdź do strony, której dotyczy ta przestrzeń
forum-members-only-note = Tę przestrzeń widzą tylko członkowie ciała dialogu.
forum-premoderated-note = Wpisy w tej przestrzeni ukazują się po sprawdzeniu przez moderatora.
forum-new-thread = Nowy wątek
forum-field-title = Tytuł
forum-field-text = Treść
forum-text-hint = Możesz używać Markdown: **pogrubienie**, *kursywa*, listy, cytaty (>).
forum-start = Rozpocznij wątek
forum-refused-title = Tu nie można pisać
forum-back = Wróć
forum-too-many = { $count ->
    [one] Możesz wysłać { $count } wpis na godzinę. Spróbuj później — Twój tekst jest poniżej.
    [few] Możesz wysłać { $count } wpisy na godzinę. Spróbuj później — Twój tekst jest poniżej.
   *[other] Możesz wysłać { $count } wpisów na godzinę. Spróbuj później — Twój tekst jest poniżej.
}
forum-tombstone = Wpis ukryty przez moderatora { $date }. Powód: { $reason }.
forum-reason-abuse = obraźliwe treści lub nękanie
forum-reason-hate = mowa nienawiści
forum-reason-spam = reklama lub spam
forum-reason-personal_data = cudze dane osobowe
forum-reason-illegal = treści niezgodne z prawem
forum-reason-off_topic = nie na temat
forum-reason-other = inny powód
forum-awaiting = Czeka na stanowisko miasta: { $unit }, termin { $date }.
forum-order-najstarsze = od najstarszych
forum-order-najnowsze = od najnowszych
forum-order-poparcie = najczęściej popierane
forum-started-by = Rozpoczął(-ęła): { $author }
forum-overdue = po terminie
forum-closed-on = Wątek zamknięty { $date }
forum-city-position = Stanowisko miasta
forum-order = Kolejność
forum-sort = Pokaż
forum-replies-to = Odpowiedzi na wpis: { $author }
forum-write = Napisz wpis
forum-reply-to = Odpowiedź na wpis: { $author }
forum-send = Wyślij
forum-reply-cancel = Napisz nowy wpis zamiast odpowiedzi
forum-staff-tools = Dla pracowników
forum-give-position = Stanowisko miasta
forum-field-unit = Wydział
forum-field-position = Treść stanowiska
forum-publish-position = Opublikuj stanowisko
forum-mark-awaiting = Oznacz: czeka na stanowisko miasta
forum-field-due = Termin stanowiska
forum-due-hint = RRRR-MM-DD. Wątek trafi do rejestru odpowiedzi miasta.
forum-mark = Oznacz
forum-close = Zamknij wątek
forum-field-summary = Podsumowanie
forum-summary-hint = Co wynikło z rozmowy: czytelnicy zobaczą je na początku wątku.
forum-close-button = Zamknij z podsumowaniem
forum-edited = edytowano { $date }
forum-in-reply-to = w odpowiedzi na: { $author }
forum-held-note = Wpis czeka na decyzję moderatora.
forum-is-remark = Ten wpis jest też uwagą w konsultacjach i dostanie odpowiedź w raporcie.
forum-supports = { $count ->
    [one] { $count } poparcie
    [few] { $count } poparcia
   *[other] { $count } poparć
}
forum-support = Popieram
forum-supported = Popierasz ten wpis
forum-reply = Odpowiedz
forum-quote = Cytuj
forum-edit = Edytuj wpis
forum-report = Zgłoś wpis
forum-promote = Złóż jako uwagę w konsultacjach
forum-appeal = Odwołaj się od ukrycia
forum-space-closed = Ta przestrzeń jest zamknięta: można czytać, ale nie pisać.
forum-consultation-closed = Konsultacje nie trwają, więc dyskusja jest zamknięta.
forum-thread-closed = Wątek jest zamknięty.
forum-sign-in = Zaloguj się, aby pisać na forum.
forum-members-only = Tu piszą tylko członkowie ciała dialogu.
forum-staff-start = Wątki w tej przestrzeni zakładają pracownicy. Możesz odpowiadać w istniejących.
forum-support-own = Nie możesz poprzeć własnego wpisu
forum-support-own-message = Poparcie liczy głosy innych osób.
forum-support-twice = Już popierasz ten wpis
forum-support-twice-message = Każda osoba może poprzeć wpis tylko raz.
forum-edit-late = Czas na edycję minął
forum-edit-late-message = Wpis można poprawiać tylko przez krótki czas po wysłaniu. Możesz dopisać sprostowanie w odpowiedzi.
forum-report-own = Nie możesz zgłosić własnego wpisu
forum-report-own-message = Jeśli chcesz coś poprawić, edytuj wpis, póki to możliwe.
forum-report-twice = Ten wpis już zgłosiłeś(-aś)
forum-report-twice-message = Dostaniesz wiadomość, gdy moderator zdecyduje.
forum-appeal-twice = Odwołanie już zostało złożone
forum-appeal-twice-message = Od ukrycia wpisu można odwołać się raz.
forum-promote-closed = Konsultacje nie przyjmują już uwag
forum-promote-closed-message = Wpis można złożyć jako uwagę tylko w czasie trwania konsultacji.
forum-promote-twice = Ten wpis jest już uwagą
forum-promote-twice-message = Wpis złożono jako uwagę wcześniej.
flash-forum-held = Dziękujemy. Wpis ukaże się po sprawdzeniu przez moderatora.
flash-forum-awaiting = Wątek czeka na stanowisko miasta i jest w rejestrze odpowiedzi miasta.
flash-forum-closed = Wątek zamknięto z podsumowaniem.
flash-forum-reported = Dziękujemy za zgłoszenie. Dostaniesz wiadomość o decyzji moderatora.
flash-forum-appealed = Odwołanie przyjęte. Moderator ponownie rozpatrzy wpis.
flash-forum-promoted = Wpis złożono jako uwagę w konsultacjach. Odpowiedź znajdzie się w raporcie.
flash-moderation-decided = Decyzja zapisana. Autor i zgłaszający dostaną wiadomość.
forum-edit-until = Możesz poprawiać wpis do { $date }. Poprzednia wersja pozostanie widoczna w historii.
forum-history = Historia zmian wpisu
forum-version-current = Obecna wersja ({ $date })
forum-version-earlier = Wersja z { $date }
forum-report-intro = Zgłoszenie trafi do moderatorów. Nie pokazujemy nikomu, kto zgłosił wpis.
forum-field-reason = Powód zgłoszenia
forum-field-note = Wyjaśnienie (opcjonalnie)
forum-note-hint = Wymagane, gdy wybierasz „inny powód”.
forum-report-send = Zgłoś
forum-appeal-intro = Moderator ukrył Twój wpis. Powód: { $reason }. Możesz raz się odwołać.
forum-field-appeal = Uzasadnienie odwołania
forum-appeal-hint = Napisz, dlaczego wpis powinien wrócić.
forum-appeal-send = Wyślij odwołanie
forum-log-title = Rejestr moderacji
forum-log-intro = Wszystkie decyzje moderatorów: co zrobiono, dlaczego i kiedy. Nie podajemy, kto zgłosił wpis.
forum-log-empty = Nie było jeszcze decyzji moderatorów.
forum-log-when = Kiedy
forum-log-action = Decyzja
forum-log-reason = Powód
forum-log-content = Czego dotyczy
forum-action-approved = wpis dopuszczony
forum-action-hidden = wpis ukryty
forum-action-kept = zgłoszenie odrzucone, wpis pozostaje
forum-action-restored = wpis przywrócony po odwołaniu
forum-action-appeal_refused = odwołanie nieuwzględnione
forum-action-held_by_reports = wpis wstrzymany po zgłoszeniach
forum-content-post = wpis
forum-content-reply = odpowiedź
forum-promoted-justification = Wpis z forum: { $link }
forum-members-space = przestrzeń członków
forum-state-visible = widoczny
forum-state-held = wstrzymany
forum-state-hidden = ukryty
moderation-queue-title = Moderacja forum
moderation-queue-empty = Nic nie czeka na decyzję.
moderation-what-appeal = odwołanie autora
moderation-what-premoderation = wpis do sprawdzenia
moderation-what-reports = { $count ->
    [one] { $count } zgłoszenie
    [few] { $count } zgłoszenia
   *[other] { $count } zgłoszeń
}
moderation-waiting-hours = { $count ->
    [one] czeka { $count } godzinę
    [few] czeka { $count } godziny
   *[other] czeka { $count } godzin
}
moderation-col-post = Wpis
moderation-col-why = Dlaczego w kolejce
moderation-col-waiting = Czas oczekiwania
moderation-decide-title = Decyzja moderatora
moderation-reports = Zgłoszenia
moderation-appeal = Odwołanie autora
moderation-nothing-to-decide = Ten wpis nie czeka na decyzję.
moderation-field-decision = Decyzja
moderation-decision-approve = Dopuść wpis
moderation-decision-keep = Zostaw wpis (zgłoszenia bezzasadne)
moderation-decision-hide = Ukryj wpis
moderation-decision-restore = Przywróć wpis
moderation-decision-refuse = Nie uwzględniaj odwołania
moderation-field-reason = Powód ukrycia (wymagany, gdy ukrywasz)
moderation-reason-hint = Widoczny publicznie w miejscu wpisu i w rejestrze moderacji.
moderation-field-statement = Uzasadnienie dla autora (wymagane, gdy ukrywasz lub odrzucasz odwołanie)
moderation-statement-hint = Autor dostanie je w wiadomości razem z informacją o odwołaniu.
moderation-decide = Zapisz decyzję
forum-admin-title = Forum: kategorie i ustawienia
forum-new-space = Nowa kategoria forum
forum-settings = Ustawienia
forum-field-edit-minutes = Czas na edycję wpisu (minuty)
forum-edit-minutes-hint = Od 0 do 10080.
forum-field-reports-to-hold = Liczba zgłoszeń wstrzymująca wpis
forum-reports-to-hold-hint = Od 1 do 100.
forum-field-alert-hours = Po ilu godzinach oczekiwania powiadomić moderatorów
forum-alert-hours-hint = Od 1 do 720.
forum-field-posts-per-hour = Wpisy jednego konta na godzinę
forum-posts-per-hour-hint = Od 1 do 1000.
forum-field-days-before-links = Ile dni musi mieć konto, by wstawiać linki
forum-days-before-links-hint = Od 0 do 365.
forum-flag-staff-start = wątki zakładają pracownicy
forum-flag-premoderated = moderacja wstępna
forum-flag-closed = zamknięta
forum-space-page = Zobacz przestrzeń na forum
forum-slug-hint = Część adresu po /forum/: małe litery, cyfry i myślniki.
forum-field-position-order = Kolejność na liście (opcjonalnie)
forum-field-description = Opis (opcjonalnie)
forum-field-rules = Zasady
forum-field-residents-start = Mieszkańcy mogą zakładać wątki
forum-field-premoderated = Moderacja wstępna: wpisy mieszkańców ukazują się po sprawdzeniu
forum-field-closed = Zamknięta: można czytać, nie można pisać
forum-outcome-approved = wpis został dopuszczony
forum-outcome-hidden = wpis został ukryty
forum-outcome-kept = wpis pozostaje, bo nie narusza zasad
forum-outcome-restored = wpis przywrócono
forum-outcome-appeal_refused = wpis pozostaje ukryty
forum-outcome-held_by_reports = wpis czeka na decyzję
forum-mail-reply-subject = Nowa odpowiedź w wątku „{ $title }”
forum-mail-reply-body = { $author } odpowiedział(a) w wątku „{ $title }”:

    { $text }

    Zobacz: { $link }
forum-mail-position-subject = Stanowisko miasta w wątku „{ $title }”
forum-mail-position-body = { $unit } zajął stanowisko w wątku „{ $title }”:

    { $text }

    Zobacz: { $link }
forum-mail-hidden-subject = Twój wpis w wątku „{ $title }” został ukryty
forum-mail-hidden-body = Moderator ukrył Twój wpis w wątku „{ $title }”.

    Powód: { $reason }
    Uzasadnienie: { $statement }

    Treść wpisu:
    { $text }

    Możesz raz się odwołać: { $appeal }
forum-mail-approved-subject = Twój wpis w wątku „{ $title }” został opublikowany
forum-mail-approved-body = Moderator sprawdził Twój wpis i jest już widoczny: { $link }
forum-mail-restored-subject = Twój wpis w wątku „{ $title }” przywrócono
forum-mail-restored-body = Moderator uwzględnił Twoje odwołanie. Wpis znów jest widoczny: { $link }
forum-mail-appeal-refused-subject = Odwołanie dotyczące wpisu w wątku „{ $title }”
forum-mail-appeal-refused-body = Moderator nie uwzględnił odwołania i wpis pozostaje ukryty.

    Uzasadnienie: { $statement }
forum-mail-outcome-subject = Decyzja w sprawie zgłoszonego wpisu w wątku „{ $title }”
forum-mail-outcome-body = Dziękujemy za zgłoszenie. Decyzja moderatora: { $outcome }.

    Wątek: { $link }
forum-mail-waiting-subject = Wpisy na forum czekają na moderację
forum-mail-waiting-body = Wpis czeka na decyzję dłużej niż { $hours } godz. Kolejka: { $link }
forum-discussion = Dyskusja online
forum-discussion-all = Cała dyskusja i nowy wątek
forum-awaiting-label = czeka na stanowisko miasta
forum-kept-text = Twój tekst (nie został wysłany), do skopiowania
forum-district = Forum dzielnicy
forum-district-link = Debaty o sprawach dzielnicy na forum
forum-body-link = Rozmowa z ciałem dialogu na forum
forum-body-members-link = Przestrzeń członków na forum
## Dialogue bodies (issue 20, the rest): members' records, certificates, yearly reports, the city's time to answer per kind of body, opinions from meetings, bodies created on granted requests
recognition-records = Udział członków
recognition-records-hint = Członek decyduje sam, czy jego udział w pracach ciała (posiedzenia, współpodpisane opinie, kadencje) jest widoczny publicznie.
recognition-records-none = Żaden z członków nie zgodził się jeszcze na pokazanie swojego udziału.
recognition-col-served = Funkcje i kadencje
recognition-col-meetings = Posiedzenia
recognition-col-opinions = Współpodpisane opinie
recognition-mine-shown = Twój udział jest widoczny na stronie ciała.
recognition-mine-hidden = Twój udział nie jest widoczny publicznie.
recognition-show = Pokaż mój udział publicznie
recognition-hide = Ukryj mój udział
recognition-certificate-link = Zaświadczenie o udziale w pracach (PDF)
recognition-reports = Sprawozdania z działalności
recognition-report-year = Sprawozdanie za rok { $year }
recognition-report-title = { $body }: sprawozdanie z działalności za rok { $year }
recognition-report-pdf = Pobierz sprawozdanie (PDF, dostępny)
recognition-mine-title = Moje ciała dialogu
recognition-mine-none = Nie jesteś i nie byłeś członkiem żadnego ciała dialogu pod tym kontem.
flash-record-shown = Twój udział jest teraz widoczny na stronie ciała.
flash-record-hidden = Twój udział nie jest już widoczny publicznie.
recognition-cert-form-title = Zaświadczenie o udziale w pracach
recognition-cert-form-intro = Zaświadczenie wymienia funkcje i kadencje w wybranym okresie, posiedzenia z obecnością oraz współpodpisane opinie i rekomendacje. Otrzymuje numer i jest odnotowywane.
recognition-cert-for = Zaświadczenie dla: { $name }
recognition-field-member = Osoba
recognition-member-choose = Wybierz osobę
recognition-field-from = Od dnia
recognition-field-to = Do dnia
recognition-field-to-hint = Najpóźniej dzisiaj.
recognition-cert-issue = Wystaw zaświadczenie (PDF)
error-recognition-member-choose = Wybierz osobę, dla której wystawiasz zaświadczenie.
error-certificate-period-reversed = Koniec okresu nie może być wcześniejszy niż jego początek.
error-certificate-no-membership = W tym okresie ta osoba nie była członkiem ciała. Wybierz okres członkostwa.
recognition-cert-title = Zaświadczenie o udziale w pracach ciała dialogu obywatelskiego
recognition-cert-person = Imię i nazwisko
recognition-cert-body = Ciało dialogu
recognition-cert-period = Okres
recognition-cert-reference = Numer zaświadczenia
recognition-cert-issued = Data wystawienia
recognition-cert-attests = Zaświadcza się, że { $name } uczestniczył(a) w pracach ciała „{ $body }” w okresie { $period }.
recognition-cert-roles = Funkcje i kadencje
recognition-cert-meetings = Posiedzenia z obecnością ({ $count })
recognition-cert-opinions = Współpodpisane opinie i rekomendacje ({ $count })
recognition-cert-none = Brak w tym okresie.
recognition-cert-note = Wystawiono { $issued }, numer { $reference }. Zaświadczenie sporządzono na podstawie list obecności i podpisów zapisanych w serwisie.
recognition-summary = W liczbach
recognition-count-members = Członkowie w ciągu roku
recognition-count-meetings = Odbyte posiedzenia
recognition-count-opinions = Opinie i rekomendacje
recognition-count-answered = Z odpowiedzią miasta
recognition-count-referrals = Skierowane konsultacje
recognition-count-referrals-answered = Zaopiniowane konsultacje
recognition-terms = Kadencje
recognition-members = Członkowie
recognition-meetings = Posiedzenia
recognition-opinions = Opinie i rekomendacje
recognition-referrals = Konsultacje skierowane do zaopiniowania
recognition-meeting-facts = { $when }; obecnych { $present } z { $listed }; { $quorum }
recognition-quorum-reached = kworum osiągnięte
recognition-quorum-missed = bez kworum
recognition-quorum-unknown = obecności nie odnotowano
recognition-opinion-facts = { $kind } z { $adopted } do: { $unit }; stan: { $state }; { $answer }; podpisy członków: { $signatures }
recognition-answered-on = odpowiedź miasta { $date }
recognition-awaiting = czeka na odpowiedź do { $date }
recognition-overdue = { $count ->
    [one] odpowiedź spóźniona o { $count } dzień roboczy
    [few] odpowiedź spóźniona o { $count } dni robocze
   *[many] odpowiedź spóźniona o { $count } dni roboczych
}
recognition-referral-facts = skierowana { $date }; opinia: { $answered }
recognition-yes = wydana
recognition-no = nie wydano
answer-rules-title = Terminy odpowiedzi miasta
answer-rules-intro = Ile dni kalendarzowych miasto ma na odpowiedź na opinię lub rekomendację ciała danego rodzaju, licząc od dnia jej przyjęcia (koniec w dniu wolnym przesuwa się na najbliższy dzień roboczy). Zmiana dotyczy opinii wysłanych od teraz; wcześniejsze zachowują swój termin.
answer-rules-hint = Liczba dni od 1 do 365.
error-answer-days-invalid = Wpisz liczbę dni od 1 do { $limit }.
opinion-meeting = Przyjęta na posiedzeniu
opinion-meeting-hint = Posiedzenie ciała, które już się odbyło. Głosów nie może być więcej niż członków z prawem głosu obecnych na nim.
opinion-meeting-none = Nie wskazuję posiedzenia
opinion-meeting-option = { $title } ({ $date }; obecnych z prawem głosu: { $present })
error-opinion-meeting-not-held = Wybierz posiedzenie tego ciała, które już się odbyło.
error-opinion-votes-exceed-present = Głosów jest więcej niż członków z prawem głosu obecnych na tym posiedzeniu ({ $limit }).
meeting-opinions = Opinie i rekomendacje przyjęte na posiedzeniu
bodies-from-request = Ciało powstaje na podstawie uwzględnionego wniosku „{ $name }”. Formularz wypełniono danymi z wniosku; uzupełnij je.
error-bodies-request-done = Na podstawie tego wniosku utworzono już ciało.
body-request-body = Utworzone ciało
body-request-body-link = Strona ciała dialogu
body-request-create-body = Utwórz ciało na podstawie wniosku

## District map
nav-districts = Dzielnice
districts-map-title = Dzielnice Krakowa
districts-map-intro = Wybierz dzielnicę na mapie albo z listy, aby zobaczyć konsultacje, sondy i forum jej mieszkańców.
districts-map-heading = Mapa dzielnic
districts-map-hint = Każda dzielnica na mapie jest odnośnikiem do jej strony. Te same dzielnice są też na liście.
districts-map-list = Lista dzielnic
districts-map-none = Nie dodano jeszcze żadnej dzielnicy.
districts-map-credit = Granice dzielnic:
districts-map-credit-link = © OpenStreetMap contributors
districts-map-outline = Granice dzielnicy { $name }
districts-map-all = Wszystkie dzielnice na mapie
home-districts-map = Mapa dzielnic

## News
role-centre_editor = Redaktor Centrum Dialogu
news-title = Aktualności
nav-news = Aktualności
news-lead = Wiadomości Centrum Dialogu Obywatelskiego, rad dzielnic i ciał dialogu.
news-feed-link = Subskrybuj te aktualności w czytniku (Atom)
news-feed-title = Aktualności — Centrum Dialogu Obywatelskiego
news-filter-body = Ciało dialogu
news-count = { $count ->
    [one] { $count } wiadomość
    [few] { $count } wiadomości
   *[other] { $count } wiadomości
}
news-empty = Nie ma wiadomości spełniających te warunki.
news-not-public = Ta wiadomość nie jest jeszcze publiczna.
news-edit = Edytuj wiadomość
news-see-post = Zobacz wiadomość
news-files = Załączniki
news-files-none = Wiadomość nie ma załączników.
news-categories = Tematy:
news-admin-title = Aktualności — redakcja
news-admin-new = Nowa wiadomość
news-admin-empty = Nie ma jeszcze wiadomości.
news-col-about = Czyja
news-col-stage = Stan
news-col-when = Publikacja
news-about-centre = Centrum Dialogu
news-stage-draft = Szkic
news-stage-scheduled = Zaplanowana
news-stage-published = Opublikowana
news-field-title = Tytuł
news-field-lead = Wstęp
news-field-lead-hint = Jeden lub dwa zdania widoczne na liście wiadomości.
news-field-body = Treść
news-section-subject = Czyja to wiadomość
news-subject-hint-centre = Zostaw oba pola puste dla wiadomości Centrum; wybierz dzielnicę albo ciało dialogu, jeśli wiadomość jest od nich.
news-subject-hint = Piszesz w imieniu dzielnicy albo ciała dialogu, którym się zajmujesz: wybierz jedno z nich.
news-field-district = Dzielnica (opcjonalnie)
news-field-body-id = Ciało dialogu (opcjonalnie)
news-none = — brak —
news-section-image = Zdjęcie główne (opcjonalnie)
news-field-image = Plik zdjęcia (opcjonalnie)
news-field-image-hint = PNG, JPG albo WebP, najwyżej { $mb } MB.
news-field-image-alt = Opis zdjęcia (tekst alternatywny)
news-field-image-alt-hint = Wymagany, gdy wiadomość ma zdjęcie: co widać na zdjęciu, dla osób, które go nie widzą.
news-field-image-alt-en = Opis zdjęcia po angielsku (opcjonalnie)
news-image-remove = Usuń obecne zdjęcie
news-field-categories = Tematy (opcjonalnie)
news-section-english = Wersja angielska (opcjonalnie)
news-field-title-en = Tytuł po angielsku (opcjonalnie)
news-field-lead-en = Wstęp po angielsku (opcjonalnie)
news-field-body-en = Treść po angielsku (opcjonalnie)
news-section-publish = Publikacja
news-publish-draft = Zapisz jako szkic (niewidoczny publicznie)
news-publish-now = Opublikuj teraz
news-publish-schedule = Zaplanuj publikację na wskazany czas
news-field-publish-at = Data i godzina publikacji (przy planowaniu)
news-field-publish-at-hint = Czas warszawski. Do tej chwili wiadomości nie będzie na żadnej stronie, w kanale ani w wynikach wyszukiwania.
news-save = Zapisz wiadomość
news-file-remove = Usuń załącznik
news-field-file-title = Nazwa załącznika
news-field-file = Plik załącznika
news-file-add = Dodaj załącznik
flash-news-draft = Zapisano szkic. Wiadomość nie jest publiczna.
flash-news-scheduled = Zapisano. Wiadomość ukaże się o zaplanowanej godzinie.
flash-news-published = Wiadomość jest opublikowana.
flash-news-file-added = Dodano załącznik.
flash-news-file-removed = Usunięto załącznik.
error-news-subject-not-yours = Nie możesz pisać w imieniu tej dzielnicy ani tego ciała dialogu. Wybierz jedno z tych, którymi się zajmujesz.
error-news-image-alt-required = Opisz zdjęcie: tekst alternatywny jest wymagany.
error-news-schedule-past = Czas publikacji już minął. Podaj przyszły czas albo wybierz „Opublikuj teraz”.
error-news-image-type = Zdjęcie musi być plikiem PNG, JPG albo WebP.
error-news-image-again = Wybierz zdjęcie ponownie: przeglądarka nie wysyła go drugi raz.
home-news = Aktualności
home-news-all = Wszystkie aktualności
district-news = Aktualności dzielnicy
district-news-all = Wszystkie aktualności dzielnicy
body-news = Aktualności
body-news-all = Wszystkie aktualności tego ciała dialogu
news-feed-of = Kanał Atom tych aktualności

## Standalone surveys
surveys-title = Ankiety
surveys-lead = Ankiety miasta niezwiązane z jedną konsultacją: odpowiedz na trwające i zobacz wyniki zakończonych.
surveys-open = Trwające ankiety
surveys-open-none = Teraz nie trwa żadna ankieta.
surveys-closed = Zakończone ankiety
surveys-open-until = Odpowiedzi do { $date }
surveys-closed-on = Zakończona { $date }
surveys-results-not-public = wyniki nie są publiczne
surveys-consultation-note = Ankiety prowadzone w ramach konsultacji są na stronach tych konsultacji:
home-surveys = Ankiety
home-surveys-text = Ankiety miasta, w których możesz wziąć udział, i wyniki tych zakończonych.
home-surveys-link = Wszystkie ankiety

## District councils
district-council = Rada dzielnicy
district-council-empty = Rada dzielnicy nie opisała jeszcze tu swojej pracy.
district-council-seat = Siedziba
district-council-hours = Godziny pracy biura
district-council-contact = Kontakt
district-council-edit = Edytuj opis rady
council-title = Rada dzielnicy
council-see-page = Zobacz stronę dzielnicy
council-field-about = Czym zajmuje się rada i jak może pomóc mieszkańcom (opcjonalnie)
council-field-about-hint = Formatowanie Markdown: **pogrubienie**, listy z „-”, nagłówki z „##”.
council-field-seat = Adres siedziby (opcjonalnie)
council-field-hours = Godziny pracy biura (opcjonalnie)
council-field-hours-hint = Każdy dzień w osobnym wierszu, np. „poniedziałek 10:00–18:00”.
council-field-contact = Kontakt: telefon, e-mail (opcjonalnie)
council-save = Zapisz opis rady

## Councillors: terms, memberships, photos and duty hours of district councils
council-role-council_chair = Przewodniczący/a Rady Dzielnicy
council-role-board_chair = Przewodniczący/a Zarządu Dzielnicy
council-role-board_member = Członek/Członkini Zarządu
council-role-councillor = Radny/Radna
council-period-from = od { $date }
council-duty-office = Biuro rady dzielnicy
council-duty-summary = Dyżur: { $who }
council-duties-feed = Dyżury radnych, Dzielnica { $name }
council-standing-coming = Obejmie mandat później
council-standing-former = Były radny / była radna
council-board = Prezydium i Zarząd
council-duties = Dyżury radnych
council-duties-none = Nie ogłoszono dyżurów.
council-duties-ics = Dyżury w kalendarzu (iCalendar)
council-know-link = Poznaj swoją radę: radni, dyżury, historia kadencji
council-know-title = Poznaj swoją radę
council-know-see = Zobacz stronę „Poznaj swoją radę”
council-people-edit = Radni, kadencje i dyżury
council-people-none = Nie wpisano jeszcze radnych.
council-term-current = Obecna kadencja { $name }
council-term = Kadencja { $name }
council-councillors = Radni ({ $count })
council-constituency = Okręg wyborczy
council-committees = Komisje
council-contact = Kontakt
council-since = Mandat
council-former = Byli radni tej kadencji
council-history = Poprzednie kadencje
council-people-title = Radni, kadencje i dyżury
council-people-list = Radni
council-col-name = Imię i nazwisko
council-col-standing = Funkcja dziś
council-add-councillor = Dodaj radnego
council-terms = Kadencje
council-terms-none = Nie ma jeszcze kadencji.
council-term-add = Dodaj kadencję
council-term-name-hint = Np. „2024–2029”.
council-duty-remove = Usuń dyżur
council-duty-add = Dodaj dyżur
council-field-duty-starts = Początek dyżuru
council-field-duty-hint = Data i godzina w czasie polskim.
council-field-duty-ends = Koniec dyżuru
council-field-duty-place = Miejsce dyżuru
council-field-duty-councillor = Kto dyżuruje (opcjonalnie)
councillor-field-name = Imię i nazwisko
councillor-field-constituency = Okręg wyborczy (opcjonalnie)
councillor-field-constituency-hint = Np. „Okręg nr 3: Stare Podgórze”.
councillor-field-committees = Komisje (opcjonalnie)
councillor-field-committees-hint = Każda komisja w osobnym wierszu.
councillor-field-contact = Kontakt (opcjonalnie)
councillor-field-contact-hint = Adres e-mail lub telefon, który radny chce podać mieszkańcom.
councillor-section-photo = Zdjęcie
councillor-field-photo = Zdjęcie (opcjonalnie)
councillor-field-photo-alt = Opis zdjęcia dla osób niewidomych (wymagany, gdy jest zdjęcie)
councillor-field-photo-alt-hint = Co widać na zdjęciu, np. „Anna Nowak na tle Rynku Podgórskiego”.
council-photo-remove = Usuń zdjęcie
council-save-councillor = Zapisz radnego
council-seats = Mandaty i funkcje
council-seats-none = Ten radny nie ma jeszcze mandatu w żadnej kadencji.
council-seat-add = Dodaj mandat lub funkcję
council-terms-first = Najpierw dodaj kadencję rady.
council-seat-end = Zakończ mandat lub funkcję
councillor-field-seat = Który mandat lub funkcja
councillor-field-seat-ends-on = Ostatni dzień
flash-council-duty-removed = Usunięto dyżur.
error-photo-alt-required = Opisz zdjęcie: bez opisu osoby niewidome nie dowiedzą się, co przedstawia.
error-photo-type = Zdjęcie musi być plikiem PNG, JPG lub WebP.
error-photo-again = Formularz ma błędy, więc zdjęcie nie zostało zapisane: wybierz je ponownie.
error-council-seat-outside-term = Data musi mieścić się w wybranej kadencji.
error-council-seat-overlaps = Ten radny pełni już tę funkcję w tym okresie.
error-council-role-taken = Tę funkcję pełni w tym okresie inna osoba: najpierw zakończ jej mandat.
error-council-term-taken = Kadencja o tej nazwie już istnieje.
error-duty-in-past = Dyżur musi zaczynać się w przyszłości.
error-duty-ends-before-start = Dyżur musi kończyć się po rozpoczęciu i trwać najwyżej dobę.
calendar-kind-duty = Dyżur radnego
calendar-part-of-council = Rada dzielnicy:

## Centre content
footer-centre = Centrum Dialogu
centre-title = Centrum Dialogu
centre-lead = Miejskie Centrum Dialogu pomaga mieszkańcom, organizacjom i urzędnikom rozmawiać o sprawach miasta. Tu znajdziesz informacje o Centrum, poradniki, publikacje i zdjęcia.
centre-menu = Strony Centrum
centre-empty = Centrum nie opublikowało jeszcze żadnej strony.
centre-more = Więcej od Centrum
centre-not-public = Ta strona nie jest jeszcze publiczna: widzą ją tylko redaktorzy Centrum.
centre-edit = Edytuj stronę
centre-admin-title = Strony Centrum Dialogu
centre-admin-new = Nowa strona
centre-admin-also = Treści Centrum:
centre-admin-empty = Nie ma jeszcze nic do pokazania.
centre-see-public = Zobacz na stronie publicznej
centre-see-page = Zobacz stronę
centre-col-title = Tytuł
centre-col-stage = Stan
centre-published = Opublikowana
centre-draft = Szkic
centre-kind-about = O Centrum
centre-kind-participate = Jak wziąć udział
centre-kind-guide = Poradnik
centre-kind-contact = Kontakt
centre-field-title = Tytuł
centre-field-kind = Rodzaj strony
centre-field-position = Miejsce w menu (opcjonalnie)
centre-field-position-hint = Liczba od 0 do 999; strony z mniejszą liczbą są wyżej.
centre-field-body = Treść
centre-field-title-en = Tytuł po angielsku (opcjonalnie)
centre-field-body-en = Treść po angielsku (opcjonalnie)
centre-field-published = Opublikuj stronę (bez zaznaczenia zostaje szkicem)
centre-choose = Wybierz
centre-save = Zapisz
centre-delete = Usuń
centre-delete-title = Usuwanie
centre-delete-question = Czy na pewno usunąć „{ $title }”? Tej operacji nie można cofnąć.
centre-delete-yes = Tak, usuń
centre-delete-no = Nie, wróć
flash-centre-saved = Zapisano zmiany.
flash-centre-deleted = Usunięto.
flash-centre-file-added = Dodano dokument.
flash-centre-file-removed = Usunięto dokument.
flash-centre-photo-added = Dodano zdjęcie.
flash-centre-photo-removed = Usunięto zdjęcie.
flash-gallery-created = Utworzono galerię. Dodaj do niej zdjęcia.
publications-title = Publikacje
publications-lead = Raporty z badań i ewaluacji, poradniki i inne opracowania Centrum Dialogu.
publications-count = { $count ->
    [one] { $count } publikacja
    [few] { $count } publikacje
   *[other] { $count } publikacji
}
publications-empty = Żadna publikacja nie pasuje do wybranych filtrów.
publication-kind-research = Raport z badania
publication-kind-evaluation = Raport z ewaluacji
publication-kind-guide = Poradnik
publication-kind-other = Inne
publication-admin-title = Publikacje Centrum
publication-admin-new = Nowa publikacja
publication-edit = Edytuj publikację
publication-field-title = Tytuł
publication-field-title-en = Tytuł po angielsku (opcjonalnie)
publication-field-kind = Rodzaj publikacji
publication-field-year = Rok wydania
publication-field-summary = Streszczenie
publication-field-summary-en = Streszczenie po angielsku (opcjonalnie)
publication-files = Dokumenty
publication-files-none = Publikacja nie ma jeszcze dokumentów.
publication-field-file-title = Nazwa dokumentu
publication-field-file = Plik dokumentu
publication-file-add = Dodaj dokument
publication-delete = Usuń publikację
error-centre-year-invalid = Wpisz rok wydania, np. 2025. Nie może być późniejszy niż bieżący.
galleries-title = Galerie zdjęć
galleries-lead = Zdjęcia ze spotkań, warsztatów i wydarzeń Centrum Dialogu.
galleries-empty = Nie ma jeszcze żadnej galerii.
gallery-photo-count = { $count ->
    [one] { $count } zdjęcie
    [few] { $count } zdjęcia
   *[other] { $count } zdjęć
}
gallery-edit = Edytuj galerię
gallery-see = Zobacz galerię
gallery-no-photos = W tej galerii nie ma jeszcze zdjęć.
gallery-admin-title = Galerie zdjęć Centrum
gallery-admin-new = Nowa galeria
gallery-col-photos = Zdjęcia
gallery-field-title = Tytuł galerii
gallery-field-title-en = Tytuł po angielsku (opcjonalnie)
gallery-field-date = Data wydarzenia
gallery-field-date-hint = Na przykład 2025-11-20.
gallery-field-description = Opis (opcjonalnie)
gallery-field-description-en = Opis po angielsku (opcjonalnie)
gallery-photos = Zdjęcia
gallery-photo-add = Dodaj zdjęcie
gallery-photo-remove = Usuń zdjęcie
gallery-field-photo = Plik zdjęcia
gallery-field-alt = Opis zdjęcia (tekst alternatywny)
gallery-field-alt-hint = Wymagany: co widać na zdjęciu, dla osób, które go nie widzą.
gallery-field-alt-en = Opis zdjęcia po angielsku (opcjonalnie)
gallery-field-caption = Podpis pod zdjęciem (opcjonalnie)
gallery-field-caption-en = Podpis po angielsku (opcjonalnie)
gallery-delete = Usuń galerię

## Events and registration (issue 23)
event-field-name = Imię i nazwisko uczestnika
event-field-email = Adres e-mail do potwierdzenia
event-field-needs = Potrzeby związane z dostępnością (opcjonalnie)
event-field-need-other = Jakie inne potrzeby (wymagane, gdy zaznaczono „inne”)
error-event-need-other-required = Opisz, czego potrzebujesz: organizator przygotuje to przed wydarzeniem.
events-title = Wydarzenia
events-lead = Konferencje, debaty, warsztaty, szkolenia Akademii, sesje Forum Dialogu, wizyty studyjne, spotkania integracyjne i dyżury radnych: organizowane przez Centrum, wydziały, dzielnice i ciała dialogu.
events-when = Kiedy
events-upcoming = Nadchodzące
events-past = Minione
events-count = { $count ->
    [one] { $count } wydarzenie
    [few] { $count } wydarzenia
   *[many] { $count } wydarzeń
}
events-empty = Brak wydarzeń spełniających te warunki.
events-admin-title = Wydarzenia: organizacja
event-kind-conference = Konferencja
event-kind-debate = Debata
event-kind-workshop = Warsztaty
event-kind-training = Szkolenie
event-kind-forum_session = Sesja Forum Dialogu
event-kind-study_visit = Wizyta studyjna
event-kind-integration = Wydarzenie integracyjne
event-kind-duty_hours = Dyżur
event-need-pjm = Tłumacz polskiego języka migowego (PJM)
event-need-induction_loop = Pętla indukcyjna
event-need-step_free = Dostęp bez schodów
event-need-other = Inne
event-status-confirmed = Masz miejsce
event-status-waiting = Jesteś na liście oczekujących
event-status-offered = Zwolniło się miejsce: czeka na Ciebie
event-status-cancelled = Zgłoszenie wycofane
event-status-event-cancelled = Wydarzenie odwołane
event-status-checked-in = obecność potwierdzona
event-status = Stan zgłoszenia
event-organiser-centre = Miejskie Centrum Dialogu
event-organiser-district = Dzielnica { $name }
event-online-only = Online
event-cancelled = odwołane
event-cancelled-notice = To wydarzenie zostało odwołane.
event-when = Termin
event-places = Miejsca
event-places-left = { $count ->
    [one] Zostało { $count } wolne miejsce
    [few] Zostały { $count } wolne miejsca
   *[many] Zostało { $count } wolnych miejsc
}
event-places-full = Brak wolnych miejsc: zapisz się na listę oczekujących
event-places-unlimited = Bez limitu miejsc
event-registration-opens = Zapisy ruszają { $at }.
event-registration-until = Zapisy do { $at }.
event-registration-closed = Zapisy zamknięte.
event-register = Zapisy
event-register-button = Zapisz się
event-manage = Zarządzaj wydarzeniem i uczestnikami
event-after = Po wydarzeniu
event-field-summary = Podsumowanie
event-field-materials = Materiały
event-recording = Nagranie z wydarzenia
event-field-email-hint = Wyślemy na ten adres potwierdzenie z kodem wejścia i plikiem do kalendarza.
event-field-needs-hint = Organizator przygotuje to, czego potrzebujesz, i zobaczy tylko podsumowanie potrzeb wszystkich uczestników.
event-optional-mark = (opcjonalnie)
event-refused-no-registration = Na to wydarzenie nie trzeba się zapisywać: wystarczy przyjść.
event-refused-not-yet = Zapisy jeszcze się nie zaczęły.
event-refused-closed = Zapisy są już zamknięte.
event-refused-cancelled = Wydarzenie zostało odwołane: zapisy nie są możliwe.
event-refused-twice = Ten adres e-mail jest już zapisany na to wydarzenie. Link do zgłoszenia znajdziesz w wiadomości z potwierdzeniem.
event-mine-title = Twoje zgłoszenie
event-mine-back = Wróć do zgłoszenia
event-code = Kod wejścia
event-code-hint = Pokaż ten kod (albo kod QR z wiadomości) przy wejściu.
event-add-to-calendar = Dodaj do kalendarza (.ics)
event-offer-until = Miejsce czeka do
event-offer-take = Przyjmuję miejsce
event-offer-title = Miejsce na wydarzeniu
event-offer-expired = Czas na przyjęcie tego miejsca minął i zostało ono zaproponowane kolejnej osobie z listy oczekujących.
event-offer-taken-already = To miejsce jest już Twoje.
event-cancel-mine = Rezygnuję z udziału
flash-event-cancelled-mine = Zgłoszenie zostało wycofane. Zwolnione miejsce dostanie pierwsza osoba z listy oczekujących.
flash-event-offer-taken = Miejsce jest Twoje. Wysłaliśmy potwierdzenie z kodem wejścia.
flash-event-cancelled = Wydarzenie odwołane. Wszyscy zapisani dostaną wiadomość.
my-events-title = Moje wydarzenia
my-events-lead = Wydarzenia, na które się zapisałeś lub zapisałaś, z adresu e-mail Twojego konta lub po zalogowaniu.
my-events-none = Nie masz zapisów na nadchodzące wydarzenia.
event-new = Nowe wydarzenie
event-edit = Edytuj wydarzenie
event-field-title = Tytuł
event-field-kind = Rodzaj
event-field-organiser = Organizator
event-field-district = Dzielnica
event-field-district-opt = Dzielnica, której dotyczy (opcjonalnie)
event-whole-city = Całe miasto
event-field-series = Cykl
event-field-series-opt = Cykl (opcjonalnie)
event-field-consultation-opt = Konsultacja, której służy (opcjonalnie)
event-none = brak
event-time-hint = Czas warszawski, np. 2027-03-15 17:00.
event-field-address = Adres (wymagany, jeśli nie ma linku online)
event-field-address-hint = Ulica, numer i sala.
event-field-online-url = Link do spotkania online (opcjonalnie)
event-field-description = Opis
event-registration = Zapisy
event-field-registration = Uczestnicy zapisują się na to wydarzenie
event-field-capacity = Liczba miejsc (opcjonalnie)
event-field-capacity-hint = Puste pole: bez limitu. Po zajęciu miejsc kolejne osoby trafiają na listę oczekujących.
event-field-opens = Początek zapisów (opcjonalnie)
event-field-opens-hint = Puste pole: od razu.
event-field-closes = Koniec zapisów (opcjonalnie)
event-field-closes-hint = Puste pole: do rozpoczęcia wydarzenia.
event-field-questions = Pytania do uczestników (opcjonalnie)
event-field-questions-hint = Jedno pytanie w wierszu, najwyżej pięć.
error-event-in-past = Nowe wydarzenie musi zaczynać się w przyszłości.
error-event-capacity-invalid = Podaj liczbę miejsc od 1 do { $limit } albo zostaw pole puste.
error-event-questions-too-many = Zadaj najwyżej { $limit } pytań.
error-event-question-too-long = Każde pytanie może mieć najwyżej { $limit } znaków.
error-event-registration-closes-before-opens = Koniec zapisów musi być później niż ich początek.
error-event-registration-after-start = Zapisy muszą się skończyć najpóźniej w chwili rozpoczęcia wydarzenia.
event-participants = Uczestnicy
event-participants-none = Nikt się jeszcze nie zapisał.
event-see-public = Zobacz stronę wydarzenia
event-checkin = Wejście na wydarzenie
event-counts = Z miejscem: { $confirmed }, na liście oczekujących: { $waiting }, obecnych: { $present }.
event-field-code = Kod wejścia uczestnika
event-field-code-hint = Osiem znaków, np. ABCD-EFGH; wielkość liter i myślnik nie mają znaczenia.
event-checkin-button = Potwierdź obecność
event-checked-in = Obecność potwierdzona: { $name }.
event-checked-in-already = { $name } ma już potwierdzoną obecność (o { $at }). Nie liczymy jej drugi raz.
event-checkin-no-place = { $name } nie ma miejsca na tym wydarzeniu (lista oczekujących lub wycofane zgłoszenie).
event-code-invalid = To nie jest kod wejścia: kod ma osiem liter i cyfr, np. ABCD-EFGH.
event-code-unknown = Nikt zapisany na to wydarzenie nie ma takiego kodu.
event-needs-summary = Potrzeby uczestników
event-needs-none = Nikt nie zgłosił potrzeb związanych z dostępnością.
event-present = Obecność
event-field-summary-opt = Podsumowanie (opcjonalnie)
event-field-materials-opt = Materiały (opcjonalnie)
event-field-recording-opt = Link do nagrania (opcjonalnie)
event-cancel = Odwołaj wydarzenie
event-cancel-hint = Wszyscy zapisani dostaną wiadomość, a zapisy zostaną zamknięte.
event-mail-confirmed-subject = Potwierdzenie: { $title }
event-mail-confirmed-body = Dzień dobry, { $name },

    masz miejsce na wydarzeniu „{ $title }”.

    Termin: { $when }
    Miejsce: { $place }
    Organizator: { $organiser }
    Kod wejścia: { $code }

    Pokaż kod przy wejściu. W załączniku jest plik do kalendarza.
    Swoje zgłoszenie zobaczysz i wycofasz tutaj: { $link }
event-mail-waiting-subject = Lista oczekujących: { $title }
event-mail-waiting-body = Dzień dobry, { $name },

    wszystkie miejsca na wydarzeniu „{ $title }” ({ $when }) są zajęte, więc jesteś na liście oczekujących. Gdy zwolni się miejsce, napiszemy do Ciebie według kolejności zgłoszeń.

    Swoje zgłoszenie zobaczysz i wycofasz tutaj: { $link }
event-mail-offered-subject = Zwolniło się miejsce: { $title }
event-mail-offered-body = Dzień dobry, { $name },

    zwolniło się miejsce na wydarzeniu „{ $title }” ({ $when }). Czeka na Ciebie do { $until }. Przyjmij je tutaj: { $link }

    Jeśli go nie przyjmiesz do tego czasu, dostanie je kolejna osoba z listy oczekujących.
event-mail-reminder-subject = Jutro: { $title }
event-mail-reminder-body = Dzień dobry, { $name },

    przypominamy o wydarzeniu „{ $title }”.

    Termin: { $when }
    Miejsce: { $place }
    Kod wejścia: { $code }

    Jeśli nie możesz przyjść, wycofaj zgłoszenie, żeby miejsce dostała inna osoba: { $link }
event-mail-event_cancelled-subject = Odwołane: { $title }
event-mail-event_cancelled-body = Dzień dobry, { $name },

    wydarzenie „{ $title }” ({ $when }), na które się zapisałeś lub zapisałaś, zostało odwołane przez organizatora ({ $organiser }). Przepraszamy.
calendar-part-of-organiser = Organizator:
nav-events = Wydarzenia
district-events = Wydarzenia w dzielnicy
district-events-all = Wszystkie wydarzenia w dzielnicy
events-empty-coming = Na razie nie zaplanowano wydarzeń.
event-field-place = Miejsce
event-register-waiting-button = Zapisz się na listę oczekujących
event-qr-alt = Kod QR do potwierdzenia obecności; ten sam co kod wejścia { $code }
event-documents = Dokumenty
event-sheet-download = Lista obecności do druku (PDF)
event-sheet-title = Lista obecności: { $title }
event-sheet-caption = Uczestnicy z miejscem, alfabetycznie; puste wiersze dla osób bez zapisu
event-sheet-signature = Podpis
event-cert-send = Wyślij zaświadczenia o udziale
event-cert-send-hint = Dostaną je osoby z potwierdzoną obecnością, które jeszcze go nie dostały.
flash-event-certificates-sent = Zaświadczenia wysłane do osób z potwierdzoną obecnością.
flash-event-certificates-none = Nikt nie czeka na zaświadczenie: potwierdź najpierw obecność uczestników.
event-cert-download = Pobierz zaświadczenie o udziale (PDF)
event-cert-title = Zaświadczenie o udziale w wydarzeniu
event-cert-person = Uczestnik
event-cert-event = Wydarzenie
event-cert-reference = Numer zaświadczenia
event-cert-attests = Zaświadcza się, że { $name } wziął(-ęła) udział w wydarzeniu „{ $title }” w dniu { $day }, zorganizowanym przez: { $organiser }.
event-cert-note = Zaświadczenie wydano { $issued } w serwisie Agora, nr { $reference }.
event-mail-certificate-subject = Zaświadczenie o udziale: { $title }
event-mail-certificate-body = Dzień dobry, { $name },

    dziękujemy za udział w wydarzeniu „{ $title }” ({ $when }). Zaświadczenie o udziale pobierzesz tutaj: { $certificate }
academy-title = Akademia Konsultacji i Dobrego Dialogu
academy-lead = Szkolenia dla urzędników, radnych dzielnic i liderów lokalnych: cykle spotkań z materiałami do każdych zajęć.
academy-empty = Na razie nie ma cykli szkoleń.
academy-audience = Dla kogo:
academy-certificate-rule = Kto weźmie udział we wszystkich zajęciach cyklu, pobierze zaświadczenie o jego ukończeniu ze strony swojego zgłoszenia.
academy-no-sessions = Terminy zajęć zostaną ogłoszone.
academy-cert-title = Zaświadczenie o ukończeniu cyklu szkoleń
academy-cert-series = Cykl szkoleń
academy-cert-attests = Zaświadcza się, że { $name } ukończył(a) cykl szkoleń „{ $series }”, biorąc udział we wszystkich zajęciach ({ $count }).
academy-cert-sessions = Zajęcia
academy-cert-download = Pobierz zaświadczenie o ukończeniu cyklu (PDF)
event-series-title = Cykle wydarzeń
event-series-none = Nie ma jeszcze cykli.
event-series-add = Dodaj cykl
event-field-academy = Cykl szkoleń Akademii (z zaświadczeniem o ukończeniu)
event-field-audience = Dla kogo (wymagane dla cyklu Akademii)
event-field-audience-hint = Np. urzędnicy, radni dzielnic, liderzy lokalni.

## Advice requests (issue 23)
role-adviser = Doradca (Bank Wspierania Partycypacji)
footer-advice = Doradztwo
tracked-state-paused = Czeka na odpowiedź osoby pytającej (termin wstrzymany)
advice-title = Doradztwo: Bank Wspierania Partycypacji
advice-lead = Mieszkańcy, grupy nieformalne i organizacje pozarządowe mogą bezpłatnie zapytać doradców miasta o planowanie przestrzenne, środowisko, prawo miejscowe, transport, sprawy organizacji albo o to, jak dołączyć do ciała dialogu lub je założyć.
advice-how-1 = Opisz sprawę w formularzu i dołącz dokumenty, jeśli je masz. Dostaniesz numer zgłoszenia.
advice-how-2 = Doradca odpowie w ciągu 10 dni roboczych. Gdy poprosi Cię o uzupełnienie, termin stoi do Twojej odpowiedzi.
advice-how-3 = Odpowiedzi na częste pytania publikujemy tutaj, bez danych osób pytających.
advice-ask = Zadaj pytanie doradcy
advice-mine-title = Moje prośby o poradę
advice-mine-none = Nie wysłano jeszcze żadnej prośby o poradę z tego konta.
advice-qa-title = Pytania i odpowiedzi
advice-qa-one = Pytanie i odpowiedź
advice-qa-none = Nie opublikowano jeszcze pytań i odpowiedzi w tym temacie.
advice-qa-count = { $count ->
    [one] { $count } pytanie
    [few] { $count } pytania
   *[many] { $count } pytań
}
advice-qa-anonymised = Pytanie i odpowiedź opublikowano bez danych osoby pytającej.
advice-all-topics = Wszystkie tematy
advice-filter = Pokaż
advice-see-answer = Zobacz odpowiedź
advice-see-public = zobacz stronę publiczną
advice-question = Pytanie
advice-answer = Odpowiedź doradcy
advice-answered-on = odpowiedź z dnia
advice-topic-spatial_planning = Planowanie przestrzenne
advice-topic-environment = Środowisko
advice-topic-city_law = Prawo miejscowe
advice-topic-transport = Transport zrównoważony
advice-topic-ngo = Sprawy organizacji pozarządowych
advice-topic-dialogue_body = Dołączenie do ciała dialogu lub jego założenie
advice-topic-other = Inny temat
advice-asker-resident = Mieszkaniec lub mieszkanka
advice-asker-informal_group = Grupa nieformalna
advice-asker-organisation = Organizacja pozarządowa
advice-state-sent = Czeka na doradcę
advice-state-acknowledged = W opracowaniu u doradcy
advice-state-paused = Czeka na odpowiedź osoby pytającej
advice-state-answered = Odpowiedziano
advice-form-title = Prośba o poradę
advice-form-lead = Pola są wymagane, chyba że przy nazwie pola napisano „opcjonalnie”.
advice-desk-closed = Doradztwo nie przyjmuje jeszcze próśb: administrator nie wskazał wydziału, który je prowadzi.
advice-choose = Wybierz
advice-field-topic = Temat
advice-field-asker = Kto pyta
advice-field-organisation = Nazwa grupy lub organizacji (wymagana, gdy pyta grupa lub organizacja)
advice-field-organisation-hint = Na przykład „Sąsiedzi z ulicy Lipowej” albo „Stowarzyszenie Zielone Zabłocie”.
advice-field-name = Imię i nazwisko (opcjonalnie)
advice-field-email = Adres e-mail
advice-field-email-hint = Wyślemy na niego potwierdzenie z numerem zgłoszenia, wiadomości od doradcy i odpowiedź.
advice-email-account = Potwierdzenie, wiadomości i odpowiedź wyślemy na adres konta: { $email }.
advice-field-question = Pytanie
advice-field-question-hint = Opisz sprawę i czego potrzebujesz (co najmniej 20 znaków).
advice-field-files = Załączniki (opcjonalnie)
advice-field-files-hint = Najwyżej { $files } pliki, każdy do { $mb } MB: PDF, DOCX, ODT, XLSX, ODS albo obraz PNG, JPG lub WebP.
advice-privacy = Twoje dane zobaczą tylko doradcy. Jeśli odpowiedź opublikujemy, to bez imienia, nazwiska, nazwy grupy i danych kontaktowych.
advice-submit = Wyślij prośbę o poradę
advice-number = Numer zgłoszenia
advice-state = Stan
advice-sent-on = Wysłano
advice-due = Termin odpowiedzi
advice-paused-since = termin wstrzymany od { $date }
advice-paused-days = { $days ->
    [one] Termin przesunięto o { $days } dzień roboczy oczekiwania na odpowiedź.
    [few] Termin przesunięto o { $days } dni robocze oczekiwania na odpowiedź.
   *[many] Termin przesunięto o { $days } dni roboczych oczekiwania na odpowiedź.
}
advice-adviser = Doradca
advice-request-title = Prośba o poradę
advice-key-note = Zachowaj link do tej strony: wysłaliśmy go też e-mailem. Kto ma ten link, widzi prośbę.
advice-messages = Wiadomości
advice-messages-none = Nie ma jeszcze wiadomości.
advice-message-pauses = prośba o uzupełnienie, termin wstrzymany
advice-field-message = Wiadomość
advice-field-message-hint = Na przykład odpowiedź na pytanie doradcy albo uzupełnienie prośby.
advice-send-message = Wyślij wiadomość
advice-field-rating = Czy odpowiedź pomogła?
advice-rating-1 = 1: nie pomogła
advice-rating-2 = 2: pomogła niewiele
advice-rating-3 = 3: pomogła częściowo
advice-rating-4 = 4: pomogła
advice-rating-5 = 5: pomogła bardzo
advice-field-rating-comment = Komentarz (opcjonalnie)
advice-rate = Oceń odpowiedź
advice-your-rating = Twoja ocena: { $rating } z 5.
advice-rated = Ocena: { $rating } z 5
advice-not-rated = Osoba pytająca nie oceniła jeszcze odpowiedzi.
advice-closed-for-messages = Na tę prośbę już odpowiedziano. Jeśli masz nowe pytanie, wyślij nową prośbę o poradę.
advice-moved = Stan prośby zmienił się w międzyczasie. Sprawdź, jak wygląda teraz; wpisany tekst został zachowany.
advice-rated-before = Tę odpowiedź już oceniono albo nie można jej jeszcze ocenić.
advice-taken-before = Inny doradca przyjął już tę prośbę.
advice-take-first = Najpierw przyjmij prośbę z kolejki; na odpowiedzianą nie można już pisać.
error-advice-organisation-required = Podaj nazwę grupy lub organizacji, w imieniu której pytasz.
error-advice-file-disguised = Zawartość pliku nie pasuje do jego rozszerzenia. Dodaj plik zapisany w formacie, na który wskazuje jego nazwa.
error-advice-too-many-files = Dołącz najwyżej { $limit } pliki.
error-advice-not-answered = Opublikować można tylko prośbę, na którą odpowiedziano.
flash-advice-sent = Wysłano prośbę o poradę. Numer zgłoszenia i link do tej strony wysłaliśmy e-mailem.
flash-advice-message-sent = Wysłano wiadomość.
flash-advice-rated = Dziękujemy za ocenę odpowiedzi.
flash-advice-taken = Przyjęto prośbę. Termin odpowiedzi widać poniżej.
flash-advice-answered = Wysłano odpowiedź. Prośba jest zamknięta.
flash-advice-published = Opublikowano pytanie i odpowiedź.
flash-advice-unpublished = Pytanie i odpowiedź nie są już publiczne.
flash-advice-desk-saved = Zapisano wydział prowadzący doradztwo.
advice-tile = Doradztwo (czekają na doradcę: { $waiting }, w toku: { $open }, po terminie: { $overdue })
advice-queue-title = Doradztwo: kolejka próśb
advice-queue-counts = Na doradcę czeka { $waiting }, w toku jest { $open }.
advice-queue-overdue = Po terminie: { $count }
advice-queue-views = Widoki kolejki
advice-view-new = Nowe
advice-view-mine = Moje
advice-view-open = W toku
advice-view-answered = Odpowiedziane
advice-queue-none = W tym widoku nie ma próśb.
advice-queue-count = { $count ->
    [one] { $count } prośba
    [few] { $count } prośby
   *[many] { $count } próśb
}
advice-is-published = Opublikowano jako pytanie i odpowiedź
advice-desk-title = Wydział prowadzący doradztwo
advice-field-unit = Wydział
advice-field-unit-hint = W rejestrze odpowiedzi miasta prośby o poradę są przypisane do tego wydziału.
advice-desk-save = Zapisz wydział
advice-take = Przyjmij prośbę
advice-who-asks = Osoba pytająca
advice-write = Napisz do osoby pytającej
advice-field-pause = Proszę o odpowiedź: wstrzymaj termin
advice-field-pause-hint = Termin stoi od dziś do dnia odpowiedzi osoby pytającej i przesuwa się o tyle dni roboczych.
advice-answer-and-close = Odpowiedz i zamknij
advice-field-answer = Odpowiedź
advice-field-answer-hint = Odpowiedź trafi do osoby pytającej e-mailem; można w niej używać Markdown (co najmniej 20 znaków).
advice-send-answer = Wyślij odpowiedź
advice-publish-title = Publikacja jako pytanie i odpowiedź
advice-publish-hint = Tekst poniżej jest wstępnie pozbawiony imion, adresów e-mail i numerów telefonów. Przeczytaj go i usuń wszystko, co pozwala rozpoznać osobę pytającą.
advice-field-public-question = Pytanie do publikacji
advice-field-public-answer = Odpowiedź do publikacji
advice-publish = Opublikuj
advice-publish-again = Zapisz zmiany w publikacji
advice-unpublish = Wycofaj z publikacji
advice-ledger-title = Prośba o poradę { $number } ({ $topic })
advice-actor-requester = Osoba prosząca o poradę
advice-mail-receipt-subject = Prośba o poradę { $number }
advice-mail-receipt-body = Dzień dobry!

    Przyjęliśmy Twoją prośbę o poradę. Numer zgłoszenia: { $number }.

    Temat: { $topic }
    Doradca odpowie najpóźniej { $due }. Jeśli poprosi o uzupełnienie, termin przesunie się o czas oczekiwania na Twoją odpowiedź.

    Prośbę, wiadomości i odpowiedź zobaczysz tutaj:
    { $link }
advice-mail-message-subject = Wiadomość od doradcy: { $number }
advice-mail-message-body = Dzień dobry!

    Doradca napisał w sprawie prośby o poradę { $number }:

    { $text }

    Odpowiedzieć możesz tutaj:
    { $link }
advice-mail-answer-subject = Odpowiedź na prośbę o poradę { $number }
advice-mail-answer-body = Dzień dobry!

    Doradca odpowiedział na Twoją prośbę o poradę { $number }:

    { $text }

    Czy odpowiedź pomogła? Oceń ją tutaj:
    { $link }
body-events = Wydarzenia
body-events-all = Wszystkie wydarzenia tego ciała
notice-kind-announced = Zapowiedziano konsultacje
notice-kind-opened = Rozpoczęły się konsultacje
notice-kind-closing = Za 3 dni kończą się konsultacje
notice-kind-report = Opublikowano raport z konsultacji
notice-kind-news = Aktualność
notice-kind-thread = Nowy wątek na forum
notice-kind-position = Stanowisko miasta na forum
notice-kind-meeting = Zwołano posiedzenie
notice-kind-opinion = Opinia ciała dialogu
notice-kind-event = Nowe wydarzenie
follow-target-consultation = Konsultacje
follow-target-district = Dzielnica
follow-target-category = Temat
follow-target-body = Ciało dialogu
follow-target-thread = Wątek na forum
follow-target-series = Cykl wydarzeń
follow-target-newsletter = Biuletyn
follow-what-consultation = Konsultacje „{ $name }”
follow-what-district = Dzielnica { $name }
follow-what-category = Temat „{ $name }”
follow-what-body = { $name }
follow-what-thread = Wątek „{ $name }”
follow-what-series = Cykl wydarzeń „{ $name }”
follow-what-newsletter = Biuletyn Centrum Dialogu Obywatelskiego
follow-frequency-instant = Od razu, osobną wiadomością
follow-frequency-daily = Raz dziennie, w zestawieniu
follow-frequency-weekly = Raz w tygodniu, w zestawieniu
follow-frequency-off = Wstrzymane
follow-link = Obserwuj
follow-title = Obserwuj
follow-mail-goes-to = Powiadomienia przyjdą na adres
follow-email-hint = Wyślemy na ten adres link. Powiadomienia zaczną przychodzić, gdy go klikniesz.
follow-field-frequency = Jak często pisać
follow-privacy = Adresu używamy tylko do tych powiadomień. Każda wiadomość ma link do wypisania się jednym kliknięciem.
follow-button = Obserwuj
error-follow-frequency = Wybierz, jak często mamy pisać
error-follow-already = Ten adres już to obserwuje. Zmienisz to w swoich subskrypcjach.
follow-confirm-mail-subject = Potwierdź obserwowanie: { $what }
follow-confirm-mail-body = Dzień dobry,

    ktoś (zapewne Ty) poprosił o powiadomienia na ten adres: { $what }.

    Aby je włączyć, otwórz link i potwierdź (link działa { $days } dni):
    { $link }

    Jeśli to nie Ty, zignoruj tę wiadomość: nic nie będziemy wysyłać.
follow-check-mail-title = Sprawdź skrzynkę
follow-check-mail = Wysłaliśmy link potwierdzający. Powiadomienia ({ $what }) zaczną przychodzić, gdy go otworzysz i potwierdzisz.
follow-confirm-title = Potwierdź obserwowanie
follow-confirm-lead = Potwierdź, że chcesz dostawać te powiadomienia na swój adres.
follow-confirm-button = Potwierdzam
follow-confirmed-title = Potwierdzone
follow-confirmed = Obserwujesz: { $what }. Pierwsze powiadomienia przyjdą, gdy pojawi się coś nowego.
follow-manage-link = Moje subskrypcje
follow-link-expired-title = Link wygasł
follow-link-expired = Ten link potwierdzający jest starszy niż 7 dni. Poproś o obserwowanie jeszcze raz, a wyślemy nowy.
follow-link-unknown-title = Nieznany link
follow-link-unknown = Nie znamy tego linku albo został już użyty. Sprawdź, czy skopiowano go w całości.
follow-manage-title = Moje subskrypcje
follow-manage-address = Powiadomienia przychodzą na adres
follow-manage-empty = Niczego jeszcze nie obserwujesz. Link „Obserwuj” jest na stronach konsultacji, dzielnic, ciał dialogu, wątków forum i cykli wydarzeń.
follow-manage-remove = Przestań obserwować
follow-manage-since = od
follow-manage-pending = czeka na potwierdzenie z wiadomości
follow-manage-save = Zapisz
flash-followed = Obserwujesz. Zmienisz to tutaj w każdej chwili.
flash-follow-changed = Zapisano, jak często pisać.
flash-follow-removed = Nie obserwujesz już tego.
unsubscribe-title = Wypisz się
unsubscribe-button = Wypisz mnie
unsubscribe-unknown = Nie znamy tego linku do wypisania albo subskrypcja została już zakończona.
unsubscribed-title = Wypisano
unsubscribed = Nie będziemy już pisać o tym: { $what }.
follow-mail-footer = Dostajesz tę wiadomość, bo obserwujesz: { $kind } – { $name }.
    Wszystkie subskrypcje: { $manage }
    Wypisz się z tej jednym kliknięciem: { $unsubscribe }
follow-mail-instant-subject = { $kind }: { $title }
follow-mail-daily-subject = Dzienne zestawienie z { $day }: { $count ->
        [one] { $count } nowość
        [few] { $count } nowości
       *[other] { $count } nowości
    }
follow-mail-daily-intro = Co nowego { $day } w tym, co obserwujesz:
follow-mail-weekly-subject = Tygodniowe zestawienie od { $day }: { $count ->
        [one] { $count } nowość
        [few] { $count } nowości
       *[other] { $count } nowości
    }
follow-mail-weekly-intro = Co nowego w tygodniu od { $day } w tym, co obserwujesz:
notice-feeds-title = Kanały Atom powiadomień
notice-feeds-lead = Każdy rodzaj powiadomień jest też kanałem Atom dla czytnika. Kanał jednej dzielnicy, tematu czy ciała dialogu dostaniesz, dopisując na przykład ?cel=district&id=3.
notice-feed-all = Wszystkie powiadomienia
follow-series-link = Obserwuj cykl
follow-category-link = Obserwuj temat
account-subscriptions = Moje subskrypcje
sign-up-follow-legend = Bądź na bieżąco (opcjonalnie)
sign-up-follow-hint = Raz w tygodniu napiszemy, co nowego w Twojej dzielnicy i w wybranych tematach: konsultacje, aktualności, wydarzenia. Zmienisz to w „Moich subskrypcjach”.
sign-up-follow-district = Twoja dzielnica (opcjonalnie)
sign-up-follow-no-district = Nie teraz
sign-up-follow-topics = Tematy, które Cię interesują (opcjonalnie)
notice-kind-answer = Odpowiedź miasta na opinię lub rekomendację
newsletter-title = Biuletyn
newsletter-lead = Biuletyn Centrum Dialogu Obywatelskiego: co się dzieje w konsultacjach, dzielnicach i ciałach dialogu. Tu są wszystkie wysłane numery.
newsletter-signup-title = Zapisz się na biuletyn
newsletter-signup-lead = Wyślemy Ci wiadomość z linkiem potwierdzającym. Biuletyn zaczniesz dostawać dopiero po kliknięciu tego linku, a wypiszesz się jednym kliknięciem w każdym numerze.
newsletter-signup-email = Adres e-mail
newsletter-signup-hint = Na ten adres wyślemy link potwierdzający i kolejne numery biuletynu.
newsletter-signup-submit = Zapisz się
newsletter-required = wymagane
newsletter-archive = Wysłane numery
newsletter-archive-empty = Nie wysłaliśmy jeszcze żadnego numeru.
newsletter-count = { $count ->
    [one] { $count } numer
    [few] { $count } numery
   *[other] { $count } numerów
}
newsletter-sent-on = Wysłany
newsletter-back = Wszystkie numery biuletynu
newsletter-admin-title = Biuletyn — redakcja
newsletter-admin-new = Nowy numer biuletynu
newsletter-admin-empty = Nie ma jeszcze żadnego numeru.
newsletter-see-archive = Zobacz archiwum biuletynu
newsletter-see-issue = Zobacz numer w archiwum
newsletter-col-audience = Do kogo
newsletter-col-status = Stan
newsletter-col-when = Termin wysyłki
newsletter-col-recipients = Odbiorcy
newsletter-status-draft = Szkic
newsletter-status-scheduled = Zaplanowany
newsletter-status-sending = W trakcie wysyłki
newsletter-status-sent = Wysłany
newsletter-field-subject = Temat
newsletter-field-body = Treść
newsletter-field-body-hint = Markdown: **pogrubienie**, listy zaczynane od „-”, linki [tekst](https://pełny.adres). Subskrybenci dostaną ten tekst w wiadomości tak, jak go wpiszesz, a archiwum pokaże go sformatowany.
newsletter-field-audience = Do kogo wysłać
newsletter-field-audience-hint = Dzielnicę, temat albo ciało dialogu wybierz poniżej, jeśli numer ma trafić tylko do ich obserwujących lub członków. Zawsze otrzymają go wyłącznie osoby, które zapisały się na biuletyn i potwierdziły adres.
newsletter-audience-all = Wszyscy subskrybenci biuletynu
newsletter-audience-district = Subskrybenci, którzy obserwują wybraną dzielnicę
newsletter-audience-category = Subskrybenci, którzy obserwują wybrany temat
newsletter-audience-body = Subskrybenci, którzy są członkami wybranego ciała dialogu
newsletter-audience-of-all = Wszyscy subskrybenci biuletynu
newsletter-audience-of-district = Subskrybenci obserwujący dzielnicę { $name }
newsletter-audience-of-category = Subskrybenci obserwujący temat „{ $name }”
newsletter-audience-of-body = Subskrybenci będący członkami: { $name }
newsletter-field-district = Dzielnica (gdy numer jest dla obserwujących dzielnicę)
newsletter-field-category = Temat (gdy numer jest dla obserwujących temat)
newsletter-field-body-id = Ciało dialogu (gdy numer jest dla jego członków)
newsletter-none = — wybierz —
newsletter-section-english = Wersja angielska (opcjonalnie)
newsletter-section-english-hint = Osoby, które wybrały język angielski, dostaną tę wersję; bez niej dostaną wersję polską.
newsletter-field-subject-en = Temat po angielsku (opcjonalnie)
newsletter-field-body-en = Treść po angielsku (opcjonalnie)
newsletter-save = Zapisz i pokaż podgląd
newsletter-edit = Edytuj numer
newsletter-preview = Podgląd numeru
newsletter-as-archive = Tak numer pokaże archiwum
newsletter-as-archive-en = Wersja angielska, tak jak pokaże ją archiwum
newsletter-recipients-now = { $count ->
    [one] Dziś otrzymałaby go { $count } osoba
    [few] Dziś otrzymałyby go { $count } osoby
   *[other] Dziś otrzymałoby go { $count } osób
}
newsletter-recipients-queued = { $count ->
    [one] Dotąd wysłano do { $count } osoby
   *[other] Dotąd wysłano do { $count } osób
}
newsletter-recipients-sent = { $count ->
    [one] Wysłano do { $count } osoby
   *[other] Wysłano do { $count } osób
}
newsletter-nobody = Nikt by go teraz nie otrzymał: nikt z tej grupy nie zapisał się na biuletyn. Wybierz inną grupę odbiorców albo zaplanuj wysyłkę na później.
newsletter-test-title = Wyślij próbnie do siebie
newsletter-test-lead = Wiadomość próbna trafi tylko na Twój adres, w Twoim języku. Numer pozostanie w obecnym stanie.
newsletter-test-send = Wyślij wiadomość próbną do mnie
newsletter-send-title = Wysyłka
newsletter-pace-note = Wiadomości wychodzą partiami, { $count } na minutę.
newsletter-field-scheduled-at = Data i godzina wysyłki
newsletter-field-scheduled-at-hint = Czas warszawski, na przykład 2027-03-01 09:00.
newsletter-schedule = Zaplanuj wysyłkę
newsletter-send-now = Wyślij teraz
newsletter-cancel = Odwołaj zaplanowaną wysyłkę
newsletter-pace-title = Tempo wysyłki
newsletter-field-per-minute = Liczba wiadomości na minutę
newsletter-field-per-minute-hint = Dopasuj do limitów serwera pocztowego. Dotyczy wysyłek rozpoczętych po zapisaniu.
newsletter-pace-save = Zapisz tempo
flash-newsletter-saved = Zapisano numer biuletynu.
flash-newsletter-test-sent = Wysłano wiadomość próbną na Twój adres.
flash-newsletter-scheduled = Zaplanowano wysyłkę.
flash-newsletter-sending = Rozpoczęto wysyłkę. Wiadomości wychodzą partiami w ustalonym tempie.
flash-newsletter-cancelled = Odwołano wysyłkę; numer jest znów szkicem.
flash-newsletter-pace = Zapisano tempo wysyłki.
error-newsletter-audience-required = Wybierz, do kogo wysłać ten numer.
error-newsletter-district-required = Wybierz dzielnicę, której obserwujący mają otrzymać ten numer.
error-newsletter-category-required = Wybierz temat, którego obserwujący mają otrzymać ten numer.
error-newsletter-body-required = Wybierz ciało dialogu, którego członkowie mają otrzymać ten numer.
error-newsletter-schedule-past = Ten czas już minął. Podaj przyszły czas albo wybierz „Wyślij teraz”.
error-newsletter-schedule-invalid = Wpisz datę i godzinę, na przykład 2027-03-01 09:00.
error-newsletter-pace-range = Wpisz liczbę całkowitą od 1 do { $limit }.
newsletter-mail-online = Ten numer w przeglądarce: { $link }
newsletter-mail-why = Otrzymujesz ten biuletyn, ponieważ { $date } zapisano ten adres na biuletyn Centrum Dialogu Obywatelskiego (źródło: { $source }).
newsletter-mail-audience = Ten numer trafił do grupy: { $audience }.
newsletter-mail-links = Twoje subskrypcje: { $manage }
    Wypisz się z biuletynu: { $unsubscribe }
newsletter-mail-test-subject = [PRÓBA] { $subject }
newsletter-mail-test-note = To wiadomość próbna wysłana tylko do Ciebie. Subskrybenci zobaczą w tym miejscu, kiedy i gdzie zapisali się na biuletyn, link do swoich subskrypcji i link do wypisania się.
footer-newsletter = Biuletyn
newsletter-source-newsletter = formularz zapisu na stronie biuletynu
newsletter-source-sign-up = zakładanie konta
newsletter-source-page = obserwowanie na stronie serwisu
