//! What one widget knows at a moment, and the texts derived from it. Pure data: the DOM is
//! synced from it by `view`, and only the flows of the parent module (loading, input,
//! submitting, following) change it.

use crate::api::{ApiError, DonationStatus, Frequency, Organization, PartnerConfig, StatusWord, TipConfig};
use crate::donation::{AmountChoice, DonorInput, FieldErrors, TipChoice, WidgetOptions};
use crate::i18n::{Locale, Strings};
use crate::money::{Cents, format_money, percent_of};
use crate::text::cat;

/// Loading the partner configuration and the nonprofit.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Load {
    Loading,
    Ready(PartnerConfig, Organization),
    /// Loaded, but the partner may not take donations.
    DonationsOff(Organization),
    Failed(ApiError),
}

/// An error shown in the dialog.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Alert {
    pub error: ApiError,
    /// For a 429: when the donor may try again (ms since the epoch).
    pub retry_at_ms: Option<f64>,
}

/// A donation the widget follows after its link was created.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Tracking {
    pub id: String,
    pub amount: Cents,
    pub status: Option<DonationStatus>,
    /// Checkout is open in another window or tab.
    pub elsewhere: bool,
}

/// Everything that changes while the widget lives.
pub(super) struct State {
    pub load: Load,
    pub input: DonorInput,
    /// What the donor typed in the "other amount" field, kept while a preset is chosen.
    pub custom_amount: String,
    pub custom_tip: String,
    pub errors: FieldErrors,
    pub submitting: bool,
    pub redirecting: bool,
    pub alert: Option<Alert>,
    pub notice: Option<&'static str>,
    pub tracking: Option<Tracking>,
    /// A click came while the widget was loading: open once it is ready.
    pub open_when_ready: bool,
}

/// What the dialog's body shows.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Outcome {
    Checking,
    /// Still pending; `elsewhere` when checkout is open in another window.
    Processing {
        elsewhere: bool,
    },
    Paid {
        amount: Cents,
        tokens: Option<f64>,
    },
    Unsuccessful(StatusWord),
}

/// The nonprofit with its logo kept only if it is one we may show (`https:`, or `http:` on
/// loopback for the sandbox); anything else from the network is dropped once, on arrival,
/// rather than checked on every render.
pub(super) fn with_safe_logo(mut org: Organization) -> Organization {
    org.logo_url = org.logo_url.filter(|u| {
        crate::weburl::parse(u).is_some_and(|u| u.protocol == "https:" || (u.protocol == "http:" && u.is_loopback()))
    });
    org
}

/// The donor-facing sentence for an error. A 429's wait is shown by the live countdown in the
/// alert, so here it is only "in a moment" (the static wait in `Strings::api_error` would go stale).
pub(super) fn donor_message(s: &Strings, error: &ApiError) -> String {
    match error {
        ApiError::RateLimited { .. } => s.err_rate_limited_soon.to_owned(),
        other => s.api_error(other),
    }
}

/// Errors a donor may retry from the alert: the request may go through next time.
pub(super) fn retryable(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Network { .. }
            | ApiError::Timeout { .. }
            | ApiError::Server { .. }
            | ApiError::InvalidResponse { .. }
            | ApiError::UnexpectedStatus { .. }
            | ApiError::RateLimited { .. }
    )
}

impl State {
    pub fn new(options: &WidgetOptions) -> Self {
        let amount = options.default_amount.map(AmountChoice::Preset).unwrap_or(AmountChoice::Custom(String::new()));
        State {
            load: Load::Loading,
            input: DonorInput {
                amount,
                frequency: options.default_frequency,
                tip: TipChoice::Suggested,
                first_name: String::new(),
                last_name: String::new(),
                email: String::new(),
            },
            custom_amount: String::new(),
            custom_tip: String::new(),
            errors: FieldErrors::default(),
            submitting: false,
            redirecting: false,
            alert: None,
            notice: None,
            tracking: None,
            open_when_ready: false,
        }
    }

    /// The integrator changed the options: a preset or frequency no longer offered gives way to
    /// the new default (what the donor typed in "other amount" stays, and stays chosen).
    pub fn adapt_to(&mut self, options: &WidgetOptions) {
        if let AmountChoice::Preset(c) = self.input.amount
            && !options.presets.contains(&c)
        {
            self.input.amount = match options.default_amount {
                Some(d) => AmountChoice::Preset(d),
                None => AmountChoice::Custom(self.custom_amount.clone()),
            };
        }
        if !options.frequencies.contains(&self.input.frequency) {
            self.input.frequency = options.default_frequency;
        }
    }

    pub fn config(&self) -> Option<&PartnerConfig> {
        match &self.load {
            Load::Ready(config, _) => Some(config),
            _ => None,
        }
    }

    /// The partner's suggested tip share when tips are on (0 when it suggests none).
    pub fn suggested_tip(&self) -> Option<f64> {
        Some(self.config()?.tips()?.default_percent.unwrap_or(0.0))
    }

    pub fn is_ready(&self) -> bool {
        self.config().is_some()
    }

    /// Loading failed in a way that a new attempt may fix (network, timeout, 5xx, a malformed
    /// or rate-limited answer).
    pub fn load_may_be_retried(&self) -> bool {
        matches!(&self.load, Load::Failed(e) if retryable(e))
    }

    /// Donating is impossible here: the partner takes no donations, or loading failed in a way
    /// that a new attempt cannot fix (an unknown key or nonprofit, a refused partner).
    pub fn cannot_donate(&self) -> bool {
        match &self.load {
            Load::DonationsOff(_) => true,
            Load::Failed(_) => !self.load_may_be_retried(),
            Load::Loading | Load::Ready(..) => false,
        }
    }

    pub fn busy(&self) -> bool {
        self.submitting || self.redirecting
    }

    /// The nonprofit's name once known, its slug before.
    pub fn nonprofit_name<'a>(&'a self, slug: &'a str) -> &'a str {
        match &self.load {
            Load::Ready(_, o) | Load::DonationsOff(o) => o.display_name(),
            _ => slug,
        }
    }

    /// The nonprofit's logo, already vetted by [`with_safe_logo`].
    pub fn logo(&self, with_donations_off: bool) -> Option<&str> {
        match &self.load {
            Load::Ready(_, o) => o.logo_url.as_deref(),
            Load::DonationsOff(o) if with_donations_off => o.logo_url.as_deref(),
            _ => None,
        }
    }

    /// Why donating is not possible now, and whether a new attempt may help.
    pub fn load_problem(&self, s: &Strings) -> Option<(String, bool)> {
        match &self.load {
            Load::DonationsOff(_) => Some((s.donations_off.to_owned(), false)),
            Load::Failed(e) => Some((donor_message(s, e), retryable(e))),
            Load::Loading | Load::Ready(..) => None,
        }
    }

    /// The line under the button: why it is off (and whether a retry may help), or what a
    /// followed donation is doing while the dialog is closed.
    pub fn note(&self, s: &Strings) -> Option<(String, bool)> {
        if let Some(problem) = self.load_problem(s) {
            return Some(problem);
        }
        let status = self.tracking.as_ref()?.status.as_ref();
        match status {
            None => Some((s.status_checking.to_owned(), false)),
            Some(st) if st.status.is_paid() || st.status.is_unsuccessful() => None,
            Some(_) => Some((s.status_processing.to_owned(), false)),
        }
    }

    pub fn outcome(&self) -> Option<Outcome> {
        let t = self.tracking.as_ref()?;
        let Some(status) = &t.status else { return Some(Outcome::Checking) };
        Some(if status.status.is_paid() {
            Outcome::Paid {
                amount: status.amount.map(Cents).unwrap_or(t.amount),
                tokens: status.tokens_awarded.filter(|n| *n > 0.0),
            }
        } else if status.status.is_unsuccessful() {
            Outcome::Unsuccessful(status.status.clone())
        } else {
            Outcome::Processing { elsewhere: t.elsewhere }
        })
    }

    /// Seconds left before a rate-limited donor may try again.
    pub fn seconds_to_wait(&self, now_ms: f64) -> Option<u64> {
        let at = self.alert.as_ref()?.retry_at_ms?;
        let left = ((at - now_ms) / 1000.0).ceil();
        (left > 0.0).then_some(left as u64)
    }

    /// The alert's sentence, with a live countdown for a 429.
    pub fn alert_text(&self, s: &Strings, now_ms: f64) -> Option<String> {
        let alert = self.alert.as_ref()?;
        Some(match (&alert.error, self.seconds_to_wait(now_ms)) {
            (ApiError::RateLimited { .. }, Some(n)) => (s.err_rate_limited)(n),
            (e, _) => donor_message(s, e),
        })
    }

    /// The tip the donor's choice adds, as the line under the tip chips.
    pub fn tip_text(&self, s: &Strings, locale: Locale, suggested: f64) -> String {
        let tips = TipConfig { enabled: true, default_percent: Some(suggested) };
        let amount = self.input.amount(locale).ok();
        let percent = self.input.tip_percent(Some(&tips), locale).ok().flatten();
        match (amount, percent) {
            (Some(a), Some(p)) => (s.tip_amount)(&format_money(percent_of(a, p), locale)),
            _ => String::new(),
        }
    }

    /// The summary's lines (amount and frequency, tip, total), once the amount is valid.
    pub fn summary(&self, s: &Strings, locale: Locale, name: &str) -> Option<[String; 3]> {
        let tips = self.config().and_then(PartnerConfig::tips);
        let amount = self.input.amount(locale).ok().filter(|a| a.is_within_limits())?;
        let tip = self.input.tip_percent(tips.as_ref(), locale).ok().flatten();
        let tip = tip.map(|p| percent_of(amount, p)).unwrap_or(Cents::ZERO);
        let money = |c| format_money(c, locale);
        let frequency = self.input.frequency;
        let mut total = (s.summary_total)(&money(amount.saturating_add(tip)));
        if frequency == Frequency::Monthly {
            total.push_str(s.per_month);
        }
        let tip_line = if tip > Cents::ZERO { (s.tip_amount)(&money(tip)) } else { String::new() };
        Some([(s.summary_line)(&money(amount), s.frequency_word(frequency), name), tip_line, total])
    }
}

/// The tip chips, in order: "none", the partner's suggestion and one 5 points above it (four
/// chips fit on one row of the dialog), and "other". A chip's position is its radio's value.
/// "Other" carries no text here: the donor's typed share is in `State::custom_tip`.
pub(super) fn tip_chips(suggested: f64) -> Vec<TipChoice> {
    let shares = [suggested, suggested + 5.0].into_iter().filter(|p| *p > 0.0 && *p <= 100.0);
    let presets = shares.map(|p| if p == suggested { TipChoice::Suggested } else { TipChoice::Percent(p) });
    std::iter::once(TipChoice::None).chain(presets).chain([TipChoice::Custom(String::new())]).collect()
}

/// `10%` in English; French and Spanish put a (narrow no-break) space before the sign.
pub(super) fn percent_label(p: f64, locale: Locale) -> String {
    let number = crate::money::format_decimal(p, locale);
    match locale {
        Locale::En => cat(&[&number, "%"]),
        Locale::Es | Locale::Fr => cat(&[&number, "\u{202f}%"]),
    }
}
