//! Accounts: sign-up with confirmation, sign-in with throttling, sign-out, password
//! reset, and the settings page (name, language, password, address, deletion).

use super::common::{OkQuery, Opt};
use crate::client::ClientAddr;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{FormErrors, Pairs};
use crate::i18n::{Arg, Lang};
use crate::limits::{self, Refusal};
use crate::mail::Mail;
use crate::password;
use crate::state::AppState;
use crate::visitor::SESSION_COOKIE;
use agora_db::limits::Verdict;
use agora_db::tokens::{self, Purpose, TokenProblem};
use agora_db::{sessions, users};
use agora_domain::Invalid;
use agora_domain::account::{DisplayName, Email, NewPassword};
use agora_domain::limits::{
    SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ACCOUNT_FROM_CLIENT, SIGN_IN_PER_CLIENT, SIGN_IN_TRIES_WHILE_TARGETED,
};
use agora_domain::validation::FieldError;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Duration;
use serde::Deserialize;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/konto", get(settings))
        .route("/konto/rejestracja", get(sign_up_form).post(sign_up))
        .route("/konto/potwierdz/{token}", get(confirm))
        .route("/konto/logowanie", get(sign_in_form).post(sign_in))
        .route("/konto/wyloguj", post(sign_out))
        .route("/konto/haslo/przypomnij", get(forgot_form).post(forgot))
        .route("/konto/haslo/nowe/{token}", get(reset_form).post(reset))
        .route("/konto/profil", post(save_profile))
        .route("/konto/haslo", post(change_password))
        .route("/konto/email", post(change_email))
        .route("/konto/email/{token}", get(confirm_email_change))
        .route("/konto/usun", post(delete_account))
}

use crate::render::MessageTpl;
use crate::render::{render, render_form, render_status};
use crate::urls::{redirect, safe_next};

fn message_page(
    ctx: &Ctx,
    status: StatusCode,
    title: &str,
    message: String,
    link: Option<(&'static str, &str)>,
) -> AppResult<Response> {
    render_status(
        status,
        &MessageTpl {
            ctx,
            title: ctx.t(title),
            message,
            link: link.map(|(href, key)| (href.to_owned(), ctx.t(key))),
            back: None,
        },
    )
}

fn token_problem_page(ctx: &Ctx, p: TokenProblem) -> AppResult<Response> {
    let key = match p {
        TokenProblem::Unknown => "token-unknown",
        TokenProblem::Expired => "token-expired",
        TokenProblem::Used => "token-used",
    };
    message_page(
        ctx,
        StatusCode::BAD_REQUEST,
        "token-problem-title",
        ctx.t(key),
        Some(("/konto/logowanie", "nav-sign-in")),
    )
}

fn link(state: &AppState, path: &str) -> String {
    format!("{}{}", state.config.base_url, path)
}

fn session_cookie(state: &AppState, token: &str, max_age_secs: i64) -> AppResult<HeaderValue> {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    ))
    .map_err(|e| AppError::Internal(e.to_string()))
}

async fn send(
    state: &AppState,
    lang: Lang,
    to: &str,
    subject_key: &str,
    body_key: &str,
    args: &[(&'static str, Arg)],
) -> AppResult<()> {
    let mail = Mail {
        attachments: Vec::new(),
        unsubscribe: None,
        to: to.to_owned(),
        subject: lang.t(subject_key),
        body: lang.t_args(body_key, args),
    };
    crate::jobs::queue_mail(state, mail).await?;
    Ok(())
}

// ---- sign-up ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignUpForm {
    display_name: String,
    email: String,
    password: String,
    password_repeat: String,
    accept: Option<String>,
}

#[derive(Template)]
#[template(path = "account/sign_up.html")]
struct SignUpTpl<'a> {
    ctx: &'a Ctx,
    form: SignUpForm,
    errors: FormErrors,
    /// The offer to follow one's district and topics: the districts, the one chosen, and each
    /// topic with whether it is ticked.
    districts: Vec<Opt>,
    district: String,
    topics: Vec<(i64, String, bool)>,
}

impl<'a> SignUpTpl<'a> {
    async fn new(
        state: &AppState,
        ctx: &'a Ctx,
        form: SignUpForm,
        errors: FormErrors,
        offer: &Offer,
    ) -> AppResult<Self> {
        let topics = agora_db::reference::named(&state.db, agora_db::reference::NamedKind::Category)
            .await?
            .into_iter()
            .map(|n| (n.id, crate::i18n::localized(ctx.lang, n.name_pl, n.name_en), offer.topics.contains(&n.id)))
            .collect();
        Ok(SignUpTpl {
            ctx,
            form,
            errors,
            districts: super::common::district_options(state).await?,
            district: offer.district.map(|d| d.to_string()).unwrap_or_default(),
            topics,
        })
    }
}

/// What a new account asked to follow on signing up.
#[derive(Default)]
struct Offer {
    district: Option<i64>,
    topics: Vec<i64>,
}

async fn sign_up_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&SignUpTpl::new(&state, &ctx, SignUpForm::default(), FormErrors::default(), &Offer::default()).await?)
}

/// Follows, weekly, what the new account chose. The subscriptions wait for the address to be
/// confirmed, which the account's own confirmation link does.
async fn follow_offer(state: &AppState, lang: Lang, email: &Email, offer: &Offer) -> AppResult<()> {
    use agora_domain::subscription::{Frequency, Target};
    let chosen = offer
        .district
        .map(|d| (Target::District, d))
        .into_iter()
        .chain(offer.topics.iter().map(|t| (Target::Category, *t)));
    for (target, id) in chosen {
        if !agora_db::subscriptions::target_exists(&state.db, target, id).await? {
            continue;
        }
        let f = agora_db::subscriptions::NewFollow {
            email: email.as_str(),
            user_id: None,
            lang: lang.code(),
            target,
            target_id: id,
            frequency: Frequency::Weekly,
            source: "sign-up",
        };
        agora_db::subscriptions::follow(&state.db, &f).await?;
    }
    Ok(())
}

async fn sign_up(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Form(pairs): Form<Pairs>,
) -> AppResult<Response> {
    let form: SignUpForm = pairs.decode()?;
    let offer = Offer { district: pairs.ids("district").first().copied(), topics: pairs.ids("topics") };
    let mut inv = Invalid::default();
    let name = inv.check(DisplayName::parse(&form.display_name));
    let email = inv.check(Email::parse(&form.email));
    let pw = inv.check(NewPassword::parse("password", &form.password, &form.password_repeat));
    if form.accept.is_none() {
        inv.push(FieldError::new("accept", "accept-required"));
    }
    let (Some(name), Some(email), Some(pw), true) = (name, email, pw, inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SignUpTpl::new(&state, &ctx, form, errors, &offer).await?,
        );
    };
    // Counted for a taken address too: the page says the same either way.
    if let Err(no) = limits::messages(&state, &ctx, client, Some(email.as_str())).await? {
        let errors = FormErrors::general("email", no.message.clone(), ctx.lang);
        return no.answer(render(&SignUpTpl::new(&state, &ctx, form, errors, &offer).await?));
    }
    let hash = password::hash(state.config.hash_cost, pw.expose().to_owned()).await?;
    match users::create(&state.db, email.as_str(), name.as_str(), &hash, ctx.lang.code(), false).await {
        Ok(id) => {
            follow_offer(&state, ctx.lang, &email, &offer).await?;
            let token = tokens::issue(&state.db, id, Purpose::Confirm, None, Duration::hours(48)).await?;
            let url = link(&state, &format!("/konto/potwierdz/{token}"));
            send(
                &state,
                ctx.lang,
                email.as_str(),
                "mail-confirm-subject",
                "mail-confirm-body",
                &[("name", name.as_str().into()), ("link", url.into())],
            )
            .await?;
        }
        Err(agora_db::DbError::Conflict(_)) => {
            // The page says the same as for a new address; only the owner learns, by mail.
            let url = link(&state, "/konto/haslo/przypomnij");
            send(&state, ctx.lang, email.as_str(), "mail-exists-subject", "mail-exists-body", &[("link", url.into())])
                .await?;
        }
        Err(e) => return Err(e.into()),
    }
    message_page(
        &ctx,
        StatusCode::OK,
        "sign-up-sent-title",
        ctx.t1("sign-up-sent-message", "email", email.as_str()),
        None,
    )
}

async fn confirm(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    match tokens::consume(&state.db, &token, Purpose::Confirm).await? {
        Ok(t) => {
            users::confirm_email(&state.db, t.user_id).await?;
            // The address is the one the sign-up's subscriptions wait on.
            agora_db::subscriptions::confirm_account(&state.db, t.user_id).await?;
            message_page(
                &ctx,
                StatusCode::OK,
                "confirm-done-title",
                ctx.t("confirm-done-message"),
                Some(("/konto/logowanie", "nav-sign-in")),
            )
        }
        Err(p) => token_problem_page(&ctx, p),
    }
}

// ---- sign-in ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignInForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Template)]
#[template(path = "account/sign_in.html")]
struct SignInTpl<'a> {
    ctx: &'a Ctx,
    form: SignInForm,
    errors: FormErrors,
}

async fn sign_in_form(ctx: Ctx, Query(q): Query<super::common::NextQuery>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(redirect(&safe_next(q.next.as_deref())).into_response());
    }
    let form = SignInForm { next: safe_next(q.next.as_deref()), ..Default::default() };
    render(&SignInTpl { ctx: &ctx, form, errors: FormErrors::default() })
}

async fn sign_in(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Form(mut form): Form<SignInForm>,
) -> AppResult<Response> {
    form.next = safe_next(Some(&form.next));
    let fail = |ctx: &Ctx, form: SignInForm, status: StatusCode, message: String| {
        let errors = FormErrors::general("email", message, ctx.lang);
        render_status(status, &SignInTpl { ctx, form, errors })
    };
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &SignInTpl { ctx: &ctx, form, errors });
        }
    };
    // Each attempt is counted as a failure before the password is checked, and handed back
    // if it succeeds: attempts made in parallel cannot all be checked against one allowance.
    // An address with no account is counted like any other, so the answers do not differ.
    let (who, account) = (client.limit_subject(), email.as_str());
    let pair = format!("{account} {who}");
    let refused = |ctx: &Ctx, form: SignInForm, key: &str, retry_after: chrono::Duration| {
        let no = Refusal { message: ctx.t1(key, "wait", limits::wait(ctx, retry_after)), retry_after, mailbox: false };
        no.answer(fail(ctx, form, StatusCode::TOO_MANY_REQUESTS, no.message.clone()))
    };
    if let Verdict::Refused { retry_after } = agora_db::limits::hit(&state.db, &SIGN_IN_PER_CLIENT, &who).await? {
        return refused(&ctx, form, "limit-sign-in-client", retry_after);
    }
    let tries_here = match agora_db::limits::hit(&state.db, &SIGN_IN_PER_ACCOUNT_FROM_CLIENT, &pair).await? {
        Verdict::Allowed { count } => count,
        Verdict::Refused { retry_after } => return refused(&ctx, form, "sign-in-throttled", retry_after),
    };
    // An account with many failures from anywhere is being guessed at. Refusing it outright
    // would let any stranger lock its owner out; instead each client gets one try on it for
    // now, so the owner still signs in with the right password and a crowd of machines gets
    // one guess each. The reset link always works, and clears the count.
    if let Verdict::Refused { retry_after } = agora_db::limits::hit(&state.db, &SIGN_IN_PER_ACCOUNT, account).await?
        && tries_here > SIGN_IN_TRIES_WHILE_TARGETED
    {
        return refused(&ctx, form, "sign-in-throttled", retry_after);
    }
    let user = users::by_email(&state.db, account).await?;
    let ok =
        password::check(user.as_ref().map(|u| u.password_hash.clone()), form.password.clone(), &state.dummy_hash).await;
    let Some(user) = user.filter(|_| ok) else {
        return fail(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY, ctx.t("sign-in-failed"));
    };
    agora_db::limits::refund(&state.db, &SIGN_IN_PER_CLIENT, &who).await?;
    agora_db::limits::refund(&state.db, &SIGN_IN_PER_ACCOUNT_FROM_CLIENT, &pair).await?;
    agora_db::limits::refund(&state.db, &SIGN_IN_PER_ACCOUNT, account).await?;
    if user.email_confirmed_at.is_none() {
        if let Err(no) = limits::messages(&state, &ctx, client, Some(&user.email)).await? {
            return no.answer(fail(&ctx, form, StatusCode::TOO_MANY_REQUESTS, no.message.clone()));
        }
        let token = tokens::issue(&state.db, user.id, Purpose::Confirm, None, Duration::hours(48)).await?;
        let url = link(&state, &format!("/konto/potwierdz/{token}"));
        send(
            &state,
            ctx.lang,
            &user.email,
            "mail-confirm-subject",
            "mail-confirm-body",
            &[("name", user.display_name.clone().into()), ("link", url.into())],
        )
        .await?;
        return fail(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY, ctx.t("sign-in-unconfirmed"));
    }
    let days = state.config.session_days;
    let (token, _) = sessions::create(&state.db, user.id, Duration::days(days)).await?;
    if let Some(old) = &ctx.user {
        sessions::delete(&state.db, &old.session_hash).await?;
    }
    let mut resp = redirect(&form.next).into_response();
    resp.headers_mut().append(header::SET_COOKIE, session_cookie(&state, &token, days * 86400)?);
    Ok(resp)
}

async fn sign_out(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if let Some(u) = &ctx.user {
        sessions::delete(&state.db, &u.session_hash).await?;
    }
    let mut resp = redirect("/").into_response();
    resp.headers_mut().append(header::SET_COOKIE, session_cookie(&state, "", 0)?);
    Ok(resp)
}

// ---- password reset ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ForgotForm {
    email: String,
}

#[derive(Template)]
#[template(path = "account/forgot.html")]
struct ForgotTpl<'a> {
    ctx: &'a Ctx,
    form: ForgotForm,
    errors: FormErrors,
}

async fn forgot_form(ctx: Ctx) -> AppResult<Response> {
    render(&ForgotTpl { ctx: &ctx, form: ForgotForm::default(), errors: FormErrors::default() })
}

async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Form(form): Form<ForgotForm>,
) -> AppResult<Response> {
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &ForgotTpl { ctx: &ctx, form, errors });
        }
    };
    // Counted whether or not the address has an account, so a refusal tells nothing either.
    if let Err(no) = limits::messages(&state, &ctx, client, Some(email.as_str())).await? {
        let errors = FormErrors::general("email", no.message.clone(), ctx.lang);
        return no.answer(render(&ForgotTpl { ctx: &ctx, form, errors }));
    }
    if let Some(user) = users::by_email(&state.db, email.as_str()).await? {
        let token = tokens::issue(&state.db, user.id, Purpose::Reset, None, Duration::hours(2)).await?;
        let url = link(&state, &format!("/konto/haslo/nowe/{token}"));
        send(&state, ctx.lang, &user.email, "mail-reset-subject", "mail-reset-body", &[("link", url.into())]).await?;
    }
    message_page(
        &ctx,
        StatusCode::OK,
        "forgot-sent-title",
        ctx.t1("forgot-sent-message", "email", email.as_str()),
        None,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ResetForm {
    password: String,
    password_repeat: String,
}

#[derive(Template)]
#[template(path = "account/reset.html")]
struct ResetTpl<'a> {
    ctx: &'a Ctx,
    token: String,
    errors: FormErrors,
}

async fn reset_form(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    match tokens::check(&state.db, &token, Purpose::Reset).await? {
        Ok(_) => render(&ResetTpl { ctx: &ctx, token, errors: FormErrors::default() }),
        Err(p) => token_problem_page(&ctx, p),
    }
}

async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    let pw = match NewPassword::parse("password", &form.password, &form.password_repeat) {
        Ok(p) => p,
        Err(e) => {
            let errors = FormErrors::from_invalid(&e.into(), ctx.lang);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &ResetTpl { ctx: &ctx, token, errors });
        }
    };
    let used = match tokens::consume(&state.db, &token, Purpose::Reset).await? {
        Ok(t) => t,
        Err(p) => return token_problem_page(&ctx, p),
    };
    let hash = password::hash(state.config.hash_cost, pw.expose().to_owned()).await?;
    users::set_password(&state.db, used.user_id, &hash, None).await?;
    // Following the link proved the address is theirs, so the failed sign-ins on it no
    // longer hold its owner back here.
    users::confirm_email(&state.db, used.user_id).await?;
    if let Some(u) = users::by_id(&state.db, used.user_id).await? {
        let pair = format!("{} {}", u.email, client.limit_subject());
        agora_db::limits::clear(&state.db, &SIGN_IN_PER_ACCOUNT, &u.email).await?;
        agora_db::limits::clear(&state.db, &SIGN_IN_PER_ACCOUNT_FROM_CLIENT, &pair).await?;
    }
    message_page(
        &ctx,
        StatusCode::OK,
        "reset-done-title",
        ctx.t("reset-done-message"),
        Some(("/konto/logowanie", "nav-sign-in")),
    )
}

// ---- settings ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsForm {
    display_name: String,
    locale: String,
    current_password: String,
    new_password: String,
    password_repeat: String,
    new_email: String,
    email_password: String,
    delete_password: String,
    delete_confirm: Option<String>,
}

#[derive(Template)]
#[template(path = "account/settings.html")]
struct SettingsTpl<'a> {
    ctx: &'a Ctx,
    email: String,
    form: SettingsForm,
    errors: FormErrors,
    notice: Option<String>,
    roles: Vec<String>,
}

async fn settings_page(
    state: &AppState,
    ctx: &Ctx,
    form: Option<SettingsForm>,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let form = form.unwrap_or_else(|| SettingsForm {
        display_name: user.display_name.clone(),
        locale: user.locale.clone(),
        ..Default::default()
    });
    let roles = crate::views::roles::describe_grants(state, ctx, &user.grants).await?;
    let tpl = SettingsTpl { ctx, email: user.email.clone(), form, notice, roles, errors };
    render_form(&tpl.errors, &tpl)
}

async fn settings(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    let notice = q.notice(&ctx);
    settings_page(&state, &ctx, None, FormErrors::default(), notice).await
}

fn back_to_settings(key: &str) -> Response {
    redirect(&format!("/konto?ok={key}")).into_response()
}

async fn save_profile(State(state): State<AppState>, ctx: Ctx, Form(form): Form<SettingsForm>) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let mut inv = Invalid::default();
    let name = inv.check(DisplayName::parse(&form.display_name));
    let lang = inv.check(Lang::parse(&form.locale).ok_or(FieldError::new("locale", "choice-invalid")));
    let (Some(name), Some(lang)) = (name, lang) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return settings_page(&state, &ctx, Some(form), errors, None).await;
    };
    users::set_profile(&state.db, user.id, name.as_str(), lang.code()).await?;
    let mut resp = back_to_settings("flash-profile-saved");
    let cookie = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax", crate::visitor::LANG_COOKIE, lang.code());
    resp.headers_mut()
        .append(header::SET_COOKIE, HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(e.to_string()))?);
    Ok(resp)
}

async fn check_current(
    state: &AppState,
    user_id: i64,
    field: &'static str,
    given: &str,
) -> AppResult<Result<(), FieldError>> {
    let stored = users::by_id(&state.db, user_id).await?.ok_or(AppError::NotFound)?;
    Ok(if given.is_empty() {
        Err(FieldError::new(field, "required"))
    } else if password::verify(given.to_owned(), stored.password_hash).await {
        Ok(())
    } else {
        Err(FieldError::new(field, "password-wrong"))
    })
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let mut inv = Invalid::default();
    inv.check(check_current(&state, user.id, "current_password", &form.current_password).await?);
    let pw = inv.check(NewPassword::parse("new_password", &form.new_password, &form.password_repeat));
    let (Some(pw), true) = (pw, inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return settings_page(&state, &ctx, Some(form), errors, None).await;
    };
    let hash = password::hash(state.config.hash_cost, pw.expose().to_owned()).await?;
    users::set_password(&state.db, user.id, &hash, Some(&user.session_hash)).await?;
    send(&state, ctx.lang, &user.email, "mail-password-changed-subject", "mail-password-changed-body", &[]).await?;
    Ok(back_to_settings("flash-password-changed"))
}

async fn change_email(
    State(state): State<AppState>,
    ctx: Ctx,
    client: ClientAddr,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let mut inv = Invalid::default();
    let email = inv.check(Email::parse_field("new_email", &form.new_email));
    inv.check(check_current(&state, user.id, "email_password", &form.email_password).await?);
    let (Some(email), true) = (email, inv.is_empty()) else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return settings_page(&state, &ctx, Some(form), errors, None).await;
    };
    if let Err(no) = limits::messages(&state, &ctx, client, Some(email.as_str())).await? {
        let errors = FormErrors::general("new_email", no.message.clone(), ctx.lang);
        return no.answer(settings_page(&state, &ctx, Some(form), errors, None).await);
    }
    let token =
        tokens::issue(&state.db, user.id, Purpose::ChangeEmail, Some(email.as_str()), Duration::hours(48)).await?;
    let url = link(&state, &format!("/konto/email/{token}"));
    send(
        &state,
        ctx.lang,
        email.as_str(),
        "mail-change-email-subject",
        "mail-change-email-body",
        &[("link", url.into())],
    )
    .await?;
    send(
        &state,
        ctx.lang,
        &user.email,
        "mail-change-email-old-subject",
        "mail-change-email-old-body",
        &[("email", email.as_str().into())],
    )
    .await?;
    Ok(back_to_settings("flash-email-sent"))
}

async fn confirm_email_change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let used = match tokens::consume(&state.db, &token, Purpose::ChangeEmail).await? {
        Ok(t) => t,
        Err(p) => return token_problem_page(&ctx, p),
    };
    let new_email = used.new_email.ok_or(AppError::BadRequest)?;
    match users::set_email(&state.db, used.user_id, &new_email).await {
        Ok(()) => message_page(
            &ctx,
            StatusCode::OK,
            "email-changed-title",
            ctx.t1("email-changed-message", "email", new_email.as_str()),
            Some(("/konto", "nav-account")),
        ),
        Err(agora_db::DbError::Conflict(_)) => message_page(
            &ctx,
            StatusCode::CONFLICT,
            "token-problem-title",
            ctx.t("email-change-taken"),
            Some(("/konto", "nav-account")),
        ),
        Err(e) => Err(e.into()),
    }
}

async fn delete_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let mut inv = Invalid::default();
    inv.check(check_current(&state, user.id, "delete_password", &form.delete_password).await?);
    if form.delete_confirm.is_none() {
        inv.push(FieldError::new("delete_confirm", "delete-confirm-required"));
    }
    if !inv.is_empty() {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return settings_page(&state, &ctx, Some(form), errors, None).await;
    }
    let mut entry = ctx.audit("account.delete", "user", "");
    entry.actor_id = None;
    entry.actor_label = format!("{} #{}", Lang::Pl.t("deleted-account"), user.id);
    users::delete(&state.db, user.id, &entry).await?;
    let ctx = Ctx { user: None, ..ctx };
    let mut resp = message_page(
        &ctx,
        StatusCode::OK,
        "account-deleted-title",
        ctx.t("account-deleted-message"),
        Some(("/", "nav-home")),
    )?;
    resp.headers_mut().append(header::SET_COOKIE, session_cookie(&state, "", 0)?);
    Ok(resp)
}
