//! What the flow shows once a donation's link was created: checking, processing, thank you,
//! or that it did not go through.

use web_sys::{Document, Element};

use super::super::hooks::{Action, hook, named};
use super::super::state::Outcome;
use super::Fixed;
use super::build::{append, attrs, button, el, spinner, with_text};
use crate::api::StatusWord;
use crate::money::format_decimal;

pub(super) fn outcome_view(doc: &Document, f: &Fixed, outcome: &Outcome, name: &str) -> Element {
    let s = f.s;
    let body = el(doc, "div", "sir-panel__body");
    let status = el(doc, "div", "sir-outcome");
    hook(&status, named::OUTCOME);
    attrs(&status, &[("role", "status")]);
    append(&body, &[&status]);
    let icon = |class: &str, text: &str| {
        let icon = with_text(doc, "div", class, text);
        attrs(&icon, &[("aria-hidden", "true")]);
        icon
    };
    let line = |text: &str| with_text(doc, "p", "sir-outcome__body", text);
    let action = |text: &str, act: Action| {
        let button = button(doc, "sir-submit", text);
        act.mark(&button);
        append(&body, &[&button]);
    };
    match outcome {
        Outcome::Checking => append(&status, &[&spinner(doc), &line(s.status_checking)]),
        Outcome::Processing { elsewhere } => {
            let text = if *elsewhere { s.checkout_open_elsewhere } else { s.status_processing };
            append(&status, &[&spinner(doc), &line(text)]);
        }
        Outcome::Paid { amount, tokens } => {
            append(
                &status,
                &[
                    &icon("sir-outcome__icon", "✓"),
                    &with_text(doc, "h3", "sir-outcome__title", s.thank_you_title),
                    &line(&(s.thank_you_body)(&f.money(*amount), name)),
                ],
            );
            if let Some(n) = tokens {
                append(&status, &[&line(&(s.tokens_awarded)(&format_decimal(*n, f.locale), *n))]);
            }
            action(s.done, Action::Done);
        }
        Outcome::Unsuccessful(word) => {
            let text = match word {
                StatusWord::Cancelled => s.cancelled_body,
                StatusWord::Expired => s.expired_body,
                _ => s.unsuccessful_body,
            };
            append(
                &status,
                &[
                    &icon("sir-outcome__icon sir-outcome__icon--muted", "!"),
                    &with_text(doc, "h3", "sir-outcome__title", s.unsuccessful_title),
                    &line(text),
                ],
            );
            action(s.try_again, Action::Again);
        }
    }
    body
}
