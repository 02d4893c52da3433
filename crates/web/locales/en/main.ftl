## Shell
site-name = Agora
site-tagline = City Dialogue Centre
skip-to-content = Skip to content
nav-main = Main menu
nav-language = Language
nav-footer = About this site
nav-home = Home
nav-admin = Staff area
nav-account = My account
nav-sign-in = Sign in
nav-sign-up = Create account
nav-sign-out = Sign out
footer-contact = Contact
footer-accessibility = Accessibility statement
footer-note = Agora — public consultations and civic dialogue. Every remark gets the city's answer.
breadcrumbs = Breadcrumbs
actions = Actions
edit = Edit
save = Save
all = All
filter = Filter
filters = Filters
pager = Pages
pager-prev = Previous page
pager-next = Next page
pager-page = Page
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## Home
home-title = Home
home-heading = Public consultations in one place
home-lead = City departments and units announce their consultations here, and residents and organisations send their remarks — online or on paper. Every remark gets a reasoned answer in a published report.
home-how-heading = How it works
home-how-1 = The city announces a consultation: its subject, dates, meetings and documents.
home-how-2 = You send remarks through the form, by e-mail, by post or at a consultation point.
home-how-3 = When it closes, the city publishes a report answering every remark.
home-districts-heading = Districts
home-districts-count = { $count ->
    [one] The city has { $count } district.
   *[other] The city has { $count } districts.
}

## Errors
error-go-home = Back to the home page
error-400-title = Bad request
error-400-message = We could not read what was sent. Go back to the form and try again.
error-403-title = Access denied
error-403-message = You are not allowed to see this page. If you think this is a mistake, contact the administrator.
error-404-title = Page not found
error-404-message = The page you are looking for does not exist or has moved.
error-405-title = Not allowed
error-405-message = This page cannot be used this way.
error-413-title = Too much data
error-413-message = The form sent is too large. Shorten the text or use a smaller attachment.
error-429-title = Too many attempts
error-429-message = Too many attempts in a short time. Wait a moment and try again.
error-500-title = Service error
error-500-message = Something went wrong on our side. Your data was not lost — please try again in a moment.
error-csrf-title = The form has expired
error-csrf-message = For your security we did not accept this form. Go back, reload the page and send it again.
form-has-errors = Please correct the errors in the form
error-required = This field is required.
error-too-short = Enter at least { $limit } characters.
error-too-long = Enter at most { $limit } characters.
error-control-chars = The text contains control characters that are not allowed.
error-email-invalid = Enter an e-mail address like name@example.com.
error-password-too-short = The password must have at least { $limit } characters.
error-password-mismatch = The passwords do not match.
error-password-wrong = The password is wrong.
error-accept-required = Accept the terms and the privacy rules to create an account.
error-choice-invalid = Choose one of the options offered.
error-code-invalid = The code may contain only capital letters, digits and a dash.
error-code-taken = Another unit already has this code.
error-number-taken = A district with this number already exists.
error-name-taken = An entry with this name already exists.
error-district-number-invalid = The district number must be a number from 1 to 99.
error-no-such-account = There is no account with this e-mail address.
error-scope-mismatch = Choose a scope that fits the role: a unit for an organiser, a district for a district editor, a dialogue body for a secretary. Moderators and administrators have no scope.
error-role-held = This person already has this role.
error-date-invalid = Enter the date as YYYY-MM-DD.
error-delete-confirm-required = Confirm that you want to delete your account.
error-revoke-own-admin = You cannot take the administrator role from yourself. Ask another administrator.

## Accounts
field-display-name = Name or organisation
field-display-name-hint = This is how you will be shown on the site.
field-email = E-mail address
field-password = Password
field-password-hint = At least { $min } characters. A few words work best.
field-password-repeat = Repeat the password
field-current-password = Current password
field-new-password = New password
field-new-email = New e-mail address
field-locale = Site language
field-accept = I accept the terms of the site and the rules for processing personal data.
field-delete-confirm = I understand that deleting the account cannot be undone.
sign-up-title = Create an account
sign-up-lead = An account lets you follow your remarks and the city's answers. You do not always need one to take part.
sign-up-privacy = We collect only what is needed: a name, an e-mail address and a hash of the password. We never ask for a PESEL number.
sign-up-submit = Create account
sign-up-have-account = Already have an account?
sign-up-sent-title = Check your mailbox
sign-up-sent-message = We have sent a message to { $email }. Follow the link in it to confirm the address and finish creating your account. The link is valid for 48 hours.
confirm-done-title = Address confirmed
confirm-done-message = Thank you. Your e-mail address is confirmed — you can sign in now.
token-problem-title = The link does not work
token-unknown = This link is not valid. Check that it was copied in full.
token-expired = This link has expired. Ask for a new one.
token-used = This link has already been used. If that was not you, change your password.
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-forgot = Forgotten your password?
sign-in-no-account = No account yet? Create one
sign-in-failed = The e-mail address or password is wrong.
sign-in-unconfirmed = Please confirm your e-mail address first. We have sent a new confirmation link.
sign-in-throttled = Too many failed sign-in attempts. Try again in { $wait } or set a new password.
forgot-title = Forgotten your password?
forgot-lead = Enter your account's e-mail address. We will send a link to set a new password.
forgot-submit = Send the link
forgot-sent-title = Check your mailbox
forgot-sent-message = If an account with the address { $email } exists, we have sent it a link to set a new password. The link is valid for 2 hours.
reset-title = Set a new password
reset-submit = Save the new password
reset-done-title = Password changed
reset-done-message = Your new password is saved and all earlier sessions have ended. You can sign in now.
settings-title = My account
settings-signed-in-as = You are signed in as { $email }.
settings-roles = Your roles
settings-profile = Name and language
settings-password = Change password
settings-password-submit = Change password
settings-email = Change e-mail address
settings-email-lead = We will send a link to the new address. The address changes only when you follow it.
settings-email-submit = Send a link to the new address
settings-delete = Delete account
settings-delete-lead = We will delete your account and personal data. Remarks you sent stay in the reports without your name.
settings-delete-submit = Delete my account for good
flash-profile-saved = Changes saved.
flash-password-changed = Your password has been changed. Other sessions have ended.
flash-email-sent = We have sent a link to the new address. Follow it to finish the change.
flash-saved = Changes saved.
flash-role-granted = Role granted.
flash-role-revoked = Role revoked.
email-changed-title = Address changed
email-changed-message = Your e-mail address is now { $email }.
email-change-taken = This address cannot be used. Choose another one.
account-deleted-title = Account deleted
account-deleted-message = Your account and personal data have been deleted. Thank you for taking part.
deleted-account = deleted account

## Mail
mail-confirm-subject = Confirm your e-mail address for Agora
mail-confirm-body = Hello { $name },

    To confirm your e-mail address and finish creating your account, open this link:
    { $link }

    The link is valid for 48 hours. If you did not create an account, ignore this message.
mail-exists-subject = Attempt to create an Agora account
mail-exists-body = Hello,

    Someone tried to create an account with this e-mail address, but an account already exists.
    If it was you and you have forgotten your password, set a new one here:
    { $link }

    If it was not you, ignore this message.
mail-reset-subject = A new password for Agora
mail-reset-body = Hello,

    To set a new password, open this link:
    { $link }

    The link is valid for 2 hours. If you did not ask for a new password, ignore this message.
mail-password-changed-subject = Your password has been changed
mail-password-changed-body = Hello,

    The password of your Agora account has just been changed. If this was not you, set a new password at once with "Forgotten your password?" on the sign-in page.
mail-change-email-subject = Confirm your new e-mail address
mail-change-email-body = Hello,

    To make this the address of your Agora account, open this link:
    { $link }

    The link is valid for 48 hours.
mail-change-email-old-subject = Request to change your e-mail address
mail-change-email-old-body = Hello,

    Someone asked to change your account's e-mail address to { $email }. If it was not you, change your password.

## Roles
role-resident = Resident
role-organiser = Organiser (unit)
role-district_editor = District editor
role-body_secretary = Dialogue body secretary
role-moderator = Moderator
role-administrator = Administrator

## Administration
admin-title = Staff area
admin-mine = Your scopes
admin-administration = Administration
admin-nothing = You have no tasks in the staff area yet.
admin-units = Units (departments)
admin-districts = Districts
nav-bodies = Dialogue bodies
bodies-title = Civic dialogue bodies
bodies-lead = Commissions, councils and groups in which residents and organisations advise the city and give opinions on its decisions.
bodies-filter-kind = Type
bodies-filter-theme = Theme
bodies-count = { $count ->
    [one] { $count } dialogue body
   *[other] { $count } dialogue bodies
}
bodies-empty = No dialogue body matches the chosen filters. Change the filters to see more.
bodies-members-count = { $count ->
    [one] { $count } current member
   *[other] { $count } current members
}
bodies-kind-kdo = Civic Dialogue Commission
bodies-kind-public_benefit_council = Public Benefit Council
bodies-kind-youth_council = Youth council
bodies-kind-seniors_council = Seniors' council
bodies-kind-district_body = District body
bodies-kind-working_group = Working group
bodies-kind-other = Other advisory body
bodies-role-chair = Chair
bodies-role-vice_chair = Vice-chair
bodies-role-secretary = Secretary
bodies-role-member = Member
bodies-role-observer = Observer
bodies-about = About the body
bodies-details = Details
bodies-legal-basis = Legal basis
bodies-units = Departments it works with
bodies-themes = Themes
bodies-contact = Contact
bodies-statute = Statute
bodies-statute-link = Open the statute
bodies-current-term = Current term
bodies-no-current-term = The body has no term running now.
bodies-members = Current members
bodies-members-none = The body has no members at present.
bodies-former-members = Former members
bodies-col-name = Name
bodies-col-role = Role
bodies-col-organisation = Organisation
bodies-col-vote = Vote
bodies-col-term = Term
bodies-col-period = Membership
bodies-col-actions = Actions
bodies-voting-yes = voting
bodies-voting-no = non-voting
bodies-open-ended = open-ended
home-bodies-heading = Civic dialogue
home-bodies-text = Dialogue commissions, councils and working groups advise the city between consultations. See who sits on them and what they work on.
home-bodies-link = See the civic dialogue bodies
bodies-admin-new = New dialogue body
bodies-admin-list-empty = There are no dialogue bodies yet.
bodies-sections = Parts of the body's pages
bodies-tab-data = Details
bodies-tab-members = Members and terms
bodies-tab-public = Public page
bodies-section-identity = Name and type
bodies-section-about = Description and contact
bodies-section-links = Departments and themes
bodies-slug-hint = The part of the address after /ciala-dialogu/. Leave it empty and we will make it from the name.
bodies-field-legal-basis = Legal basis (optional)
bodies-field-legal-basis-hint = E.g. "art. 5b of the Act on Municipal Self-Government" and the City Council resolution that set the body up.
bodies-field-about = About the body (optional)
bodies-field-contact = Contact (optional)
bodies-field-statute = Link to the statute (optional)
bodies-field-statute-hint = A full address starting with https://
bodies-field-units = Departments it works with (optional)
bodies-field-categories = Themes (optional)
bodies-identity-locked = The name, address, type, legal basis, departments and themes are changed by an administrator. You can change the description, contact and statute.
bodies-terms = Terms
bodies-terms-none = No terms have been added yet.
bodies-term-add = Add a term
bodies-field-term-name = Name of the term
bodies-field-term-name-hint = E.g. 2024–2028.
bodies-field-term-starts-on = First day of the term
bodies-field-term-ends-on = Last day of the term
bodies-date-hint = As YYYY-MM-DD.
bodies-memberships-all = All memberships
bodies-memberships-none = No memberships have been added yet.
bodies-membership-add = Add a membership
bodies-membership-add-hint = Memberships are not deleted: once ended, the person stays in the body's history as a former member.
bodies-field-email = E-mail address of their account on this site (optional)
bodies-field-email-hint = When the person has an account, the membership is linked to it.
bodies-field-voting = Has a vote
bodies-field-organisation = Organisation they represent (optional)
bodies-field-term = Term (optional)
bodies-term-none = No term
bodies-field-starts-on = First day of the membership
bodies-field-ends-on = Last day of the membership (optional)
bodies-field-ends-on-hint = The last day of the membership, as YYYY-MM-DD. Leave it empty when it is not known.
bodies-membership-end = End
bodies-membership-end-named = End the membership of { $name }
bodies-end-title = Ending a membership
bodies-end-hint = The last day the person sits on the body, as YYYY-MM-DD. The membership stays in the body's history.
bodies-field-last-day = Last day of the membership
bodies-ended = ended
flash-body-created = The dialogue body has been created.
flash-membership-added = The membership has been added.
flash-membership-ended = The membership has been ended.
flash-term-added = The term has been added.
error-membership-ends-before-start = The membership cannot end before it starts.
error-membership-overlaps = This person already holds this role in this body during that period.
error-term-ends-before-start = A term must end later than it starts.
error-body-slug-taken = Another dialogue body already has this address. Choose another one.
admin-categories = Categories
admin-bodies = Civic dialogue bodies
admin-roles = Roles and permissions
admin-audit = Audit log
admin-add = Add a new entry
admin-add-submit = Add
admin-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
admin-jobs-pending = { $count ->
    [one] { $count } job queued.
   *[other] { $count } jobs queued.
}
admin-jobs-failed = { $count ->
    [one] { $count } job failed.
   *[other] { $count } jobs failed.
}
field-unit-code = Unit code
field-unit-code-hint = A short code, e.g. ZTP or WS.
field-name = Name
field-name-pl = Name in Polish
field-name-en = Name in English
field-name-en-hint = Optional; the Polish name is shown when empty.
field-contact = Contact
field-contact-hint = E-mail address or phone number given to residents.
field-district-number = District number
field-role = Role
field-scope = Scope
field-scope-hint = The unit, district or dialogue body the role applies to.
field-scope-none = No scope
roles-grant = Grant a role
roles-grant-submit = Grant role
roles-current = Roles granted
roles-col-who = Person
roles-revoke = Revoke
audit-filter-actor = Who (e-mail address)
audit-filter-action = Action
audit-filter-action-hint = The start of its name, e.g. unit.
audit-filter-entity = Object
audit-filter-from = From
audit-filter-until = Until
audit-download-csv = Download as CSV (semicolons, for Excel in Polish)
audit-col-time = When
audit-col-actor = Who
audit-col-action = Action
audit-col-entity = Object
audit-col-details = Details
audit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}

## Pages
page-updated = Last updated:
page-edit = Edit page
page-view = View page
field-title = Title
field-body = Text
field-markdown-hint = Markdown formatting: **bold**, lists with "-", headings with "##".
a11y-default-title = Accessibility statement
a11y-default-body = The city is committed to making the Agora site accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of public bodies' websites and mobile applications.

    ## Compliance status

    The site is partially compliant with the Act because of the limitations listed below.

    ## How we check accessibility

    As of 30 November 2026. On every change to the site, tests in the Chromium browser check:

    - every page type (home, the consultation list with filters, a consultation at every stage, the remark form empty and with errors, the list of remarks, the report, the calendar, the account, accessibility requests and the staff pages) with axe-core against WCAG 2.1 levels A and AA, in Polish and English, on screens 1280 and 320 pixels wide; result: zero violations;
    - that nothing needs scrolling sideways on a screen 320 pixels wide;
    - use by keyboard alone: signing up and confirming an account, submitting a remark (first with errors) and an organiser answering a remark; the test checks the Tab order, a visible indicator on the focused element, an error summary with links to the fields, and that there are no keyboard traps.

    Pages work without JavaScript. Forms show errors next to the fields and in a summary at the start of the form.

    ## Known limitations

    - Automated tests do not replace testing with disabled people or with a screen reader; such testing is planned.
    - Documents and attachments added by organisers (PDF, DOCX, scans) may not be accessible. On request we prepare an accessible version.
    - Only some consultations have an easy-to-read summary and a video in Polish Sign Language.
    - Survey result charts have data tables beside them; the charts themselves are not interactive.
    - Remarks and files sent by residents are published as they were received.

    ## Preparation of this statement

    This statement was prepared on 30 November 2026 from a self-assessment and the results of the tests described. The site's administrator keeps it up to date in the staff area.

    ## Feedback and contact

    If you find an accessibility problem or need a page or document in another form, send a [request for accessibility](/deklaracja-dostepnosci/wniosek) or write to the address at the bottom of the page.

    ## Requests and complaints

    Everyone has the right to ask for a page, part of a page or document to be made accessible, or for alternative access, for example by reading a document aloud or describing a video. A request should give contact details, the page or document, and how the information should be provided.

    We meet requests without delay and within 7 days at the latest. If that is not possible, we say so and give a new date no later than 2 months away, or offer alternative access.

    If we refuse or miss the deadline, you can complain to the city. After that you can apply to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich).

    ## Architectural accessibility

    The site's administrator adds a description of the accessibility of the city's offices and consultation points.

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
days-left = { $count ->
    [0] last day
    [one] { $count } day left
   *[other] { $count } days left
}
days-to-go = { $count ->
    [0] today
    [one] in { $count } day
   *[other] in { $count } days
}

## Consultations — public
nav-consultations = Consultations
nav-calendar = Calendar
catalogue-title = Public consultations
catalogue-lead = All of the city's consultations in one place. Choose a district or a topic to find what concerns you.
catalogue-tabs = Stage of consultation
tab-open = Open
tab-planned = Planned
tab-finished = Finished
filter-text = Search
filter-district = District
filter-category = Category
filter-unit = Organiser
filter-year = Year
filter-sort = Order
all-districts = All districts
sort-default = Default
sort-closing = Closing soonest
sort-newest = Newest
sort-title = Alphabetical
catalogue-count = { $count ->
    [one] { $count } consultation
   *[other] { $count } consultations
}
catalogue-empty = No consultations match these filters. Change the filters or choose another tab.
feed-link = Atom feed of news
feed-title = Public consultations — news
feed-announced = Announced
feed-open = Opened
feed-closed = Closed
feed-report_published = Report published
scope-city = The whole city
scope-districts = Selected districts
status-draft = Draft
status-announced = Announced
status-open = Open
status-closed = Closed
status-report_published = Report published
status-archived = Archived
status-cancelled = Cancelled
banner-draft = A draft visible to its organisers only. Planned dates: { $opens } – { $closes }.
banner-announced = Opens on { $opens } ({ $togo }) and runs until { $closes }.
banner-open = Open until { $closes } — { $left }.
banner-closed = Closed on { $closes }. The remarks are being analysed and the report prepared.
banner-report = Closed on { $closes }. The consultation report is published.
banner-archived = Closed on { $closes }. This consultation is archived.
banner-report-link = Read the consultation report
banner-cancelled = This consultation has been cancelled.
consultation-manage = Manage this consultation
consultation-easy-read = Easy-to-read information
consultation-pjm = Information in Polish Sign Language (PJM)
consultation-organiser = Organiser
consultation-dates = Dates
consultation-scope = Area
consultation-categories = Categories
consultation-subject = Subject
consultation-legal-basis = Legal basis
consultation-languages = Languages of the materials
consultation-about = About this consultation
consultation-take-part = How to take part
consultation-take-part-open = You can send remarks in any of the ways below. The date of receipt counts.
consultation-take-part-closed = Remarks are not being collected now. Below are the ways to take part planned for this consultation.
consultation-schedule = Schedule
consultation-events = Meetings and duty hours
consultation-ics = Add the dates to your calendar (iCalendar)
consultation-documents = Documents
consultation-no-documents = No documents have been published yet.
consultation-contact = Contact
consultation-privacy = How we process personal data
legal-basis-statutory = Consultation required by statute
legal-basis-optional = Consultation on the city's initiative
language-pl = Polish
language-en = English
language-uk = Ukrainian
channel-where = Where:
channel-until = Until:
schedule-now = now
event-past = took place
event-place = Place:
event-hours = Opening hours:
event-phone = Phone:
event-online = Join online
event-accessibility = Accessibility:
event-part-of = Consultation:
event-attendance = { $count ->
    [one] { $count } person took part.
   *[other] { $count } people took part.
}
doc-version = version { $n }
doc-older = Earlier versions
doc-kind-draft = draft under consultation
doc-kind-form = remarks form
doc-kind-presentation = presentation
doc-kind-schedule = schedule
doc-kind-results = results
doc-kind-report = report
doc-kind-other = other
calendar-title = Calendar of meetings
calendar-lead = Upcoming meetings, workshops, duty hours and consultation points of all consultations, and district councillors' duty hours.
calendar-subscribe = Subscribe to the calendar (iCalendar)
calendar-empty = No events are planned.
method-collecting_remarks = Collecting remarks
method-open_meeting = Open meeting
method-workshop = Workshop
method-expert_duty = Expert duty hours
method-consultation_point = Consultation point
method-survey = Survey
method-map_survey = Map survey
method-study_walk = Study walk
method-public_hearing = Public hearing
method-online_discussion = Online discussion
method-street_poll = Street poll
method-interview = Interview
method-focus_group = Focus group
method-other = Other method

## Consultations — organisers
organiser-title = Consultations
organiser-new = New consultation
organiser-col-status = Stage
organiser-col-unit = Unit
organiser-sections = Parts of the consultation
organiser-tab-data = Details
organiser-tab-programme = Schedule, methods, meetings
organiser-tab-documents = Documents
organiser-tab-public = Public page
organiser-status = Stage
organiser-status-final = This is a final stage.
organiser-basic = Basic information
organiser-legal = Legal basis
organiser-who-where = Who and where
organiser-personal-data = Personal data in remarks
organiser-personal-data-hint = Collect only what is needed. We never ask for a PESEL number; phone and e-mail are optional by default.
transition-announced = Announce
transition-open = Open for remarks
transition-closed = Close remarks
transition-report_published = Publish the report
transition-archived = Move to the archive
transition-cancelled = Cancel
transition-draft = Back to draft
field-slug = Page address
field-slug-hint = The part of the address after /konsultacje/. Leave it empty to make one from the title.
field-summary = Summary
field-summary-hint = One or two sentences shown in the list of consultations.
field-description = Description
field-subject = Subject
field-subject-hint = E.g. a draft resolution, a concept for rebuilding a street.
field-enabling-act = Enabling act
field-enabling-act-hint = The resolution or order, e.g. "Order No 1234/2026 of the Mayor of Kraków". Required for statutory consultations.
field-co-units = Co-organisers
field-districts = Districts concerned
field-opens-at = Remarks open
field-closes-at = Remarks close
field-local-time-hint = Polish time (Europe/Warsaw).
field-contact-name = Contact person
field-phone = Phone
field-require-email = A remark must include an e-mail address
field-require-address = A remark must include a district or address
field-allow-anonymous = Remarks may be sent anonymously
field-privacy-notice = Privacy notice (GDPR)
field-easy-read = Summary in easy-to-read language
field-easy-read-hint = Short sentences, simple words, one idea per sentence.
field-pjm-url = Video in Polish Sign Language
field-pjm-url-hint = An address starting with https://
privacy-default = The controller of personal data is the Mayor of the City. Data is processed only to run the consultation and prepare its report (Art. 6(1)(e) GDPR). Private persons are not named in the public report.
field-starts-on = From
field-ends-on = Until (optional)
field-starts-at = Start
field-ends-at = End
field-address = Address
field-room = Room
field-online-url = Link to the online meeting
field-opening-hours = Opening hours
field-accessibility = Accessibility information
field-method-kind = Method
field-channel-address = Where to send (address, e-mail, link)
field-deadline = Deadline (if other than the consultation's end)
field-attendance = Number of participants
programme-methods = Methods
programme-add-step = Add a schedule step
programme-add-method = Add a method
programme-add-event = Add a meeting, duty hours or a point
programme-none = Nothing added yet.
remove = Remove
doc-add = Add a document
doc-add-hint = PDF, DOCX, ODT, XLSX, ODS or an image (PNG, JPG, WebP), at most { $mb } MB. The type is checked from the file's content.
doc-upload = Upload the document
doc-new-version = New version of the file
doc-upload-version = Add version
field-doc-kind = Kind of document
field-file = File
flash-status-changed = The consultation's stage has changed.
flash-uploaded = The document has been added.
rules-title = Consultation rules
rules-lead = The rules of the city's consultation resolution, checked on publication. By default Kraków's rules apply (resolution CXI/2904/18).
rules-broken = This consultation breaks the rules
rules-refused = The rules do not allow publishing a consultation that breaks them. Correct its dates or methods.
rules-justify = You may publish it anyway by giving a justification. It will be recorded in the audit log.
rules-fix-programme = Correct the methods
rules-fix-dates = Correct the dates
rule-too-short = The consultation lasts { $days } days; the rules require at least { $min }.
rule-notice-too-short = There are { $days } days between announcement and opening; the rules require at least { $min } days of information campaign.
rule-too-few-methods = The consultation uses { $count } methods; the rules require at least { $min }.
rule-missing-method = The methods must include at least one of: { $methods }.
field-justification = Justification
field-justification-hint = At least 20 characters.
field-min-open-days = Minimum duration (days)
field-min-notice-days = Minimum time from announcement to opening (days)
field-min-methods = Minimum number of methods
field-required-one-of = At least one of these methods is required
field-on-violation = When a consultation breaks the rules
on-violation-justify = Require a justification
on-violation-refuse = Do not allow publishing
admin-rules = Consultation rules
error-409-title = The data changed meanwhile
error-409-message = Someone else changed this data meanwhile. Reload the page and try again.
error-closes-before-opens = The end must be later than the start.
error-ends-before-starts = The end must be later than the start.
error-districts-required = Choose at least one district, or choose the whole city.
error-event-place-required = Give an address, a link to the online meeting or a phone number.
error-file-too-big = The file is too large. The largest allowed size is { $limit } MB.
error-file-type = This type of file is not allowed. Add a PDF, DOCX, ODT, XLSX, ODS or a PNG, JPG or WebP image.
error-number-invalid = Enter a number within the allowed range.
error-phone-invalid = Enter a phone number: digits, spaces, +, - and brackets.
error-slug-invalid = The address may contain only lower-case letters without diacritics, digits and dashes (3–80 characters).
error-slug-taken = Another consultation already has this address. Choose another one.
error-url-invalid = Enter a full address starting with https://
catalogue-results = Results
home-open-heading = Open consultations
home-open-none = No consultation is open right now. See the planned and finished ones.
home-open-all = { $count ->
    [one] See { $count } open consultation
   *[other] See all { $count } open consultations
}
home-planned-heading = Coming soon
home-planned-all = All planned consultations

## Remarks
remarks-form-title = Send remarks
remarks-form-lead = Remarks are accepted until { $closes }. The time of receipt counts. Every remark will be answered in the consultation report.
remark-n = Remark { $n }
remark-number = Remark no. { $n }
remarks-add-block = Add another remark
field-section = Part of the document
field-section-none = Choose the part of the document (optional)
field-section-text = Which part the remark concerns (in your words)
field-proposed-change = Proposed change
field-remark-justification = Justification
identity-legend = Who is sending the remarks
submitter-person = A private person
submitter-organisation = An organisation (e.g. an association, a district council, a company)
submitter-anonymous = Anonymously
field-submitter-name = Name and surname
field-organisation = Name of the organisation
field-district = District
field-district-none = Choose a district (optional)
field-attachment = Attachment (optional)
field-attachment-hint = E.g. a scan of the signed form: PDF, DOCX, ODT or an image, at most 10 MB.
remarks-submit = Send the remarks
remarks-closed-title = Remarks are not being collected
remarks-closed = Remarks on this consultation can be sent only while it is open. Closing: { $closes }.
remarks-back = Back to the consultation
remarks-received-title = Thank you, your remarks have been received
remarks-received-receipt = Receipt number: { $receipt }
remarks-received-lead = Your remarks on "{ $title }" have been recorded. Keep the receipt number.
remarks-received-held = The remarks will be shown publicly once a moderator has checked them.
remarks-received-mail = We have sent a copy to { $email }.
remarks-list-title = Remarks received
remarks-count = { $count ->
    [one] { $count } remark
   *[other] { $count } remarks
}
remark-hidden = Hidden by a moderator. Reason: { $reason }
remark-answer = The city's position
remark-col-number = Remark no.
remark-state-held = Awaiting moderation
remark-state-hidden = Hidden by a moderator
remark-state-waiting = Awaiting an answer
private-person = Private person no. { $n }
anonymous-person = Anonymous person
moderation-log-title = Moderation log
moderation-log-lead = Every moderator's decision is recorded here with its reason.
moderation-log-empty = There have been no moderation decisions yet.
moderation-reason = Reason
moderation-approve = Approved
moderation-hide = Hidden
moderation-restore = Restored
my-remarks-title = My remarks
my-remarks-empty = You have not sent any remarks while signed in yet.
channel-online = Online form
channel-email = E-mail
channel-post = Post
channel-in_person = In person at the office
channel-epuap = ePUAP
channel-consultation_point = Consultation point
channel-meeting = Meeting
channel-phone = Phone duty hours
channel-dialogue_body = Opinion of a dialogue body
decision-accepted = Accepted
decision-partially_accepted = Partially accepted
decision-rejected = Rejected
decision-not_applicable = Outside the subject of the consultation
decision-withdrawn = Withdrawn
mail-remark-subject = Remarks received: { $receipt }
mail-remark-body = Hello,

    We have received your remarks on "{ $title }". Receipt number: { $receipt }.

    { $remarks }

    Every remark will be answered in the consultation report:
    { $link }
error-remark-empty = Enter at least one remark.
error-address-required = This consultation requires a district or an address.
error-anonymous-not-allowed = Remarks on this consultation cannot be sent anonymously.

## Answering remarks
organiser-tab-remarks = Remarks and answers
answering-progress = Answers so far
answering-progress-text = Answered { $answered }
answering-settings = How remarks are received
answering-bulk = One answer for the selected remarks
answering-bulk-hint = Tick similar remarks in the list below, then give them one position. Each of them is listed in the report with this answer.
answering-bulk-submit = Answer the selected
answering-save = Save the answer
answering-attachment = Attachment
field-decision = Position
field-answer = Reasons for the position
field-group-title = Name of the group of similar remarks (optional)
field-premoderation = New remarks wait for a moderator's approval
field-defect-days = Days allowed to correct a formal defect
field-new-section = New part of the document
field-new-section-hint = E.g. "§ 3(2)" or "Chapter II. Goals". Residents pick it in the form.
filter-unanswered = Only unanswered
filter-channel = Channel
filter-decision = Position
moderation-do-approve = Approve
moderation-do-hide = Hide
moderation-do-restore = Restore
moderation-state-published = Published
moderation-state-held = Awaiting moderation
moderation-state-hidden = Hidden
formal-valid = Valid
formal-defective = Formally defective
formal-late = Late
intake-title = Enter remarks from another channel
intake-receipt = Receipt
intake-submit = Save the remarks
field-received-at = Date and time received
field-formal-status = Formal check
field-formal-status-hint = Remarks received after the consultation closed are marked late.
field-defect-reason = What is missing
# The formal check of a submission, editable with its history.
formal-check-link = Formal check
formal-check-title = Formal check of submission { $receipt }
formal-check-current = Current check
formal-check-received = Received
formal-check-change = Change the formal check
formal-check-submit = Save the formal check
formal-check-history = History of the formal check
formal-check-history-empty = Staff have not checked this submission yet. Submissions from the online form are accepted as valid.
formal-check-col-when = When
formal-check-col-who = Who
formal-check-back = Back to the remarks
field-defect-reason-hint = Only for a formal defect. The sender sees it in their account.
field-correct-by = Deadline to complete it
field-correct-by-hint = The last day to complete what is missing, no earlier than the day received. Only for a formal defect.
field-correct-by-intake-hint = Only for a formal defect. Leave it empty for { $days ->
    [one] { $days } day
   *[other] { $days } days
} from the day received (the consultation's setting).
formal-defect-note = Formal defect: { $reason }
formal-deadline-note = to be completed by { $date }
formal-late-note = Received after the consultation closed.
my-remark-defect = Your submission has a formal defect: { $reason }
my-remark-deadline = Complete it by { $date }.
my-remark-late = This remark arrived after the deadline for remarks.
error-correct-by-before-received = The deadline cannot be earlier than the day received.
flash-formal-checked = The formal check has been saved.
flash-formal-unchanged = The formal check did not change — nothing was saved.
field-scan = Scan of the document (optional)
flash-answered = The answer has been saved.
flash-moderated = The moderator's decision has been saved.
flash-intake = The remarks have been saved.
error-remarks-none-chosen = Tick at least one remark.

## Report
report-title = Consultation report
report-version = version { $n }
report-draft-banner = Preview of a draft report — not published yet.
report-full-banner = Full version for staff: it contains personal data. Do not publish it.
report-download-csv = Download the list of remarks (CSV, semicolons — for Excel in Polish)
report-introduction = Introduction
report-conclusions = Conclusions
report-events = Methods and meetings
report-counts = Remarks in numbers
report-by-channel = By channel
report-by-decision = By position
report-by-district = By district
report-by-kind = By kind of submitter
report-remarks = Remarks with the city's position
report-col-number = No.
report-col-who = Submitted by
report-no-decision = No position
report-not-given = Not given
report-save = Save the draft
report-publish = Publish the report
report-publish-lead = Publishing the report moves the consultation to "Report published" and tells everyone who gave an e-mail address.
report-preview = Preview the public version
report-preview-full = Preview the full version
report-state-draft = draft
report-state-published = published
report-unanswered = The report cannot be published until every remark has a position.
report-unanswered-count = { $count ->
    [one] { $count } remark has no position yet.
   *[other] { $count } remarks have no position yet.
}
report-not-closed = The report can be published once remarks are closed.
report-no-draft = First save the report's introduction and conclusions.
submitter-kind-person = Private persons
submitter-kind-organisation = Organisations
submitter-kind-anonymous = Anonymous
flash-report-published = The report has been published.
mail-report-subject = Report on the consultation "{ $title }"
mail-report-body = Hello,

    We have published the report on the consultation "{ $title }" with an answer to every remark:
    { $link }

    Thank you for taking part.
report-download-pdf = Download the report (PDF)
report-download-docx = Download the report (DOCX)
report-download-xlsx = Download the list of remarks (XLSX)
report-public-note = Public version: private persons are numbered, organisations are named.
report-survey = Survey results

# Surveys, quick polls
district-title = District
district-open = Consultations open in the district
district-none-open = No consultation concerning this district is open now.
district-finished = Finished consultations concerning the district
yes = Yes
no = No
cancel = Cancel
move-up = Move up
move-down = Move down
filter-any = All
filter-apply = Show
error-too-many-lines = { $limit ->
    [one] Enter at most { $limit } line.
   *[other] Enter at most { $limit } lines.
}
error-too-few-lines = { $limit ->
    [one] Enter at least { $limit } line.
   *[other] Enter at least { $limit } lines.
}
error-duplicate-lines = Each answer may appear only once.
error-out-of-range = Enter a number from 0 to { $limit }.
error-max-below-min = The largest value can't be smaller than the smallest.
error-scale-5-or-10 = A scale has 5 or 10 points.
error-profile-kind = Only single choice, drop-down, yes/no or choice with "other" can be a profile question.
error-other-text-required = Type what "Other" means.
error-too-many-choices = { $limit ->
    [one] Choose at most { $limit } answer.
   *[other] Choose at most { $limit } answers.
}
error-too-few-choices = { $limit ->
    [one] Choose at least { $limit } answer.
   *[other] Choose at least { $limit } answers.
}
error-out-of-scale = Choose a rating from 1 to { $limit }.
error-number-below-min = Enter a number no smaller than { $limit }.
error-number-above-max = Enter a number no larger than { $limit }.
error-every-row-required = Answer in every row.
error-rank-invalid = Number the items you rank 1, 2, 3… with no repeats or gaps.
error-survey-code-invalid = This code is unknown or has been used already.
error-survey-unknown-question = The form held answers to questions this survey doesn't have. We left them out; check your answers and send again.
error-survey-no-questions = Add at least one question before opening the survey.
error-survey-too-many-questions = The survey already has the largest number of questions allowed.
survey-other = Other
survey-date-hint = Type the date, e.g. 30.11.2026.
survey-choose = — choose —
survey-required = required
survey-condition-hint = Answer only if you chose "{ $answer }" in "{ $question }".
survey-progress = Step { $n } of { $total }
survey-see-results = See the results
survey-closed-title = The survey is closed
survey-closed = This survey no longer takes answers.
survey-thanks-title = Thank you
survey-thanks = Your answers have been saved. Thank you for taking part.
survey-already-answered = This survey already has your answers. Thank you!
survey-resumed = We loaded the answers you saved earlier. You can carry on.
survey-saved = Your answers are saved. You can come back to the survey later.
survey-changed = The survey changed while you were filling it in. We kept your answers to the questions that did not change. Please check:
survey-changed-new = new question: "{ $question }"
survey-changed-edited = changed question: "{ $question }"
survey-changed-removed = { $n ->
    [one] { $n } question removed
   *[other] { $n } questions removed
}
survey-preview-note = This is a preview: answers are not saved.
survey-code = Access code
survey-code-hint = The code is on the slip you received, e.g. 7KQ2M9XA.
survey-next = Next
survey-back = Back
survey-save = Save and finish later
survey-submit = Send answers
survey-results = Results
survey-export-csv = Download responses (CSV, semicolons — for Excel in Polish)
survey-export-xlsx = Download responses (XLSX)
survey-filters = Result filters
survey-channel = Channel
survey-channel-online = online
survey-channel-paper = paper questionnaire
survey-channel-street_poll = street poll
survey-from = From
survey-to = To
survey-crosstab = Cross-tab
survey-crosstab-question = Question to cross-tabulate
survey-crosstab-profile = by (profile question)
survey-crosstab-caption = "{ $question }" by "{ $profile }" (column share in brackets)
survey-data-table = Data
survey-answer = Answer
survey-count = Count
survey-percent = Share
survey-all-texts = All text answers
survey-text-answers = Text answers
survey-search = Search the answers
survey-text-count = { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
survey-responses = { $n ->
    [one] { $n } response
   *[other] { $n } responses
}
survey-answered = { $n ->
    [one] { $n } person answered
   *[other] { $n } people answered
}
survey-mean = mean { $value }
survey-median = median { $value }
survey-row-means = mean rating per row
survey-rank-header = Mean place (points)
survey-rank-extra = { $mean } ({ $score } pts)
survey-results-hidden-title = Results are not available yet
survey-results-hidden = The organiser will publish this survey's results later.
survey-open-now = open, take part
consultation-surveys = Surveys
survey-admin-title = Surveys
survey-new = New survey
survey-none = There are no surveys yet.
survey-status = Status
survey-status-draft = draft
survey-status-open = open
survey-status-closed = closed
survey-responses-col = Responses
survey-public-link = Address
survey-open = Open the survey
survey-close = Close
survey-preview = Preview
survey-entry = Enter a paper questionnaire
survey-codes = One-time codes
survey-duplicate = Make a copy
survey-copy-suffix = (copy)
survey-questions = Questions
survey-no-questions = The survey has no questions yet.
survey-page = Page
survey-page-hint = Questions with the same page number are shown together (when the survey is split into pages).
survey-question-kind = Question type
survey-add-question = Add a question
survey-edit-question = Edit question
survey-settings = Survey settings
survey-title-pl = Title (Polish)
survey-title-en = Title (English)
survey-intro-pl = Introduction (Polish)
survey-intro-en = Introduction (English)
survey-consultation = Consultation
survey-standalone = — standalone survey —
survey-access = Who may answer
survey-access-anyone = anyone (one response per browser)
survey-access-signed_in = signed-in residents, once each
survey-access-codes = holders of a one-time code (a research sample)
survey-layout = Layout
survey-layout-one_page = every question on one page
survey-layout-pages = the builder's pages
survey-layout-each_question = one question per screen
survey-visibility = Results
survey-visibility-while_open = public while open
survey-visibility-after_close = public after closing
survey-visibility-staff = staff only
survey-closes-at = Stop taking answers at (optional)
survey-closes-at-hint = After this moment the survey stops taking answers by itself.
survey-profile = profile
survey-has-condition = condition: question { $n }
survey-question-pl = Text (Polish)
survey-question-en = Text (English)
survey-help-pl = Help (Polish)
survey-help-en = Help (English)
survey-options = Answers to choose from
survey-options-hint = One per line; the translation after a vertical bar, e.g. "Codziennie | Daily".
survey-rows = Matrix rows
survey-min = At least
survey-max = At most
survey-scale = Scale
survey-low-pl = Label of the lowest rating (Polish)
survey-low-en = Label of the lowest rating (English)
survey-high-pl = Label of the highest rating (Polish)
survey-high-en = Label of the highest rating (English)
survey-show-if = Show only when
survey-always = always
survey-required-label = Answer required
survey-profile-label = Profile question (for cross-tabs)
survey-codes-intro = Each code lets one person answer once. Print this page and hand the codes to the people in the sample.
survey-codes-count = How many codes to make
survey-codes-make = Make codes
survey-codes-used = used
survey-code-used = used
survey-entry-source = Where the questionnaire comes from
survey-interviewer = Interviewer or person keying in
survey-place = Place
survey-collected-at = When collected
survey-entry-save = Save and enter the next
survey-col-id = No.
survey-col-channel = Channel
survey-col-collected = Collected
survey-col-interviewer = Interviewer
survey-col-place = Place
survey-codebook-column = Column
survey-codebook-question = Question
survey-codebook-kind = Type
survey-codebook-values = Values
survey-codebook-chosen = 1 = chosen, 0 = not
survey-codebook-rank = place in the ranking (1 = most important)
survey-sheet-responses = Responses
survey-sheet-codebook = Codebook
flash-survey-created = The survey was created. Add questions.
flash-survey-copied = A copy of the survey was made.
flash-question-added = The question was added.
flash-question-removed = The question was removed.
flash-response-entered = The questionnaire was saved. You can enter the next one.
question-kind-single = single choice
question-kind-multiple = multiple choice
question-kind-choice_other = choice with "other"
question-kind-dropdown = drop-down list
question-kind-rating = rating scale
question-kind-likert = matrix (Likert scale)
question-kind-ranking = ranking
question-kind-number = number
question-kind-short_text = short text
question-kind-long_text = long text
question-kind-date = date
question-kind-yes_no = yes / no
question-kind-info = information block
poll-title = Quick poll
poll-vote = Vote
poll-back = Back
poll-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
poll-closed = The poll is closed.
poll-pick-one = Choose one answer.
poll-rate-limited = Too many votes came from this address recently. Try again in an hour.
poll-already-voted = Your vote in this poll was already recorded.
poll-sign-in = Sign in to vote.
poll-admin-title = Quick polls
poll-new = New quick poll
poll-question = Question
poll-placement = Where to show it
poll-placement-home = home page
poll-placement-consultation = consultation page
poll-placement-district = district page
poll-mode = Who votes
poll-mode-signed_in = signed-in people, one vote per account
poll-mode-cookie = anyone, one vote per browser (limited per address)
poll-votes-col = Votes
poll-create = Create the poll
flash-poll-created = The poll was created.

# Accessibility requests and information pages
nav-accessible-info = Information about the site in accessible form
etr-link = Easy-to-read text (ETR)
pjm-link = Information in Polish Sign Language (PJM)
footer-request-version = Ask for an accessible version of this page
etr-default-title = Agora in easy-to-read text
etr-default-body = ## What is Agora?

    Agora is a website of the city.

    On this website the city asks people what they think.

    Such a question is called a **consultation**.

    For example: the city wants to rebuild a street.

    The city asks: what should change in this street?

    ## What can you do on this website?

    - You can read what the city is asking about.
    - You can write what you think. This is called a **remark**.
    - You can read what the city answers.

    The city answers every remark.

    The answers are in a **report**.

    ## How do you find a consultation?

    At the top of the page there is a menu.

    Choose **Consultations**.

    You will see a list of consultations.

    Choose **Open**.

    These are consultations where you can write a remark now.

    You can also choose your district.

    ## How do you write a remark?

    1. Open a consultation.
    2. Choose **Send remarks**.
    3. Write what you want to change.
    4. Write why.
    5. Choose **Send the remarks**.

    You will get a number for your remark.

    You do not need an account.

    If something is wrong, the page tells you what to correct.

    ## How do you use the website?

    You can use only the keyboard.

    The **Tab** key takes you to the next place on the page.

    The **Enter** key opens a link or sends a form.

    You can make the text bigger. Press the **Ctrl** and **plus** keys together.

    The website is in Polish and in English. You change the language at the top of the page.

    ## Do you need help?

    Write to us. The e-mail address is at the bottom of the page.

    You can ask for a text in another form.

    For example in easy-to-read text or in sign language.

    Fill in the [request for an accessible version](/deklaracja-dostepnosci/wniosek).

    We will answer within 7 days.
pjm-default-title = Agora in Polish Sign Language
pjm-default-body = This page has a video in Polish Sign Language (PJM). The video tells you what the Agora site is and how to use it.

    ## What is in the video?

    - What Agora is: the site where the city asks residents for their views in consultations.
    - How to find a consultation that is open now.
    - How to submit a remark and where to read the city's answer.
    - How to ask for a PJM interpreter at a consultation meeting or for a document in PJM.

    ## Contact through an interpreter

    Deaf people can contact the city through a PJM interpreter. Write whom you want to talk to and when, to the address at the bottom of the page or with the [request for an accessible version](/deklaracja-dostepnosci/wniosek) (choose "Recording in Polish Sign Language"). We will answer within 7 days.
pjm-video-heading = Video in Polish Sign Language
pjm-video-watch = Watch the video about the site in PJM
pjm-video-missing = The video is being prepared. Until it is published, you can ask for information in PJM with a request for an accessible version.
field-pjm-video = Address of the PJM video about the site
field-pjm-video-hint = An address starting with https://. Leave it empty and the page says the video is being prepared.
admin-page-etr = Easy-to-read page
admin-page-pjm = Polish Sign Language page
access-request-heading = Do you need an accessible version?
access-request-lead = If a page or document on this site is not accessible to you, ask for the version you need: for example a document for a screen reader, easy-to-read text or a recording in Polish Sign Language. We will meet or answer the request within 7 days.
access-request-start = Ask for an accessible version
access-form-title = Request for accessibility
access-form-lead = Tell us which page or document the request is about and in what form you need it. We will meet or answer the request without delay, within 7 days at the latest.
field-access-subject = Which page or document is the request about?
field-access-subject-hint = The page's address or the document's title, e.g. /konsultacje/park-rzeczny-wilga or "Draft resolution — annex 1".
field-access-format = In what form do you need the content?
access-format-accessible_document = A document for screen readers
access-format-accessible_document-hint = E.g. a DOCX or PDF file with marked headings, tables and described images.
access-format-easy_read = Easy-to-read text (ETR)
access-format-easy_read-hint = Short sentences and simple words.
access-format-sign_language = Recording in Polish Sign Language (PJM)
access-format-sign_language-hint = A video translating the content into PJM.
access-format-large_print = Large print
access-format-large_print-hint = A printout in a larger font, sent by post.
access-format-braille = Braille
access-format-braille-hint = A Braille printout, sent by post.
access-format-audio = Audio recording
access-format-audio-hint = The content read aloud.
access-format-other = Another form
access-format-other-hint = Describe it in the field below.
field-access-details = Describe what you need
field-access-details-hint = Optional. If you choose "Another form", say which. For a printout, give the postal address.
field-access-contact = E-mail or phone number
field-access-contact-hint = We use it only to send you the accessible version or our answer.
field-access-name = Name (optional)
access-privacy = Only the staff who handle the request see it. The contact details serve only to answer it.
access-submit = Send the request
error-format-required = Choose the form in which you need the content.
error-format-other-details = Say which form you need.
error-contact-invalid = Enter an e-mail address (name@domain.org) or a phone number (9 to 15 digits).
access-received-title = We have received your request
access-received-number = Request number: { $number }.
access-received-lead = We will meet or answer the request by { $due } at the latest.
access-received-keep = Keep the address of this page: it shows whether the request has been handled.
access-mail-subject = Accessibility request { $number }
access-mail-body = Hello,

    We have received your request for accessibility. Request number: { $number }.

    About: { $subject }
    Form: { $format }

    We will meet or answer it by { $due } at the latest. You can check the request here:
    { $link }
access-mail-handled-subject = Accessibility request { $number } handled
access-mail-handled-body = Hello,

    Your accessibility request { $number } has been handled.

    About: { $subject }

    If you did not receive what you asked for, reply to this message or make a complaint about the lack of accessibility.
access-col-number = Number
access-col-received = Received
access-col-due = Deadline
access-col-subject = About
access-col-format = Form
access-col-details = Description
access-col-contact = Contact
access-col-name = Name
access-col-consultation = Consultation
access-col-status = Status
access-status-open = Waiting
access-status-handled = Handled { $when }
access-due-today = Due today
access-days-left = { $count ->
    [one] { $count } day left
   *[other] { $count } days left
}
access-overdue-days = { $count ->
    [0] Overdue
    [one] { $count } day overdue
   *[other] { $count } days overdue
}
access-list-title = Accessibility requests
access-list-lead = A request must be met or answered within 7 days of its receipt. The list shows the nearest deadlines first.
access-list-filter = Requests by status
access-filter-open = Waiting
access-filter-handled = Handled
access-filter-all = All
access-list-open = { $count ->
    [one] { $count } request is waiting.
   *[other] { $count } requests are waiting.
}
access-list-overdue = Overdue: { $count }
access-list-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
access-list-none = No requests in this view.
access-request-title = Request { $number }
access-handle-heading = Handling the request
field-access-note = What was done
field-access-note-hint = E.g. "DOCX file sent by e-mail on 3 Dec." or the reason for a delay and the new date. Only staff see the note.
access-handle-submit = Mark as handled
access-handle-update = Save the note
flash-access-handled = The request was marked as handled.
access-tile = Accessibility requests (waiting: { $open }, overdue: { $overdue })

## Rate limits
limit-sign-in-client = Too many failed sign-in attempts came from your network recently. Try again in { $wait }.
limit-mail-client = Too many e-mail messages were requested from your network recently. Try again in { $wait }.
limit-mail-address = We have sent several messages to { $email } recently. So as not to flood the mailbox, we can send the next one in { $wait }.
limit-remarks-client = Many remarks were sent from your network in a short time. Try again in { $wait }. What you wrote is kept in the form.
limit-remark-copy = We have sent several messages to { $email } recently. Remove the e-mail address to send your remarks without a copy, or try again in { $wait }.

## Surveys, programme and exports
survey-chart-no-answers = no answers
survey-not-open-title = The survey does not take answers yet
survey-consultation-not-open = This survey is part of the consultation “{ $title }”, which begins on { $opens }. It can be answered from then on.
survey-consultation-cancelled = This survey was part of the consultation “{ $title }”, which has been cancelled. It takes no answers.
survey-slug-hint = The part of the address after /ankiety/. Leave it empty and we will make it from the title.
survey-preview-screens = Preview steps
survey-preview-prev = Previous step
survey-preview-next = Next step
programme-edit-title = Change to the programme
error-districts-with-city = Districts are ticked but the area is “The whole city”. Choose the area “Selected districts” or untick the districts.
cancel-title = Cancelling the consultation
cancel-lead = The consultation will be marked as cancelled and this cannot be undone. We will show residents the reason on its page.
cancel-not-possible = This consultation can no longer be cancelled.
field-cancellation-reason = Reason for cancelling
field-cancellation-reason-hint = Say in plain words why the consultation will not take place and what happens to its subject next.
error-cancellation-reason-required = Enter the reason for cancelling.
cancel-submit = Cancel the consultation
cancel-keep = Do not cancel
consultation-cancellation-reason = Reason for cancelling
delete-draft-title = Delete the draft
delete-draft-warning-title = This cannot be undone
delete-draft-warning = We will delete the draft with its schedule, methods, events, documents and the quick polls on its page. Surveys attached to it stay, without a consultation.
delete-draft-submit = Delete the draft for good
delete-draft-keep = Do not delete
delete-draft-not-draft = Only a draft can be deleted. A published consultation can be cancelled.
flash-consultation-deleted = The draft consultation has been deleted.
ics-remarks-open = Remarks open: { $title }
ics-remarks-close = Remarks close: { $title }
audit-download-csv-comma = Download as CSV (commas)
report-download-csv-comma = Download the list of remarks (CSV, commas — for other programs)
survey-export-csv-comma = Download responses (CSV, commas — for other programs)
field-kind = Kind
field-reason = Reason
field-chosen-remarks = Chosen remarks
field-accept-short = Accepting the terms
field-optional = (optional)
field-organisation-when = (when you send remarks as an organisation)
footer-terms = Terms and data protection
sign-up-read-terms = Read the terms of the site and the rules for processing personal data
terms-default-title = Terms of the site and data protection
terms-default-body = ## What the site is for

    On this site the city runs public consultations: it publishes drafts, collects remarks, surveys and votes, and at the end publishes a report with an answer to every remark.

    ## Account

    - You do not need an account to read consultations or to send remarks.
    - With an account you see your remarks and the city's answers, and we write to you when the report is published.
    - You can delete your account at any time in the account settings.

    ## Remarks and content

    - The text of a remark is published in the consultation report. The name of a private person is not published; the name of an organisation is.
    - A moderator may hide offensive or unlawful content. Hiding always comes with a reason.

    ## Personal data

    - The controller of the data is the city office that runs the site. Its contact details are in the page footer.
    - We process data to run consultations and to answer remarks (Article 6(1)(e) GDPR), and the account's e-mail address with your consent (Article 6(1)(a) GDPR).
    - Each consultation also has its own privacy notice, shown with the remark form.
    - You have the right to access your data, to have it corrected, restricted or erased, and to complain to the President of the Personal Data Protection Office.

    The administrator of the site edits this page.
poll-vote-recorded = Your vote has been recorded. Thank you! The results so far are below.
survey-back-to-consultation = Back to the consultation “{ $title }”
survey-back-home = Back to the home page
consultation-other-ways = Other ways to take part
transition-announced-hint = Publishes the notice: the consultation appears on the site with its dates, but remarks cannot be sent yet. Collection opens by itself on the start day.
transition-open-hint = Opens the collection of remarks at once, without waiting for the start day. Use it when the consultation should start now.
transition-closed-hint = Ends the collection of remarks now, before the planned end; the page and the report will show the real end.
transition-report_published-hint = Opens the report editor, where the report is published after a confirmation.
transition-archived-hint = Moves the consultation to the archive; the report stays available.
transition-cancelled-hint = Calls the consultation off; you give a reason that residents will see.
transition-draft-hint = Takes the consultation back to a draft: it disappears from the site until announced again.
report-end-collection-link = End the collection of remarks on the consultation's data page
report-publish-confirm-title = Confirm publishing the report
report-publish-confirm-public = The report with the answers to { $n } { $n ->
    [one] remark
   *[other] remarks
} will become public.
report-publish-confirm-mail = { $n ->
    [0] Nobody gave an e-mail address, so nobody will be notified.
    [one] { $n } person will get an e-mail notification.
   *[other] { $n } people will get an e-mail notification.
}
report-publish-confirm-final = Sent messages cannot be taken back. Later corrections to the report are published as a new version.
report-publish-confirm-submit = Yes, publish the report and notify
report-publish-confirm-back = No, back to editing
decision-choose = Choose a position
answering-select-all = Tick all remarks on this page ({ $n })
answering-unselect-all = Untick all
intake-receipt-number = Receipt number: { $receipt }. Write it on the paper original.
catalogue-tab-count = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
catalogue-found-in-tab = { $count ->
    [one] One matching consultation is in the tab:
   *[other] { $count } matching consultations are in the tab:
}

## Dialogue bodies, their opinions and the city's answers ledger
field-adopted-on = Date adopted
field-adopted-on-hint = The day the body adopted the opinion, e.g. 2026-11-20. The city's time to answer runs from it.
field-opinion-text = Text
field-votes-for = Votes for
field-votes-against = Votes against
field-votes-abstaining = Abstentions
error-date-in-future = The date cannot be later than today.
error-opinion-not-adopted = An opinion without a majority of votes for was not adopted.
nav-ledger = City's answers
tracked-kind-opinion = Opinion
tracked-kind-recommendation = Recommendation
tracked-kind-forum_position = City's position on the forum
tracked-kind-advice_request = Request for advice
tracked-kind-accessibility_request = Accessibility request
tracked-state-sent = Sent, awaiting an answer
tracked-state-acknowledged = Received by the department, awaiting an answer
tracked-state-answered = Answered
tracked-state-implemented = Implemented
tracked-state-waived = The time for an opinion ran out
tracked-step-acknowledged = Confirm receipt (the answer is not ready yet)
tracked-step-answered = Answer with reasons
tracked-step-implemented = Report the recommendation implemented
tracked-step-waived = The time ran out
tracked-unit = Department addressed
tracked-unit-choose = Choose a department
tracked-vote = Vote
tracked-votes-for = { $count } for
tracked-votes-against = { $count } against
tracked-votes-abstaining = { $count } abstaining
tracked-history = History
tracked-answer-link = Answer for the department
tracked-step = What you are doing
tracked-step-title = The department's answer
tracked-step-submit = Save
tracked-note = Answer and its reasons
tracked-note-hint = With an answer, say what the city will do and why (at least 20 characters); the text is public. With a confirmation of receipt the note is optional.
tracked-nothing-to-do = This has been answered and awaits no further step.
tracked-public-page = See the public page of this matter
error-tracked-moved = Someone else changed where this stands meanwhile. Check the history below and choose the step again; what you typed has been kept.
flash-opinion-sent = The opinion has been sent to the department and is shown in the ledger of the city's answers.
flash-tracked-acknowledged = Receipt has been confirmed.
flash-tracked-answered = The answer has been published.
flash-tracked-implemented = The implementation has been recorded.
opinion-new-title = New opinion or recommendation
opinion-new-lead = The opinion goes at once to the department chosen and to the public ledger of the city's answers. The city has 30 days from the day it was adopted to answer (art. 35 of the Code of Administrative Procedure); a deadline on a day off moves to the next working day.
opinion-send = Send to the department
ledger-title = The city's answers
ledger-lead = Opinions and recommendations of civic dialogue bodies that the city must answer: by when, which department, and whether the answer has come. Overdue ones are at the top.
ledger-awaiting = { $count ->
    [one] { $count } matter awaits an answer.
   *[other] { $count } matters await an answer.
}
ledger-overdue-count = { $count ->
    [one] { $count } is overdue.
   *[other] { $count } are overdue.
}
ledger-count = { $count ->
    [one] { $count } matter
   *[other] { $count } matters
}
ledger-list = Matters
ledger-empty = Nothing matches these filters.
ledger-col-what = Matter
ledger-col-from = From
ledger-col-due = Answer due
ledger-col-state = State
ledger-sent = sent
ledger-answered-on = Answered
ledger-overdue = Overdue
ledger-overdue-days = { $days ->
    [one] { $days } working day overdue
   *[other] { $days } working days overdue
}
ledger-filter-body = Dialogue body
ledger-filter-awaiting = Awaiting an answer
ledger-filter-answered = Answered
ledger-staff-title = Matters to answer
ledger-staff-lead = Opinions and recommendations addressed to your departments. Confirm receipt, then answer with reasons before the deadline; the answer is published in the ledger.
ledger-public-link = Public ledger of the city's answers
ledger-tile = Opinions and recommendations to answer (waiting: { $open }, overdue: { $overdue })

## Consultations referred to dialogue bodies
referrals-queue-title = For an opinion
referrals-queue-lead = Consultations whose categories match the body's themes arrive here on the day they are announced. An opinion given on a consultation goes to the department and also becomes a remark of that consultation, so it gets an answer in the report.
referrals-queue-empty = No consultation has been referred for an opinion yet.
referrals-col-consultation = Consultation
referrals-col-status = Status
referrals-col-closes = Remarks close
referrals-col-referred = Referred
referrals-col-opinion = Opinion
referrals-col-body = Dialogue body
referrals-col-remark = Remark in the consultation
referrals-opinion-given = Opinion given
referrals-give-opinion = Give an opinion
referrals-no-opinion = No opinion
referrals-no-opinion-yet = No opinion yet
referrals-asked-title = Dialogue bodies
referrals-asked-lead = The dialogue bodies this consultation reached on the day it was announced, because its categories match their themes, and their opinions. Each opinion is also a remark of this consultation.
referrals-asked-empty = The consultation reached no dialogue body: none has themes matching its categories, or it has not been announced yet.
opinion-consultation = Consultation the opinion is on
opinion-consultation-hint = An opinion on a consultation referred to the body also becomes a remark of that consultation and gets an answer in the report.
opinion-consultation-none = Not about a consultation
opinion-remark-receipt = remark with receipt number { $receipt }
opinion-remark-justification = Opinion adopted on { $adopted } (votes for: { $for }, against: { $against }, abstaining: { $abstaining }). The city's answer to the opinion: { $link }
error-opinion-consultation-not-referred = Choose a consultation referred to this body that still takes opinions.
bodies-opinions = Opinions and recommendations
bodies-opinions-none = The body has not given any opinion or recommendation yet.
bodies-opinions-all = { $count ->
    [one] See { $count } item in the city's answers ledger
   *[other] See all { $count } items in the city's answers ledger
}
reminder-weekly-subject = { $unit }: { $awaiting ->
    [one] { $awaiting } item awaits the city's answer
   *[other] { $awaiting } items await the city's answer
}
reminder-weekly-body = Hello,

    { $unit } has { $awaiting ->
        [one] { $awaiting } opinion or recommendation of a dialogue body awaiting
       *[other] { $awaiting } opinions or recommendations of dialogue bodies awaiting
    } its answer. { $overdue ->
        [0] None is overdue.
       *[other] Overdue: { $overdue }.
    }

    The list, the due dates and the answer form: { $link }

    Answers are published in the city's answers ledger. This message is sent every Monday while something awaits the department's answer.
referrals-until = Opinion due by { $date }; no opinion by then means the right to give one is waived.
referrals-waived = No opinion by { $date }: the council waived its right to give one.
tracked-signatures = Signed by members
tracked-signatures-none = No member has signed this opinion yet.
tracked-cosign = Sign as a member
flash-cosigned = Your signature is under the opinion.

## Meetings of dialogue bodies
meetings-title = Meetings
meetings-upcoming = Upcoming meetings
meetings-past = Past meetings
meetings-none-upcoming = No further meetings are planned.
meetings-none-past = No meeting has taken place yet.
meetings-online = Online meeting
meetings-convened-by = convened by
meetings-ics-link = Calendar of meetings (iCalendar)
meetings-ics-name = Meetings: { $body }
meetings-manage = Manage the meeting
meetings-when = Date
meetings-place = Place
meetings-online-link = Link to the online meeting
meetings-series = Meeting series
meetings-agenda = Agenda
meetings-agenda-none = The agenda has not been set yet.
meetings-attendance = Attendance
meetings-attendance-none = Attendance has not been recorded yet.
meetings-present = present
meetings-absent = absent
meetings-no-vote = no vote
meetings-quorum-reached = Quorum present: { $present } of { $members } voting members attended (at least { $required } needed).
meetings-quorum-not-reached = No quorum: { $present } of { $members } voting members attended (at least { $required } needed).
meetings-minutes = Minutes
meetings-minutes-none = The minutes have not been written yet.
meetings-minutes-draft = Draft minutes
meetings-minutes-final = Adopted minutes
meetings-version = version { $n }
meetings-versions = Every version of the minutes
meetings-amendments-until = Those present at the meeting may propose amendments until { $date }.
meetings-amend = Propose an amendment to the minutes
meetings-amend-send = Send the amendment
meetings-field-amendment = Amendment
meetings-field-amendment-hint = Point to the passage of the minutes and propose how it should read.
meetings-amendments = Proposed amendments
meetings-details = Meeting details
meetings-public-page = Meeting page
meetings-new = Add a meeting
meetings-field-title = Title of the meeting
meetings-field-title-hint = For example "Meeting no. 12".
meetings-field-starts-at = Start
meetings-field-ends-at = End
meetings-time-hint = Date and time in Polish time.
meetings-field-place = Place (optional)
meetings-field-place-hint = Address and room. Give a place, a link to an online meeting, or both.
meetings-field-online-url = Link to the online meeting (optional)
meetings-field-online-url-hint = A full address starting with https://
meetings-field-amendment-days = Days to propose amendments to the minutes
meetings-field-amendment-days-hint = Counted from the day the draft minutes are shared, from 1 to 60.
meetings-field-series = Meeting series (optional)
meetings-series-option-none = No series
meetings-documents = Documents of the body
meetings-documents-none = No documents have been added yet.
meetings-document-add = Add a document
meetings-field-doc-title = Title of the document
meetings-field-doc-url = Address of the document
meetings-field-doc-url-hint = A full address starting with https://
meetings-agenda-add = Add an agenda item
meetings-field-agenda-title = Agenda item
meetings-field-agenda-link = Related document, consultation or opinion (optional)
meetings-link-none = Nothing related
meetings-link-documents = Documents
meetings-link-consultations = Consultations
meetings-link-opinions = Opinions
meetings-invitations = Invitations
meetings-invite = Send invitations to the members
meetings-invited-at = Invitations were sent on { $when }.
meetings-not-invited = Invitations have not been sent yet.
meetings-field-present = Present at the meeting
meetings-no-members-on-day = The body had no members on the day of the meeting.
meetings-attendance-save = Save the attendance
meetings-attendance-update = Correct the attendance
meetings-field-minutes = Text of the minutes
meetings-field-minutes-hint = Each save makes a new version; earlier versions are kept.
meetings-minutes-save-draft = Save the draft minutes
meetings-minutes-save-final = Adopt the minutes as final
meetings-minutes-are-final = The minutes are final and can no longer be changed.
meetings-series-admin = Meeting series
meetings-series-none = No meeting series has been created yet.
meetings-series-new = Create a meeting series
meetings-series-bodies = Dialogue bodies taking part
meetings-series-participants = Participants
meetings-series-slug-hint = The part of the address after /cykle-posiedzen/. Leave it empty and we will make it from the name.
error-agenda-document-other-body = This document belongs to another dialogue body. Only this body's documents can be put on its agenda.
error-agenda-link-missing = There is no such document, consultation or opinion.
error-amendment-days-invalid = Enter a number of days from 1 to { $limit }.
error-amendment-not-present = Only those present at the meeting can propose amendments to its minutes.
error-amendment-no-draft = The draft minutes have not been shared yet.
error-amendment-minutes-final = The minutes have already been adopted; amendments can no longer be proposed.
error-amendment-window-closed = The time for proposing amendments to the minutes is over.
error-meeting-place-required = Give the place of the meeting or a link to an online meeting.
error-minutes-already-final = The minutes are already final; no new version can be added.
error-series-needs-two-bodies = Choose at least two dialogue bodies.
flash-meeting-created = The meeting was added.
flash-document-added = The document was added.
flash-agenda-item-added = The agenda item was added.
flash-attendance-saved = The attendance was saved.
flash-invitations-sent = The invitations were sent.
flash-minutes-saved = A new version of the draft minutes was saved.
flash-minutes-final = The minutes were adopted as final and published.
flash-amendment-sent = Your amendment was sent. Thank you.
flash-series-created = The meeting series was created.
mail-meeting-invitation-subject = Invitation: { $title } — { $body }
mail-meeting-invitation-body = Hello { $name },

    You are invited to the meeting "{ $title }" of { $body }.
    Date: { $when }
    Place: { $place }

    Agenda and documents: { $link }

    You receive this message because you are a member of this dialogue body.
meetings-agenda-move-up = Move up
flash-agenda-moved = The order of the agenda was changed.


## Applications to join and requests for new bodies
application-link = Apply to join this body
body-request-link = Request a new dialogue body
application-title = Application to join a dialogue body
application-lead = Apply yourself or for the organisation you represent. The body's secretary will review the application and we will e-mail you the decision.
application-field-kind = Who is applying
application-kind-person = A private person
application-kind-organisation = An organisation
application-field-name = Full name
application-field-organisation = Organisation represented
application-field-organisation-optional = Organisation represented (required when an organisation applies)
application-field-organisation-hint = The organisation's full name, e.g. as registered.
application-field-statement = Why you want to take part in this body
application-field-statement-hint = At least 20 characters: your experience and the matters you want to work on.
application-field-email = Contact e-mail address
application-field-email-hint = We will send the receipt and the decision to this address.
application-submit = Send the application
application-mail-subject = Application { $number } to a dialogue body
application-mail-body =
    Thank you for application { $number } to: { $body }.

    The body's secretary will review it and let you know the decision. Its status: { $link }

    You get this message because an application was made from your account.
application-number = Application
application-status = Status
application-status-pending = Waiting for the secretary's decision
application-status-accepted = Accepted
application-status-refused = Refused
application-body = Dialogue body
application-received = Made on
application-decided = Decided on
application-field-reason = Reason for refusal
application-pending-note = The body's secretary has not decided yet. We will e-mail you the decision.
application-queue-title = Applications to the body
application-queue-pending = Waiting for a decision
application-queue-none = No application is waiting for a decision.
application-queue-decided = Decided
application-waiting = Waiting
application-waiting-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
application-decide-title = Decision on application
application-field-decision = Decision
application-accept = Accept as a member
application-refuse = Refuse
application-starts-hint = When accepting: the first day of membership, not before the day of the application (YYYY-MM-DD).
application-field-reason-when-refused = Reason for refusal (required when refusing)
application-reason-hint = The applicant receives it by e-mail.
application-decide-submit = Save the decision
application-mail-accepted-subject = Your application to a dialogue body was accepted
application-mail-accepted-body =
    Your application to { $body } was accepted. Your membership starts on { $starts }.

    Details: { $link }
application-mail-refused-subject = The decision on your application to a dialogue body
application-mail-refused-body =
    Your application to { $body } was not accepted.

    Reason: { $reason }

    Details: { $link }
flash-application-sent = The application was sent. We have e-mailed you a receipt.
flash-application-decided = The decision was saved and the applicant notified.
error-application-decided = This application has already been decided.
error-application-starts-before = A membership cannot start before the day of the application.
body-request-title = Request to create a dialogue body
body-request-lead = Propose a new dialogue body, e.g. a civic dialogue commission. Other organisations can support the request on its page; once you submit it, the department has 30 days to decide.
body-request-lead-page = A request to create a civic dialogue body.
body-request-field-name = Proposed name
body-request-field-name-hint = E.g. Civic Dialogue Commission for Culture.
body-request-field-kind = Kind of body
body-request-field-justification = Justification
body-request-field-justification-hint = At least 20 characters: what the body would deal with and why.
body-request-field-unit = Department it would be attached to
body-request-choose-unit = Choose a department
body-request-field-organisation = Your organisation
body-request-field-organisation-optional = Your organisation (optional)
body-request-field-organisation-hint = If you give it, it is the first organisation supporting the request.
body-request-submit = Create the request
body-request-status = Status of the request
body-request-status-collecting = Collecting support
body-request-status-submitted = Submitted, awaiting the city's decision
body-request-status-created = Decided: the body will be created
body-request-status-refused = Decided: refused with reasons
body-request-due = The city's decision due
body-request-in-ledger = the decision in the city's answers ledger
body-request-requester = Requested by
body-request-created = Created
body-request-supporters = Supporting organisations
body-request-needed = A Public Benefit Council is created at the request of at least { $count } organisations.
body-request-no-supporters = No organisation has supported the request yet.
body-request-support-heading = Support the request for an organisation
body-request-field-supporter = Organisation's name
body-request-field-supporter-hint = Each organisation can support a request once.
body-request-support = Support the request
body-request-submit-heading = Submit the request to the city
body-request-submit-hint = Once submitted, the request goes to the city's answers ledger and support is no longer collected.
body-request-send = Submit the request
body-request-sign-in = Sign in to support the request.
body-request-admin-title = Requests to create dialogue bodies
body-request-admin-none = There are no requests yet.
flash-body-request-created = The request was created. Share this page's link with organisations that may support it.
flash-body-request-supported = Thank you, the support was recorded.
flash-body-request-submitted = The request was submitted and awaits the city's decision.
error-body-request-closed = The request has been submitted; support is no longer collected.
error-body-request-supported-twice = This organisation already supports this request.
error-body-request-too-few-supporters = A request to create a public benefit council must be supported by at least { $limit } organisations.
tracked-kind-body_request = Request to create a dialogue body
tracked-state-granted = Decided: the body will be created
tracked-state-refused = Decided: refused
tracked-step-granted = Grant the request (the body will be created)
tracked-step-refused = Refuse with reasons
flash-tracked-granted = The request was granted.
flash-tracked-refused = The refusal was published.

## Forum
nav-forum = Forum
channel-forum = Forum post
error-choose-one = Choose one of the options.
error-forum-links-new-account = New accounts cannot post links yet. Remove the web addresses or try again in a few days.
error-forum-report-explain = Say what is wrong when you choose "another reason".
error-forum-statement-required = Write the statement of reasons: the author will receive it.
error-forum-reply-gone = The post you are replying to is no longer in the thread or has been hidden. Your text is below.
error-forum-due-past = The date cannot be earlier than today.
error-forum-slug-reserved = This address is reserved. Choose another.
forum-title = Forum
forum-intro = Talk with residents and with the city. Departments publish the city's positions here, and moderation is done in the open.
forum-recent = Latest threads
forum-no-threads = There are no threads yet.
forum-posts-count = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}
forum-threads-count = { $count ->
    [one] { $count } thread
   *[other] { $count } threads
}
forum-general = General forum
forum-no-spaces = There are no categories yet.
forum-consultations = Consultation discussions
forum-districts = Districts
forum-bodies = Dialogue bodies
forum-threads = Threads
forum-thread = Thread
forum-posts = Posts
forum-last-post = Last post
forum-closed = closed
forum-awaiting-short = awaiting the city's position by { $date }
forum-answered = the city has taken a position
forum-owner-page = Go to the page this space belongs to
forum-members-only-note = Only members of the dialogue body can see this space.
forum-premoderated-note = Posts in this space appear after a moderator has checked them.
forum-new-thread = New thread
forum-field-title = Title
forum-field-text = Text
forum-text-hint = You can use Markdown: **bold**, *italic*, lists, quotes (>).
forum-start = Start the thread
forum-refused-title = You cannot write here
forum-back = Back
forum-too-many = { $count ->
    [one] You can send { $count } post an hour. Try again later — your text is below.
   *[other] You can send { $count } posts an hour. Try again later — your text is below.
}
forum-tombstone = Post hidden by a moderator on { $date }. Reason: { $reason }.
forum-reason-abuse = insults or harassment
forum-reason-hate = hate speech
forum-reason-spam = advertising or spam
forum-reason-personal_data = someone else's personal data
forum-reason-illegal = unlawful content
forum-reason-off_topic = off topic
forum-reason-other = another reason
forum-awaiting = Awaiting the city's position: { $unit }, due { $date }.
forum-order-najstarsze = oldest first
forum-order-najnowsze = newest first
forum-order-poparcie = most supported
forum-started-by = Started by { $author }
forum-overdue = overdue
forum-closed-on = Thread closed on { $date }
forum-city-position = The city's position
forum-order = Order
forum-sort = Show
forum-replies-to = Replies to the post by { $author }
forum-write = Write a post
forum-reply-to = Reply to { $author }
forum-send = Send
forum-reply-cancel = Write a new post instead of a reply
forum-staff-tools = For staff
forum-give-position = The city's position
forum-field-unit = Department
forum-field-position = The position
forum-publish-position = Publish the position
forum-mark-awaiting = Mark as awaiting the city's position
forum-field-due = Position due on
forum-due-hint = YYYY-MM-DD. The thread joins the city's answers ledger.
forum-mark = Mark
forum-close = Close the thread
forum-field-summary = Summary
forum-summary-hint = What came of the discussion: readers see it at the top of the thread.
forum-close-button = Close with the summary
forum-edited = edited { $date }
forum-in-reply-to = in reply to { $author }
forum-held-note = This post awaits a moderator's decision.
forum-is-remark = This post is also a remark in the consultation and will be answered in the report.
forum-supports = { $count ->
    [one] { $count } support
   *[other] { $count } supports
}
forum-support = Support
forum-supported = You support this post
forum-reply = Reply
forum-quote = Quote
forum-edit = Edit the post
forum-report = Report the post
forum-promote = Submit as a remark in the consultation
forum-appeal = Appeal against hiding
forum-space-closed = This space is closed: you can read but not write.
forum-consultation-closed = The consultation is not running, so the discussion is closed.
forum-thread-closed = The thread is closed.
forum-sign-in = Sign in to write on the forum.
forum-members-only = Only members of the dialogue body write here.
forum-staff-start = Staff start threads in this space. You can reply in the existing ones.
forum-support-own = You cannot support your own post
forum-support-own-message = Support counts other people's voices.
forum-support-twice = You already support this post
forum-support-twice-message = Each person can support a post once.
forum-edit-late = The time to edit has passed
forum-edit-late-message = A post can be corrected only for a short time after it is sent. You can add a correction in a reply.
forum-report-own = You cannot report your own post
forum-report-own-message = If you want to correct something, edit the post while you can.
forum-report-twice = You have already reported this post
forum-report-twice-message = You will get a message when a moderator decides.
forum-appeal-twice = The appeal has already been made
forum-appeal-twice-message = You can appeal once against hiding a post.
forum-promote-closed = The consultation no longer takes remarks
forum-promote-closed-message = A post can be submitted as a remark only while the consultation is running.
forum-promote-twice = This post is already a remark
forum-promote-twice-message = The post was submitted as a remark before.
flash-forum-held = Thank you. The post will appear once a moderator has checked it.
flash-forum-awaiting = The thread awaits the city's position and is in the city's answers ledger.
flash-forum-closed = The thread was closed with a summary.
flash-forum-reported = Thank you for the report. You will get a message about the moderator's decision.
flash-forum-appealed = Appeal received. A moderator will look at the post again.
flash-forum-promoted = The post was submitted as a remark in the consultation. The answer will be in the report.
flash-moderation-decided = Decision saved. The author and the people who reported will get a message.
forum-edit-until = You can correct the post until { $date }. The earlier version stays visible in the history.
forum-history = The post's history
forum-version-current = Current version ({ $date })
forum-version-earlier = Version of { $date }
forum-report-intro = The report goes to the moderators. Nobody is shown who reported a post.
forum-field-reason = Reason for the report
forum-field-note = Explanation (optional)
forum-note-hint = Required when you choose "another reason".
forum-report-send = Report
forum-appeal-intro = A moderator hid your post. Reason: { $reason }. You can appeal once.
forum-field-appeal = Grounds for the appeal
forum-appeal-hint = Say why the post should come back.
forum-appeal-send = Send the appeal
forum-log-title = Moderation log
forum-log-intro = Every moderator's decision: what was done, why and when. We never say who reported a post.
forum-log-empty = There have been no moderation decisions yet.
forum-log-when = When
forum-log-action = Decision
forum-log-reason = Reason
forum-log-content = Content
forum-action-approved = post approved
forum-action-hidden = post hidden
forum-action-kept = report dismissed, post stays
forum-action-restored = post restored after an appeal
forum-action-appeal_refused = appeal refused
forum-action-held_by_reports = post held after reports
forum-content-post = post
forum-content-reply = reply
forum-promoted-justification = Forum post: { $link }
forum-members-space = members' space
forum-state-visible = shown
forum-state-held = held
forum-state-hidden = hidden
moderation-queue-title = Forum moderation
moderation-queue-empty = Nothing awaits a decision.
moderation-what-appeal = the author's appeal
moderation-what-premoderation = post to check
moderation-what-reports = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
moderation-waiting-hours = { $count ->
    [one] waiting { $count } hour
   *[other] waiting { $count } hours
}
moderation-col-post = Post
moderation-col-why = Why it is here
moderation-col-waiting = Waiting time
moderation-decide-title = Moderator's decision
moderation-reports = Reports
moderation-appeal = The author's appeal
moderation-nothing-to-decide = This post awaits no decision.
moderation-field-decision = Decision
moderation-decision-approve = Approve the post
moderation-decision-keep = Keep the post (reports unfounded)
moderation-decision-hide = Hide the post
moderation-decision-restore = Restore the post
moderation-decision-refuse = Refuse the appeal
moderation-field-reason = Reason for hiding (required when hiding)
moderation-reason-hint = Shown publicly in the post's place and in the moderation log.
moderation-field-statement = Statement of reasons for the author (required when hiding or refusing an appeal)
moderation-statement-hint = The author receives it by mail, with how to appeal.
moderation-decide = Save the decision
forum-admin-title = Forum: categories and settings
forum-new-space = New forum category
forum-settings = Settings
forum-field-edit-minutes = Time to edit a post (minutes)
forum-edit-minutes-hint = From 0 to 10080.
forum-field-reports-to-hold = Reports that hold a post
forum-reports-to-hold-hint = From 1 to 100.
forum-field-alert-hours = Hours of waiting before moderators are mailed
forum-alert-hours-hint = From 1 to 720.
forum-field-posts-per-hour = Posts per account per hour
forum-posts-per-hour-hint = From 1 to 1000.
forum-field-days-before-links = Days an account must exist to post links
forum-days-before-links-hint = From 0 to 365.
forum-flag-staff-start = staff start threads
forum-flag-premoderated = pre-moderated
forum-flag-closed = closed
forum-space-page = See the space on the forum
forum-slug-hint = The part of the address after /forum/: lower-case letters, digits and hyphens.
forum-field-position-order = Place in the list (optional)
forum-field-description = Description (optional)
forum-field-rules = Rules
forum-field-residents-start = Residents may start threads
forum-field-premoderated = Pre-moderation: residents' posts appear after a check
forum-field-closed = Closed: read-only
forum-outcome-approved = the post was approved
forum-outcome-hidden = the post was hidden
forum-outcome-kept = the post stays, as it breaks no rule
forum-outcome-restored = the post was restored
forum-outcome-appeal_refused = the post stays hidden
forum-outcome-held_by_reports = the post awaits a decision
forum-mail-reply-subject = New reply in "{ $title }"
forum-mail-reply-body = { $author } replied in "{ $title }":

    { $text }

    See: { $link }
forum-mail-position-subject = The city's position in "{ $title }"
forum-mail-position-body = { $unit } has taken a position in "{ $title }":

    { $text }

    See: { $link }
forum-mail-hidden-subject = Your post in "{ $title }" was hidden
forum-mail-hidden-body = A moderator hid your post in "{ $title }".

    Reason: { $reason }
    Statement of reasons: { $statement }

    Your post:
    { $text }

    You can appeal once: { $appeal }
forum-mail-approved-subject = Your post in "{ $title }" is published
forum-mail-approved-body = A moderator checked your post and it is now visible: { $link }
forum-mail-restored-subject = Your post in "{ $title }" was restored
forum-mail-restored-body = A moderator upheld your appeal. The post is visible again: { $link }
forum-mail-appeal-refused-subject = Your appeal about a post in "{ $title }"
forum-mail-appeal-refused-body = A moderator refused the appeal and the post stays hidden.

    Statement of reasons: { $statement }
forum-mail-outcome-subject = Decision on the post you reported in "{ $title }"
forum-mail-outcome-body = Thank you for the report. The moderator's decision: { $outcome }.

    Thread: { $link }
forum-mail-waiting-subject = Forum posts await moderation
forum-mail-waiting-body = A post has waited for a decision longer than { $hours } hours. Queue: { $link }
forum-discussion = Online discussion
forum-discussion-all = The whole discussion and a new thread
forum-awaiting-label = awaiting the city's position
forum-kept-text = Your text (not sent), to copy
forum-district = District forum
forum-district-link = Debates on the district's matters on the forum
forum-body-link = Talk with the body on the forum
forum-body-members-link = The members' space on the forum
## Dialogue bodies (issue 20, the rest): members' records, certificates, yearly reports, the city's time to answer per kind of body, opinions from meetings, bodies created on granted requests
recognition-records = Members' participation
recognition-records-hint = Each member decides alone whether their part in the body's work (meetings, co-signed opinions, terms) is shown in public.
recognition-records-none = No member has agreed to show their participation yet.
recognition-col-served = Roles and terms
recognition-col-meetings = Meetings
recognition-col-opinions = Co-signed opinions
recognition-mine-shown = Your participation is shown on the body's page.
recognition-mine-hidden = Your participation is not shown in public.
recognition-show = Show my participation in public
recognition-hide = Hide my participation
recognition-certificate-link = Certificate of participation (PDF)
recognition-reports = Activity reports
recognition-report-year = Report for { $year }
recognition-report-title = { $body }: activity report for { $year }
recognition-report-pdf = Download the report (PDF, accessible)
recognition-mine-title = My dialogue bodies
recognition-mine-none = You are not and have not been a member of any dialogue body under this account.
flash-record-shown = Your participation is now shown on the body's page.
flash-record-hidden = Your participation is no longer shown in public.
recognition-cert-form-title = Certificate of participation
recognition-cert-form-intro = The certificate lists the roles and terms in the chosen period, the meetings attended and the opinions and recommendations co-signed. It gets a number and is recorded.
recognition-cert-for = Certificate for: { $name }
recognition-field-member = Person
recognition-member-choose = Choose a person
recognition-field-from = From
recognition-field-to = To
recognition-field-to-hint = Today at the latest.
recognition-cert-issue = Issue the certificate (PDF)
error-recognition-member-choose = Choose the person the certificate is for.
error-certificate-period-reversed = The end of the period cannot be before its start.
error-certificate-no-membership = This person was not a member of the body in this period. Choose a period of their membership.
recognition-cert-title = Certificate of participation in a civic dialogue body
recognition-cert-person = Name
recognition-cert-body = Dialogue body
recognition-cert-period = Period
recognition-cert-reference = Certificate number
recognition-cert-issued = Issued on
recognition-cert-attests = This is to certify that { $name } took part in the work of “{ $body }” in the period { $period }.
recognition-cert-roles = Roles and terms
recognition-cert-meetings = Meetings attended ({ $count })
recognition-cert-opinions = Opinions and recommendations co-signed ({ $count })
recognition-cert-none = None in this period.
recognition-cert-note = Issued on { $issued }, number { $reference }. Made from the attendance lists and signatures recorded on the site.
recognition-summary = In figures
recognition-count-members = Members during the year
recognition-count-meetings = Meetings held
recognition-count-opinions = Opinions and recommendations
recognition-count-answered = Answered by the city
recognition-count-referrals = Consultations referred
recognition-count-referrals-answered = Consultations given an opinion
recognition-terms = Terms
recognition-members = Members
recognition-meetings = Meetings
recognition-opinions = Opinions and recommendations
recognition-referrals = Consultations referred for an opinion
recognition-meeting-facts = { $when }; { $present } of { $listed } present; { $quorum }
recognition-quorum-reached = quorum reached
recognition-quorum-missed = no quorum
recognition-quorum-unknown = attendance not recorded
recognition-opinion-facts = { $kind } of { $adopted } to: { $unit }; state: { $state }; { $answer }; members' signatures: { $signatures }
recognition-answered-on = the city answered on { $date }
recognition-awaiting = awaiting the answer by { $date }
recognition-overdue = { $count ->
    [one] answer { $count } working day late
   *[other] answer { $count } working days late
}
recognition-referral-facts = referred on { $date }; opinion: { $answered }
recognition-yes = given
recognition-no = not given
answer-rules-title = The city's time to answer
answer-rules-intro = How many calendar days the city has to answer an opinion or recommendation of each kind of body, counted from the day it was adopted (an end on a day off moves to the next working day). A change applies to opinions sent from now on; those sent before keep their due date.
answer-rules-hint = A number of days from 1 to 365.
error-answer-days-invalid = Enter a number of days from 1 to { $limit }.
opinion-meeting = Adopted at the meeting
opinion-meeting-hint = A meeting of the body that has taken place. The votes cannot outnumber the voting members present at it.
opinion-meeting-none = No meeting named
opinion-meeting-option = { $title } ({ $date }; voting members present: { $present })
error-opinion-meeting-not-held = Choose a meeting of this body that has taken place.
error-opinion-votes-exceed-present = There are more votes than voting members present at this meeting ({ $limit }).
meeting-opinions = Opinions and recommendations adopted at the meeting
bodies-from-request = The body is created on the granted request “{ $name }”. The form is filled in from the request; complete it.
error-bodies-request-done = A body has already been created on this request.
body-request-body = Body created
body-request-body-link = The dialogue body's page
body-request-create-body = Create the body on this request

## District map
nav-districts = Districts
districts-map-title = Kraków's districts
districts-map-intro = Choose a district on the map or from the list to see its consultations, polls and its residents' forum.
districts-map-heading = Map of the districts
districts-map-hint = Each district on the map is a link to its page. The same districts are also in the list.
districts-map-list = List of districts
districts-map-none = No district has been added yet.
districts-map-credit = District boundaries:
districts-map-credit-link = © OpenStreetMap contributors
districts-map-outline = Boundaries of the district { $name }
districts-map-all = All districts on the map
home-districts-map = Map of the districts

## News
role-centre_editor = Dialogue Centre editor
news-title = News
nav-news = News
news-lead = News from the Civic Dialogue Centre, the district councils and the dialogue bodies.
news-feed-link = Follow this news in a feed reader (Atom)
news-feed-title = News — Civic Dialogue Centre
news-filter-body = Dialogue body
news-count = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}
news-empty = No news matches these filters.
news-not-public = This post is not public yet.
news-edit = Edit the post
news-see-post = See the post
news-files = Attachments
news-files-none = The post has no attachments.
news-categories = Topics:
news-admin-title = News — editing
news-admin-new = New post
news-admin-empty = There are no posts yet.
news-col-about = From
news-col-stage = Stage
news-col-when = Publication
news-about-centre = Dialogue Centre
news-stage-draft = Draft
news-stage-scheduled = Scheduled
news-stage-published = Published
news-field-title = Title
news-field-lead = Lead
news-field-lead-hint = One or two sentences shown in the list of news.
news-field-body = Text
news-section-subject = Whose post this is
news-subject-hint-centre = Leave both empty for the Centre's own news; choose a district or a dialogue body when the post is theirs.
news-subject-hint = You write for a district or a dialogue body you look after: choose one of them.
news-field-district = District (optional)
news-field-body-id = Dialogue body (optional)
news-none = — none —
news-section-image = Lead image (optional)
news-field-image = Image file (optional)
news-field-image-hint = PNG, JPG or WebP, at most { $mb } MB.
news-field-image-alt = Image description (alternative text)
news-field-image-alt-hint = Required when the post has an image: what the image shows, for people who cannot see it.
news-field-image-alt-en = Image description in English (optional)
news-image-remove = Remove the current image
news-field-categories = Topics (optional)
news-section-english = English version (optional)
news-field-title-en = Title in English (optional)
news-field-lead-en = Lead in English (optional)
news-field-body-en = Text in English (optional)
news-section-publish = Publication
news-publish-draft = Save as a draft (not public)
news-publish-now = Publish now
news-publish-schedule = Schedule publication for the time below
news-field-publish-at = Publication date and time (when scheduling)
news-field-publish-at-hint = Warsaw time. Until then the post is on no page, feed or search result.
news-save = Save the post
news-file-remove = Remove the attachment
news-field-file-title = Attachment name
news-field-file = Attachment file
news-file-add = Add the attachment
flash-news-draft = Draft saved. The post is not public.
flash-news-scheduled = Saved. The post will appear at the scheduled time.
flash-news-published = The post is published.
flash-news-file-added = Attachment added.
flash-news-file-removed = Attachment removed.
error-news-subject-not-yours = You cannot write for this district or body. Choose one of those you look after.
error-news-image-alt-required = Describe the image: alternative text is required.
error-news-schedule-past = That time has passed. Give a time in the future or choose "Publish now".
error-news-image-type = The image must be a PNG, JPG or WebP file.
error-news-image-again = Choose the image again: browsers do not send it a second time.
home-news = News
home-news-all = All news
district-news = District news
district-news-all = All news of the district
body-news = News
body-news-all = All news of this dialogue body
news-feed-of = Atom feed of this news

## Standalone surveys
surveys-title = Surveys
surveys-lead = The city's surveys not tied to one consultation: answer those under way and see the results of those finished.
surveys-open = Surveys under way
surveys-open-none = No survey is under way now.
surveys-closed = Finished surveys
surveys-open-until = Answers until { $date }
surveys-closed-on = Closed on { $date }
surveys-results-not-public = results are not public
surveys-consultation-note = Surveys run as part of a consultation are on that consultation's page:
home-surveys = Surveys
home-surveys-text = The city's surveys you can take part in, and the results of those finished.
home-surveys-link = All surveys

## District councils
district-council = District council
district-council-empty = The district council has not described its work here yet.
district-council-seat = Seat
district-council-hours = Office hours
district-council-contact = Contact
district-council-edit = Edit the council's description
council-title = District council
council-see-page = See the district's page
council-field-about = What the council does and how it can help residents (optional)
council-field-about-hint = Markdown formatting: **bold**, lists with "-", headings with "##".
council-field-seat = Seat address (optional)
council-field-hours = Office hours (optional)
council-field-hours-hint = Each day on its own line, e.g. "Monday 10:00–18:00".
council-field-contact = Contact: phone, e-mail (optional)
council-save = Save the council's description

## Councillors: terms, memberships, photos and duty hours of district councils
council-role-council_chair = Chair of the District Council
council-role-board_chair = Chair of the District Board
council-role-board_member = Member of the Board
council-role-councillor = Councillor
council-period-from = since { $date }
council-duty-office = District council office
council-duty-summary = Duty hours: { $who }
council-duties-feed = Councillors' duty hours, District { $name }
council-standing-coming = Takes their seat later
council-standing-former = Former councillor
council-board = Presidium and Board
council-duties = Councillors' duty hours
council-duties-none = No duty hours have been announced.
council-duties-ics = Duty hours in your calendar (iCalendar)
council-know-link = Get to know your council: councillors, duty hours, past terms
council-know-title = Get to know your council
council-know-see = See the "Get to know your council" page
council-people-edit = Councillors, terms and duty hours
council-people-none = No councillors have been entered yet.
council-term-current = Current term { $name }
council-term = Term { $name }
council-councillors = Councillors ({ $count })
council-constituency = Constituency
council-committees = Committees
council-contact = Contact
council-since = Seat
council-former = Former councillors of this term
council-history = Past terms
council-people-title = Councillors, terms and duty hours
council-people-list = Councillors
council-col-name = Name
council-col-standing = Role today
council-add-councillor = Add a councillor
council-terms = Terms
council-terms-none = There are no terms yet.
council-term-add = Add a term
council-term-name-hint = For example "2024–2029".
council-duty-remove = Remove the duty hours
council-duty-add = Add duty hours
council-field-duty-starts = Duty hours start
council-field-duty-hint = Date and time in Polish time.
council-field-duty-ends = Duty hours end
council-field-duty-place = Place
council-field-duty-councillor = Who is on duty (optional)
councillor-field-name = Full name
councillor-field-constituency = Constituency (optional)
councillor-field-constituency-hint = For example "Constituency 3: Stare Podgórze".
councillor-field-committees = Committees (optional)
councillor-field-committees-hint = One committee per line.
councillor-field-contact = Contact (optional)
councillor-field-contact-hint = An e-mail address or phone number the councillor wants residents to use.
councillor-section-photo = Photo
councillor-field-photo = Photo (optional)
councillor-field-photo-alt = Description of the photo for blind people (required with a photo)
councillor-field-photo-alt-hint = What the photo shows, for example "Anna Nowak in front of Podgórze Market Square".
council-photo-remove = Remove the photo
council-save-councillor = Save the councillor
council-seats = Seats and roles
council-seats-none = This councillor has no seat in any term yet.
council-seat-add = Add a seat or role
council-terms-first = Add a term of the council first.
council-seat-end = End a seat or role
councillor-field-seat = Which seat or role
councillor-field-seat-ends-on = Last day
flash-council-duty-removed = The duty hours were removed.
error-photo-alt-required = Describe the photo: without a description blind people will not know what it shows.
error-photo-type = The photo must be a PNG, JPG or WebP file.
error-photo-again = The form has errors, so the photo was not saved: choose it again.
error-council-seat-outside-term = The date must fall within the chosen term.
error-council-seat-overlaps = This councillor already holds this role during that period.
error-council-role-taken = Someone else holds this role during that period: end their seat first.
error-council-term-taken = A term with this name already exists.
error-duty-in-past = Duty hours must start in the future.
error-duty-ends-before-start = Duty hours must end after they start and last at most a day.
calendar-kind-duty = Councillor's duty hours
calendar-part-of-council = District council:

## Centre content
footer-centre = Dialogue Centre
centre-title = City Dialogue Centre
centre-lead = The City Dialogue Centre helps residents, organisations and officials talk about the city's affairs. Here you will find information about the Centre, guides, publications and photos.
centre-menu = The Centre's pages
centre-empty = The Centre has not published any pages yet.
centre-more = More from the Centre
centre-not-public = This page is not public yet: only the Centre's editors see it.
centre-edit = Edit the page
centre-admin-title = Dialogue Centre pages
centre-admin-new = New page
centre-admin-also = The Centre's content:
centre-admin-empty = Nothing to show yet.
centre-see-public = See it on the public site
centre-see-page = See the page
centre-col-title = Title
centre-col-stage = State
centre-published = Published
centre-draft = Draft
centre-kind-about = About the Centre
centre-kind-participate = How to take part
centre-kind-guide = Guide
centre-kind-contact = Contact
centre-field-title = Title
centre-field-kind = Kind of page
centre-field-position = Place in the menu (optional)
centre-field-position-hint = A number from 0 to 999; pages with a lower number come first.
centre-field-body = Text
centre-field-title-en = Title in English (optional)
centre-field-body-en = Text in English (optional)
centre-field-published = Publish the page (unticked, it stays a draft)
centre-choose = Choose
centre-save = Save
centre-delete = Delete
centre-delete-title = Deleting
centre-delete-question = Delete "{ $title }"? This cannot be undone.
centre-delete-yes = Yes, delete
centre-delete-no = No, go back
flash-centre-saved = Changes saved.
flash-centre-deleted = Deleted.
flash-centre-file-added = Document added.
flash-centre-file-removed = Document removed.
flash-centre-photo-added = Photo added.
flash-centre-photo-removed = Photo removed.
flash-gallery-created = Gallery created. Add photos to it.
publications-title = Publications
publications-lead = Research and evaluation reports, guides and other work of the Dialogue Centre.
publications-count = { $count ->
    [one] { $count } publication
   *[other] { $count } publications
}
publications-empty = No publication matches the chosen filters.
publication-kind-research = Research report
publication-kind-evaluation = Evaluation report
publication-kind-guide = Guide or handbook
publication-kind-other = Other
publication-admin-title = The Centre's publications
publication-admin-new = New publication
publication-edit = Edit the publication
publication-field-title = Title
publication-field-title-en = Title in English (optional)
publication-field-kind = Kind of publication
publication-field-year = Year of publication
publication-field-summary = Summary
publication-field-summary-en = Summary in English (optional)
publication-files = Documents
publication-files-none = The publication has no documents yet.
publication-field-file-title = Name of the document
publication-field-file = Document file
publication-file-add = Add the document
publication-delete = Delete the publication
error-centre-year-invalid = Enter the year of publication, e.g. 2025. It cannot be later than this year.
galleries-title = Photo galleries
galleries-lead = Photos from the Dialogue Centre's meetings, workshops and events.
galleries-empty = There are no galleries yet.
gallery-photo-count = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
gallery-edit = Edit the gallery
gallery-see = See the gallery
gallery-no-photos = This gallery has no photos yet.
gallery-admin-title = The Centre's photo galleries
gallery-admin-new = New gallery
gallery-col-photos = Photos
gallery-field-title = Title of the gallery
gallery-field-title-en = Title in English (optional)
gallery-field-date = Date of the event
gallery-field-date-hint = For example 2025-11-20.
gallery-field-description = Description (optional)
gallery-field-description-en = Description in English (optional)
gallery-photos = Photos
gallery-photo-add = Add the photo
gallery-photo-remove = Remove the photo
gallery-field-photo = Photo file
gallery-field-alt = Description of the photo (alternative text)
gallery-field-alt-hint = Required: what the photo shows, for people who cannot see it.
gallery-field-alt-en = Description of the photo in English (optional)
gallery-field-caption = Caption under the photo (optional)
gallery-field-caption-en = Caption in English (optional)
gallery-delete = Delete the gallery

## Events and registration (issue 23)
event-field-name = Participant's full name
event-field-email = E-mail address for the confirmation
event-field-needs = Accessibility needs (optional)
event-field-need-other = What other needs (required when "other" is ticked)
error-event-need-other-required = Describe what you need: the organiser will prepare it before the event.
events-title = Events
events-lead = Conferences, debates, workshops, academy trainings, Forum Dialogu sessions, study visits, integration events and councillors' duty hours: organised by the Centre, departments, districts and dialogue bodies.
events-when = When
events-upcoming = Upcoming
events-past = Past
events-count = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
events-empty = No events match these filters.
events-admin-title = Events: organising
event-kind-conference = Conference
event-kind-debate = Debate
event-kind-workshop = Workshop
event-kind-training = Training
event-kind-forum_session = Forum Dialogu session
event-kind-study_visit = Study visit
event-kind-integration = Integration event
event-kind-duty_hours = Duty hours
event-need-pjm = Polish Sign Language (PJM) interpreter
event-need-induction_loop = Induction loop
event-need-step_free = Step-free access
event-need-other = Other
event-status-confirmed = You have a place
event-status-waiting = You are on the waiting list
event-status-offered = A place has been freed for you
event-status-cancelled = Registration withdrawn
event-status-event-cancelled = Event cancelled
event-status-checked-in = attendance confirmed
event-status = Registration status
event-organiser-centre = City Dialogue Centre
event-organiser-district = District { $name }
event-online-only = Online
event-cancelled = cancelled
event-cancelled-notice = This event has been cancelled.
event-when = When
event-places = Places
event-places-left = { $count ->
    [one] { $count } place left
   *[other] { $count } places left
}
event-places-full = No places left: join the waiting list
event-places-unlimited = No limit on places
event-registration-opens = Registration opens { $at }.
event-registration-until = Registration until { $at }.
event-registration-closed = Registration is closed.
event-register = Registration
event-register-button = Register
event-manage = Manage the event and its participants
event-after = After the event
event-field-summary = Summary
event-field-materials = Materials
event-recording = Recording of the event
event-field-email-hint = We will send the confirmation with your entry code and a calendar file to this address.
event-field-needs-hint = The organiser will prepare what you need and sees only a summary of all participants' needs.
event-optional-mark = (optional)
event-refused-no-registration = This event needs no registration: just come.
event-refused-not-yet = Registration has not opened yet.
event-refused-closed = Registration has closed.
event-refused-cancelled = The event has been cancelled: registration is not possible.
event-refused-twice = This e-mail address is already registered for this event. The link to your registration is in the confirmation message.
event-mine-title = Your registration
event-mine-back = Back to your registration
event-code = Entry code
event-code-hint = Show this code (or the QR code from the message) at the entrance.
event-add-to-calendar = Add to calendar (.ics)
event-offer-until = The place is held until
event-offer-take = I take the place
event-offer-title = A place at the event
event-offer-expired = The time to take this place has run out and it has been offered to the next person waiting.
event-offer-taken-already = This place is already yours.
event-cancel-mine = I withdraw
flash-event-cancelled-mine = Your registration has been withdrawn. The freed place goes to the first person waiting.
flash-event-offer-taken = The place is yours. We have sent a confirmation with your entry code.
flash-event-cancelled = Event cancelled. Everyone registered will be told.
my-events-title = My events
my-events-lead = Events you registered for with your account's e-mail address or while signed in.
my-events-none = You are not registered for any upcoming event.
event-new = New event
event-edit = Edit event
event-field-title = Title
event-field-kind = Kind
event-field-organiser = Organiser
event-field-district = District
event-field-district-opt = District it concerns (optional)
event-whole-city = Whole city
event-field-series = Series
event-field-series-opt = Series (optional)
event-field-consultation-opt = Consultation it serves (optional)
event-none = none
event-time-hint = Warsaw time, e.g. 2027-03-15 17:00.
event-field-address = Address (required without an online link)
event-field-address-hint = Street, number and room.
event-field-online-url = Online meeting link (optional)
event-field-description = Description
event-registration = Registration
event-field-registration = Participants register for this event
event-field-capacity = Places (optional)
event-field-capacity-hint = Empty: no limit. Once the places are taken, people join the waiting list.
event-field-opens = Registration opens (optional)
event-field-opens-hint = Empty: at once.
event-field-closes = Registration closes (optional)
event-field-closes-hint = Empty: when the event starts.
event-field-questions = Questions for participants (optional)
event-field-questions-hint = One question per line, at most five.
error-event-in-past = A new event must start in the future.
error-event-capacity-invalid = Give a number of places from 1 to { $limit } or leave the field empty.
error-event-questions-too-many = Ask at most { $limit } questions.
error-event-question-too-long = Each question can have at most { $limit } characters.
error-event-registration-closes-before-opens = Registration must close after it opens.
error-event-registration-after-start = Registration must close at the latest when the event starts.
event-participants = Participants
event-participants-none = Nobody has registered yet.
event-see-public = See the event's page
event-checkin = Entry to the event
event-counts = With a place: { $confirmed }, waiting: { $waiting }, present: { $present }.
event-field-code = Participant's entry code
event-field-code-hint = Eight characters, e.g. ABCD-EFGH; case and the dash do not matter.
event-checkin-button = Confirm attendance
event-checked-in = Attendance confirmed: { $name }.
event-checked-in-already = { $name } was already checked in (at { $at }). Not counted again.
event-checkin-no-place = { $name } has no place at this event (waiting list or withdrawn registration).
event-code-invalid = This is not an entry code: a code has eight letters and digits, e.g. ABCD-EFGH.
event-code-unknown = Nobody registered for this event has this code.
event-needs-summary = Participants' needs
event-needs-none = Nobody has named accessibility needs.
event-present = Present
event-field-summary-opt = Summary (optional)
event-field-materials-opt = Materials (optional)
event-field-recording-opt = Recording link (optional)
event-cancel = Cancel the event
event-cancel-hint = Everyone registered will get a message and registration will close.
event-mail-confirmed-subject = Confirmed: { $title }
event-mail-confirmed-body = Hello { $name },

    you have a place at "{ $title }".

    When: { $when }
    Where: { $place }
    Organiser: { $organiser }
    Entry code: { $code }

    Show the code at the entrance. A calendar file is attached.
    See or withdraw your registration here: { $link }
event-mail-waiting-subject = Waiting list: { $title }
event-mail-waiting-body = Hello { $name },

    all places at "{ $title }" ({ $when }) are taken, so you are on the waiting list. When a place is freed, we will write to you in the order people registered.

    See or withdraw your registration here: { $link }
event-mail-offered-subject = A place is free: { $title }
event-mail-offered-body = Hello { $name },

    a place has been freed at "{ $title }" ({ $when }). It is held for you until { $until }. Take it here: { $link }

    If you do not take it by then, it goes to the next person waiting.
event-mail-reminder-subject = Tomorrow: { $title }
event-mail-reminder-body = Hello { $name },

    a reminder of "{ $title }".

    When: { $when }
    Where: { $place }
    Entry code: { $code }

    If you cannot come, please withdraw so that someone else gets the place: { $link }
event-mail-event_cancelled-subject = Cancelled: { $title }
event-mail-event_cancelled-body = Hello { $name },

    "{ $title }" ({ $when }), which you registered for, has been cancelled by the organiser ({ $organiser }). We are sorry.
calendar-part-of-organiser = Organiser:
nav-events = Events
district-events = Events in the district
district-events-all = All events in the district
events-empty-coming = No events are planned yet.
event-field-place = Place
event-register-waiting-button = Join the waiting list
event-qr-alt = QR code to confirm attendance; the same as entry code { $code }
event-documents = Documents
event-sheet-download = Sign-in sheet to print (PDF)
event-sheet-title = Sign-in sheet: { $title }
event-sheet-caption = Participants with a place, alphabetically; blank rows for people without registration
event-sheet-signature = Signature
event-cert-send = Send certificates of attendance
event-cert-send-hint = They go to people whose attendance was confirmed and who have not had one yet.
flash-event-certificates-sent = Certificates sent to the people whose attendance was confirmed.
flash-event-certificates-none = Nobody is waiting for a certificate: confirm the participants' attendance first.
event-cert-download = Download the certificate of attendance (PDF)
event-cert-title = Certificate of attendance
event-cert-person = Participant
event-cert-event = Event
event-cert-reference = Certificate number
event-cert-attests = This is to certify that { $name } took part in "{ $title }" on { $day }, organised by { $organiser }.
event-cert-note = Issued on { $issued } by Agora, no. { $reference }.
event-mail-certificate-subject = Certificate of attendance: { $title }
event-mail-certificate-body = Hello { $name },

    thank you for taking part in "{ $title }" ({ $when }). Download your certificate of attendance here: { $certificate }
academy-title = Consultation and Good Dialogue Academy
academy-lead = Trainings for city staff, district councillors and local leaders: series of sessions with materials for each.
academy-empty = There are no training series yet.
academy-audience = For:
academy-certificate-rule = Whoever takes part in every session of a series can download a certificate of completing it from their registration's page.
academy-no-sessions = Dates will be announced.
academy-cert-title = Certificate of completing a training series
academy-cert-series = Training series
academy-cert-attests = This is to certify that { $name } has completed the training series "{ $series }", taking part in all its sessions ({ $count }).
academy-cert-sessions = Sessions
academy-cert-download = Download the certificate of completing the series (PDF)
event-series-title = Event series
event-series-none = There are no series yet.
event-series-add = Add a series
event-field-academy = A training series of the Academy (with a certificate of completion)
event-field-audience = For whom (required for an Academy series)
event-field-audience-hint = E.g. city staff, district councillors, local leaders.

## Advice requests (issue 23)
role-adviser = Adviser (Participation Support Bank)
footer-advice = Advice
tracked-state-paused = Waiting for the person who asked (deadline on hold)
advice-title = Advice: the Participation Support Bank
advice-lead = Residents, informal groups and non-governmental organisations can ask the city's advisers, free of charge, about spatial planning, the environment, local law, transport, running an organisation, or how to join or found a dialogue body.
advice-how-1 = Describe your matter in the form and attach documents if you have any. You will get a receipt number.
advice-how-2 = An adviser answers within 10 working days. When they ask you for more, the deadline waits for your reply.
advice-how-3 = Answers to common questions are published here, without the details of those who asked.
advice-ask = Ask an adviser
advice-mine-title = My advice requests
advice-mine-none = No advice request has been sent from this account yet.
advice-qa-title = Questions and answers
advice-qa-one = Question and answer
advice-qa-none = No questions and answers on this topic have been published yet.
advice-qa-count = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
advice-qa-anonymised = The question and answer were published without the details of the person who asked.
advice-all-topics = All topics
advice-filter = Show
advice-see-answer = See the answer
advice-see-public = see the public page
advice-question = Question
advice-answer = The adviser's answer
advice-answered-on = answered on
advice-topic-spatial_planning = Spatial planning
advice-topic-environment = Environment
advice-topic-city_law = Local law
advice-topic-transport = Sustainable transport
advice-topic-ngo = NGO matters
advice-topic-dialogue_body = Joining or founding a dialogue body
advice-topic-other = Another topic
advice-asker-resident = A resident
advice-asker-informal_group = An informal group
advice-asker-organisation = A non-governmental organisation
advice-state-sent = Waiting for an adviser
advice-state-acknowledged = With an adviser
advice-state-paused = Waiting for the person who asked
advice-state-answered = Answered
advice-form-title = Request for advice
advice-form-lead = All fields are required unless their name says "optional".
advice-desk-closed = The advice desk does not take requests yet: an administrator has not chosen the department that runs it.
advice-choose = Choose
advice-field-topic = Topic
advice-field-asker = Who is asking
advice-field-organisation = Name of the group or organisation (required when a group or organisation asks)
advice-field-organisation-hint = For example "Neighbours of Lipowa Street" or "Green Zabłocie Association".
advice-field-name = Full name (optional)
advice-field-email = E-mail address
advice-field-email-hint = We send the confirmation with the receipt number, the adviser's messages and the answer there.
advice-email-account = We will send the confirmation, messages and the answer to your account's address: { $email }.
advice-field-question = Question
advice-field-question-hint = Describe the matter and what you need (at least 20 characters).
advice-field-files = Attachments (optional)
advice-field-files-hint = At most { $files } files, each up to { $mb } MB: PDF, DOCX, ODT, XLSX, ODS or a PNG, JPG or WebP image.
advice-privacy = Only advisers see your details. If the answer is published, it is without your name, your group's name and your contact details.
advice-submit = Send the request for advice
advice-number = Receipt number
advice-state = Status
advice-sent-on = Sent
advice-due = Answer due
advice-paused-since = deadline on hold since { $date }
advice-paused-days = { $days ->
    [one] The deadline moved by { $days } working day of waiting for a reply.
   *[other] The deadline moved by { $days } working days of waiting for a reply.
}
advice-adviser = Adviser
advice-request-title = Request for advice
advice-key-note = Keep the link to this page: we have e-mailed it too. Anyone with the link can see the request.
advice-messages = Messages
advice-messages-none = No messages yet.
advice-message-pauses = asks for more, deadline on hold
advice-field-message = Message
advice-field-message-hint = For example an answer to the adviser's question, or more about your request.
advice-send-message = Send the message
advice-field-rating = Did the answer help?
advice-rating-1 = 1: it did not help
advice-rating-2 = 2: it helped a little
advice-rating-3 = 3: it helped in part
advice-rating-4 = 4: it helped
advice-rating-5 = 5: it helped a lot
advice-field-rating-comment = Comment (optional)
advice-rate = Rate the answer
advice-your-rating = Your rating: { $rating } out of 5.
advice-rated = Rating: { $rating } out of 5
advice-not-rated = The person who asked has not rated the answer yet.
advice-closed-for-messages = This request has been answered. If you have a new question, send a new request for advice.
advice-moved = The request changed meanwhile. Check where it stands now; what you typed has been kept.
advice-rated-before = This answer has been rated already or cannot be rated yet.
advice-taken-before = Another adviser has taken this request already.
advice-take-first = Take the request from the queue first; an answered request takes no more messages.
error-advice-organisation-required = Enter the name of the group or organisation you are asking for.
error-advice-file-disguised = The file's content does not match its extension. Attach a file saved in the format its name says.
error-advice-too-many-files = Attach at most { $limit } files.
error-advice-not-answered = Only an answered request can be published.
flash-advice-sent = Your request for advice has been sent. We have e-mailed the receipt number and the link to this page.
flash-advice-message-sent = The message has been sent.
flash-advice-rated = Thank you for rating the answer.
flash-advice-taken = The request is yours. Its deadline is shown below.
flash-advice-answered = The answer has been sent. The request is closed.
flash-advice-published = The question and answer have been published.
flash-advice-unpublished = The question and answer are no longer public.
flash-advice-desk-saved = The department running the advice desk has been saved.
advice-tile = Advice (waiting for an adviser: { $waiting }, in progress: { $open }, overdue: { $overdue })
advice-queue-title = Advice: the queue of requests
advice-queue-counts = { $waiting } waiting for an adviser, { $open } in progress.
advice-queue-overdue = Overdue: { $count }
advice-queue-views = Queue views
advice-view-new = New
advice-view-mine = Mine
advice-view-open = In progress
advice-view-answered = Answered
advice-queue-none = No requests in this view.
advice-queue-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
advice-is-published = Published as a question and answer
advice-desk-title = The department running the advice desk
advice-field-unit = Department
advice-field-unit-hint = In the ledger of the city's answers, advice requests are assigned to this department.
advice-desk-save = Save the department
advice-take = Take the request
advice-who-asks = The person asking
advice-write = Write to the person asking
advice-field-pause = I need a reply: put the deadline on hold
advice-field-pause-hint = The deadline stands from today until the person replies, and moves by as many working days.
advice-answer-and-close = Answer and close
advice-field-answer = Answer
advice-field-answer-hint = The answer is e-mailed to the person asking; Markdown may be used (at least 20 characters).
advice-send-answer = Send the answer
advice-publish-title = Publishing as a question and answer
advice-publish-hint = The text below has had names, e-mail addresses and phone numbers taken out as a first draft. Read it and remove anything else that could identify the person who asked.
advice-field-public-question = Question to publish
advice-field-public-answer = Answer to publish
advice-publish = Publish
advice-publish-again = Save changes to the published text
advice-unpublish = Take off the public list
advice-ledger-title = Request for advice { $number } ({ $topic })
advice-actor-requester = The person asking for advice
advice-mail-receipt-subject = Request for advice { $number }
advice-mail-receipt-body = Hello,

    We have received your request for advice. Receipt number: { $number }.

    Topic: { $topic }
    An adviser will answer by { $due } at the latest. If they ask you for more, the deadline moves by the time spent waiting for your reply.

    You can see the request, the messages and the answer here:
    { $link }
advice-mail-message-subject = A message from the adviser: { $number }
advice-mail-message-body = Hello,

    The adviser has written about your request for advice { $number }:

    { $text }

    You can reply here:
    { $link }
advice-mail-answer-subject = The answer to your request for advice { $number }
advice-mail-answer-body = Hello,

    The adviser has answered your request for advice { $number }:

    { $text }

    Did the answer help? Rate it here:
    { $link }
body-events = Events
body-events-all = All events of this body
notice-kind-announced = Consultation announced
notice-kind-opened = Consultation opened
notice-kind-closing = Consultation closes in 3 days
notice-kind-report = Consultation report published
notice-kind-news = News
notice-kind-thread = New forum thread
notice-kind-position = The city's position on the forum
notice-kind-meeting = Meeting called
notice-kind-opinion = Opinion of a dialogue body
notice-kind-event = New event
follow-target-consultation = Consultation
follow-target-district = District
follow-target-category = Topic
follow-target-body = Dialogue body
follow-target-thread = Forum thread
follow-target-series = Event series
follow-target-newsletter = Newsletter
follow-what-consultation = The consultation “{ $name }”
follow-what-district = The district { $name }
follow-what-category = The topic “{ $name }”
follow-what-body = { $name }
follow-what-thread = The thread “{ $name }”
follow-what-series = The event series “{ $name }”
follow-what-newsletter = The Dialogue Centre's newsletter
follow-frequency-instant = At once, one message each
follow-frequency-daily = Once a day, as a digest
follow-frequency-weekly = Once a week, as a digest
follow-frequency-off = Paused
follow-link = Follow
follow-title = Follow
follow-mail-goes-to = Notifications will go to
follow-email-hint = We will send a link to this address. Notifications start once you open it.
follow-field-frequency = How often to write
follow-privacy = We use the address for these notifications only. Every message has a one-click unsubscribe link.
follow-button = Follow
error-follow-frequency = Choose how often we should write
error-follow-already = This address already follows it. You can change that in your subscriptions.
follow-confirm-mail-subject = Confirm following: { $what }
follow-confirm-mail-body = Hello,

    someone (probably you) asked for notifications to this address: { $what }.

    To turn them on, open the link and confirm (it works for { $days } days):
    { $link }

    If it was not you, ignore this message: we will send nothing.
follow-check-mail-title = Check your mailbox
follow-check-mail = We have sent a confirmation link. Notifications ({ $what }) start once you open it and confirm.
follow-confirm-title = Confirm following
follow-confirm-lead = Confirm that you want these notifications at your address.
follow-confirm-button = Confirm
follow-confirmed-title = Confirmed
follow-confirmed = You follow: { $what }. The first notifications come when there is something new.
follow-manage-link = My subscriptions
follow-link-expired-title = The link has expired
follow-link-expired = This confirmation link is older than 7 days. Ask to follow again and we will send a new one.
follow-link-unknown-title = Unknown link
follow-link-unknown = We do not know this link, or it has been used already. Check that it was copied whole.
follow-manage-title = My subscriptions
follow-manage-address = Notifications go to
follow-manage-empty = You do not follow anything yet. The “Follow” link is on the pages of consultations, districts, dialogue bodies, forum threads and event series.
follow-manage-remove = Stop following
follow-manage-since = since
follow-manage-pending = waiting for the confirmation in the mail
follow-manage-save = Save
flash-followed = You follow it now. You can change that here at any time.
flash-follow-changed = Saved how often to write.
flash-follow-removed = You no longer follow it.
unsubscribe-title = Unsubscribe
unsubscribe-button = Unsubscribe me
unsubscribe-unknown = We do not know this unsubscribe link, or the subscription has ended already.
unsubscribed-title = Unsubscribed
unsubscribed = We will no longer write about this: { $what }.
follow-mail-footer = You receive this message because you follow: { $kind } – { $name }.
    All your subscriptions: { $manage }
    Unsubscribe from this one with one click: { $unsubscribe }
follow-mail-instant-subject = { $kind }: { $title }
follow-mail-daily-subject = Daily digest of { $day }: { $count ->
        [one] { $count } new item
       *[other] { $count } new items
    }
follow-mail-daily-intro = What is new on { $day } in what you follow:
follow-mail-weekly-subject = Weekly digest from { $day }: { $count ->
        [one] { $count } new item
       *[other] { $count } new items
    }
follow-mail-weekly-intro = What is new in the week from { $day } in what you follow:
notice-feeds-title = Atom feeds of notifications
notice-feeds-lead = Every kind of notification is also an Atom feed for a reader. For one district, topic or dialogue body add, for example, ?cel=district&id=3.
notice-feed-all = All notifications
follow-series-link = Follow the series
follow-category-link = Follow the topic
account-subscriptions = My subscriptions
sign-up-follow-legend = Stay informed (optional)
sign-up-follow-hint = Once a week we will write what is new in your district and in the topics you choose: consultations, news, events. You can change that in “My subscriptions”.
sign-up-follow-district = Your district (optional)
sign-up-follow-no-district = Not now
sign-up-follow-topics = Topics you are interested in (optional)
notice-kind-answer = The city's answer to an opinion or recommendation
newsletter-title = Newsletter
newsletter-lead = The Civic Dialogue Centre's newsletter: what is happening in consultations, districts and dialogue bodies. Every issue sent so far is here.
newsletter-signup-title = Subscribe to the newsletter
newsletter-signup-lead = We will send you a message with a confirmation link. The newsletter starts only once you follow that link, and every issue lets you unsubscribe in one click.
newsletter-signup-email = E-mail address
newsletter-signup-hint = The confirmation link and the issues will go to this address.
newsletter-signup-submit = Subscribe
newsletter-required = required
newsletter-archive = Issues sent
newsletter-archive-empty = No issue has been sent yet.
newsletter-count = { $count ->
    [one] { $count } issue
   *[other] { $count } issues
}
newsletter-sent-on = Sent on
newsletter-back = All issues of the newsletter
newsletter-admin-title = Newsletter — editing
newsletter-admin-new = New issue
newsletter-admin-empty = There is no issue yet.
newsletter-see-archive = See the newsletter's archive
newsletter-see-issue = See the issue in the archive
newsletter-col-audience = To whom
newsletter-col-status = Status
newsletter-col-when = Sending time
newsletter-col-recipients = Recipients
newsletter-status-draft = Draft
newsletter-status-scheduled = Scheduled
newsletter-status-sending = Being sent
newsletter-status-sent = Sent
newsletter-field-subject = Subject
newsletter-field-body = Text
newsletter-field-body-hint = Markdown: **bold**, lists starting with "-", links [text](https://full.address). Subscribers get this text in the message as you type it; the archive shows it formatted.
newsletter-field-audience = Send it to
newsletter-field-audience-hint = Choose the district, topic or dialogue body below when the issue is for their followers or members only. Either way only people who subscribed to the newsletter and confirmed their address get it.
newsletter-audience-all = All newsletter subscribers
newsletter-audience-district = Subscribers who follow the district chosen
newsletter-audience-category = Subscribers who follow the topic chosen
newsletter-audience-body = Subscribers who are members of the dialogue body chosen
newsletter-audience-of-all = All newsletter subscribers
newsletter-audience-of-district = Subscribers following the district { $name }
newsletter-audience-of-category = Subscribers following the topic "{ $name }"
newsletter-audience-of-body = Subscribers who are members of { $name }
newsletter-field-district = District (when the issue is for a district's followers)
newsletter-field-category = Topic (when the issue is for a topic's followers)
newsletter-field-body-id = Dialogue body (when the issue is for its members)
newsletter-none = — choose —
newsletter-section-english = English version (optional)
newsletter-section-english-hint = People who chose English get this version; without it they get the Polish one.
newsletter-field-subject-en = Subject in English (optional)
newsletter-field-body-en = Text in English (optional)
newsletter-save = Save and preview
newsletter-edit = Edit the issue
newsletter-preview = Issue preview
newsletter-as-archive = The issue as the archive will show it
newsletter-as-archive-en = The English version as the archive will show it
newsletter-recipients-now = { $count ->
    [one] { $count } person would receive it today
   *[other] { $count } people would receive it today
}
newsletter-recipients-queued = { $count ->
    [one] Sent to { $count } person so far
   *[other] Sent to { $count } people so far
}
newsletter-recipients-sent = { $count ->
    [one] Sent to { $count } person
   *[other] Sent to { $count } people
}
newsletter-nobody = Nobody would receive it now: nobody in this group has subscribed to the newsletter. Choose other recipients or schedule it for later.
newsletter-test-title = Send a test to yourself
newsletter-test-lead = The test goes to your own address only, in your language. The issue stays as it is.
newsletter-test-send = Send me a test message
newsletter-send-title = Sending
newsletter-pace-note = Messages go out in batches, { $count } a minute.
newsletter-field-scheduled-at = Date and time to send
newsletter-field-scheduled-at-hint = Warsaw time, for example 2027-03-01 09:00.
newsletter-schedule = Schedule sending
newsletter-send-now = Send now
newsletter-cancel = Call off the scheduled sending
newsletter-pace-title = Sending pace
newsletter-field-per-minute = Messages a minute
newsletter-field-per-minute-hint = Keep within the mail server's limits. Applies to mailings started after saving.
newsletter-pace-save = Save the pace
flash-newsletter-saved = The issue is saved.
flash-newsletter-test-sent = A test message went to your address.
flash-newsletter-scheduled = Sending is scheduled.
flash-newsletter-sending = Sending has begun. Messages go out in batches at the set pace.
flash-newsletter-cancelled = Sending is called off; the issue is a draft again.
flash-newsletter-pace = The sending pace is saved.
error-newsletter-audience-required = Choose who this issue goes to.
error-newsletter-district-required = Choose the district whose followers get this issue.
error-newsletter-category-required = Choose the topic whose followers get this issue.
error-newsletter-body-required = Choose the dialogue body whose members get this issue.
error-newsletter-schedule-past = That time has passed. Give a time in the future or choose "Send now".
error-newsletter-schedule-invalid = Enter the date and time, for example 2027-03-01 09:00.
error-newsletter-pace-range = Enter a whole number from 1 to { $limit }.
newsletter-mail-online = This issue in your browser: { $link }
newsletter-mail-why = You are receiving this newsletter because this address was subscribed to the Civic Dialogue Centre's newsletter on { $date } (source: { $source }).
newsletter-mail-audience = This issue went to: { $audience }.
newsletter-mail-links = Your subscriptions: { $manage }
    Unsubscribe from the newsletter: { $unsubscribe }
newsletter-mail-test-subject = [TEST] { $subject }
newsletter-mail-test-note = This is a test sent to you only. Here subscribers will see when and where they subscribed to the newsletter, a link to their subscriptions and a link to unsubscribe.
footer-newsletter = Newsletter
newsletter-source-newsletter = the sign-up form on the newsletter's page
newsletter-source-sign-up = creating your account
newsletter-source-page = following on a page of the site
