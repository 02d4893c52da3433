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
audit-download-csv = Download as CSV
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

    The site is designed to meet WCAG 2.1 at level AA. Pages work without JavaScript, can be used with a keyboard alone, and forms show errors next to the fields and in a summary.

    ## Feedback and contact

    If you find an accessibility problem or need a document in another form, write to us. We will answer without delay, and within 7 days at the latest.

    ## Preparation of this statement

    This statement is based on a self-assessment. The site's administrator keeps it up to date in the staff area.
