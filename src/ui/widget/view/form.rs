//! The donation form: amount, frequency, tip, donor fields, summary, submit, and the alert and
//! notice at its top. Built once the configuration is known, then synced from the state.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use super::super::hooks::{Action, Choice, TextInput, hook, named};
use super::super::state::{self, State};
use super::Fixed;
use super::build::{
    append, attrs, bool_text, button, chip, el, fieldset, input, place, set_attr, set_flag, set_text, spinner,
    with_text,
};
use crate::api::Frequency;
use crate::donation::{AmountChoice, FieldErrors, TextField, TextProblem, TipChoice};
use crate::i18n::Strings;
use crate::money::Cents;
use crate::text::cat;

pub(super) struct FormView {
    pub form: Element,
    body: Element,
    alert: Option<AlertView>,
    notice: Element,
    amounts: Vec<(Cents, HtmlInputElement)>,
    amount: Field,
    frequencies: Vec<(Frequency, HtmlInputElement)>,
    tip: Option<TipView>,
    donor: [DonorField; 3],
    summary: Element,
    summary_shown: Option<[String; 3]>,
    submit: HtmlElement,
    submit_busy: Option<bool>,
}

/// The alert at the top of the form: which error it shows (its code), its sentence and the
/// retry button, if the error may be retried.
struct AlertView {
    kind: &'static str,
    root: Element,
    text: Element,
    retry: Option<Element>,
}

struct TipView {
    suggested: f64,
    set: Element,
    chips: Vec<(TipChoice, HtmlInputElement)>,
    custom: Field,
    amount: Element,
}

/// A labelled input (`<div class="sir-field">`) and its error line. The error line is always
/// in place, empty while the input is valid (and then not displayed), so the input's
/// `aria-describedby` names an element that exists in every state.
struct Field {
    field: Element,
    input: HtmlInputElement,
    error: Element,
}

/// One donor text input and how it reads the state.
struct DonorField {
    field: Field,
    kind: TextField,
    value: fn(&State) -> &str,
    problem: fn(&FieldErrors) -> Option<TextProblem>,
}

/// `<div class="sir-field">` with its label, input, optional hint and (empty) error line.
fn field(doc: &Document, which: TextInput, label: &str, input_attrs: &[(&str, &str)], hint: Option<&str>) -> Field {
    let id = which.id();
    let field = el(doc, "div", "sir-field");
    let label = with_text(doc, "label", "sir-label", label);
    attrs(&label, &[("for", id)]);
    let control = el(doc, "input", "sir-input");
    hook(&control, which.hook());
    let error_id = cat(&[id, "-error"]);
    let hint_id = cat(&[id, "-hint"]);
    let described = match hint {
        Some(_) => cat(&[&hint_id, " ", &error_id]),
        None => error_id.clone(),
    };
    attrs(&control, &[("id", id), ("aria-describedby", &described), ("aria-invalid", "false")]);
    attrs(&control, input_attrs);
    append(&field, &[&label, &control]);
    if let Some(hint) = hint {
        let hint = with_text(doc, "p", "sir-hint", hint);
        attrs(&hint, &[("id", &hint_id)]);
        append(&field, &[&hint]);
    }
    let error = el(doc, "p", "sir-error");
    hook(&error, &cat(&[which.hook(), named::ERROR_SUFFIX]));
    attrs(&error, &[("id", &error_id)]);
    append(&field, &[&error]);
    Field { field, input: input(control), error }
}

impl Field {
    /// Shows `value` unless the donor is typing it (then they already match), marks the input
    /// invalid when there is an `error` to show, and shows it (or empties the error line).
    fn sync(&self, value: &str, error: Option<&str>) {
        if self.input.value() != value {
            self.input.set_value(value);
        }
        set_attr(&self.input, "aria-invalid", bool_text(error.is_some()));
        set_text(&self.error, error.unwrap_or_default());
    }
}

impl FormView {
    pub fn new(doc: &Document, f: &Fixed, suggested_tip: Option<f64>) -> FormView {
        let s = f.s;
        let form = el(doc, "form", "sir-form");
        hook(&form, named::FORM);
        attrs(&form, &[("novalidate", "")]);
        let body = el(doc, "div", "sir-panel__body");
        let notice = el(doc, "div", "sir-alert sir-alert--info");
        hook(&notice, named::NOTICE);
        attrs(&notice, &[("role", "status")]);

        // Amount: presets and "other".
        let amount_set = fieldset(doc, s.amount_legend);
        let chips = el(doc, "div", "sir-chips");
        let mut amounts = Vec::new();
        for (i, c) in f.presets.iter().enumerate() {
            let (label, radio) = chip(doc, Choice::Amount.name(), i, &f.money(*c));
            append(&chips, &[&label]);
            amounts.push((*c, radio));
        }
        let amount = field(
            doc,
            TextInput::Amount,
            s.custom_amount,
            &[("name", "amount-other"), ("inputmode", "decimal"), ("autocomplete", "transaction-amount")],
            Some(s.custom_amount_hint),
        );
        append(&amount_set, &[&chips, &amount.field]);
        append(&body, &[&amount_set]);

        // Frequency, when there is a choice.
        let mut frequencies = Vec::new();
        if f.frequencies.len() > 1 {
            let set = fieldset(doc, s.frequency_legend);
            let chips = el(doc, "div", "sir-chips");
            for (i, fr) in f.frequencies.iter().enumerate() {
                let (label, radio) = chip(doc, Choice::Frequency.name(), i, s.frequency_label(*fr));
                append(&chips, &[&label]);
                frequencies.push((*fr, radio));
            }
            append(&set, &[&chips]);
            append(&body, &[&set]);
        }

        let tip = suggested_tip.map(|suggested| {
            let set = fieldset(doc, s.tip_legend);
            let chips = el(doc, "div", "sir-chips");
            let chips_list = state::tip_chips(suggested)
                .into_iter()
                .enumerate()
                .map(|(i, choice)| {
                    let text = match choice {
                        TipChoice::None => s.tip_none.to_owned(),
                        TipChoice::Suggested => state::percent_label(suggested, f.locale),
                        TipChoice::Percent(p) => state::percent_label(p, f.locale),
                        TipChoice::Custom(_) => s.tip_custom.to_owned(),
                    };
                    let (label, radio) = chip(doc, Choice::Tip.name(), i, &text);
                    append(&chips, &[&label]);
                    (choice, radio)
                })
                .collect();
            let custom = field(doc, TextInput::Tip, s.tip_custom, &[("inputmode", "decimal")], None);
            custom.field.set_class_name("sir-field sir-custom-tip");
            let amount = el(doc, "p", "sir-tip-amount");
            attrs(&amount, &[("aria-live", "polite")]);
            append(&set, &[&with_text(doc, "p", "sir-hint", s.tip_explainer), &chips, &amount]);
            append(&body, &[&set]);
            TipView { suggested, set, chips: chips_list, custom, amount }
        });

        let donor = |which: TextInput, label, autocomplete, kind, hint| {
            field(
                doc,
                which,
                label,
                &[("name", which.id()), ("type", kind), ("autocomplete", autocomplete), ("required", "")],
                hint,
            )
        };
        let first = donor(TextInput::FirstName, s.first_name, "given-name", "text", None);
        let last = donor(TextInput::LastName, s.last_name, "family-name", "text", None);
        let email = donor(TextInput::Email, s.email, "email", "email", Some(s.email_hint));
        let row = el(doc, "div", "sir-row");
        append(&row, &[&first.field, &last.field]);
        let summary = el(doc, "section", "");
        attrs(&summary, &[("aria-label", s.summary_title)]);
        hook(&summary, named::SUMMARY);
        append(&body, &[&row, &email.field, &summary]);

        let footer = el(doc, "footer", "sir-panel__footer");
        let submit = el(doc, "button", "sir-submit");
        hook(&submit, named::SUBMIT);
        attrs(&submit, &[("type", "submit")]);
        append(&footer, &[&submit]);
        append(&form, &[&body, &footer]);
        FormView {
            form,
            body,
            alert: None,
            notice,
            amounts,
            amount,
            frequencies,
            tip,
            donor: [
                DonorField {
                    field: first,
                    kind: TextField::FirstName,
                    value: |st| &st.input.first_name,
                    problem: |e| e.first_name,
                },
                DonorField {
                    field: last,
                    kind: TextField::LastName,
                    value: |st| &st.input.last_name,
                    problem: |e| e.last_name,
                },
                DonorField { field: email, kind: TextField::Email, value: |st| &st.input.email, problem: |e| e.email },
            ],
            summary,
            summary_shown: None,
            submit: submit.unchecked_into(),
            submit_busy: None,
        }
    }

    pub fn sync(&mut self, doc: &Document, st: &State, f: &Fixed, name: &str, now_ms: f64) {
        let s = f.s;
        self.sync_alert(doc, st, s, now_ms);
        if let Some(text) = st.notice {
            set_text(&self.notice, text);
        }
        let after_alert = self.alert.as_ref().and_then(|a| a.root.next_sibling()).or_else(|| self.body.first_child());
        place(&self.body, &self.notice, st.notice.is_some(), after_alert.as_ref());

        for (c, radio) in &self.amounts {
            radio.set_checked(st.input.amount == AmountChoice::Preset(*c));
        }
        // The amount's error line says which limit or format was missed.
        let amount_error = st.errors.amount.map(|a| a.message(f.locale));
        self.amount.sync(&st.custom_amount, amount_error.as_deref());

        for (fr, radio) in &self.frequencies {
            radio.set_checked(st.input.frequency == *fr);
        }
        if let Some(tip) = &self.tip {
            let custom = matches!(st.input.tip, TipChoice::Custom(_));
            for (choice, radio) in &tip.chips {
                let on = match choice {
                    TipChoice::Custom(_) => custom,
                    other => st.input.tip == *other,
                };
                radio.set_checked(on);
            }
            place(&tip.set, &tip.custom.field, custom, Some(&tip.amount));
            tip.custom.sync(&st.custom_tip, st.errors.tip.then_some(s.err_tip));
            set_text(&tip.amount, &st.tip_text(s, f.locale, tip.suggested));
        }
        for donor in &self.donor {
            let error = (donor.problem)(&st.errors).map(|p| p.message(donor.kind, s));
            donor.field.sync((donor.value)(st), error.as_deref());
        }

        let summary = st.summary(s, f.locale, name);
        if summary != self.summary_shown {
            self.summary.set_text_content(None);
            if let Some(lines) = &summary {
                let block = el(doc, "div", "sir-summary");
                attrs(&block, &[("aria-live", "polite")]);
                append(&block, &[&with_text(doc, "p", "sir-summary__line", &lines[0])]);
                if !lines[1].is_empty() {
                    append(&block, &[&with_text(doc, "p", "sir-summary__line", &lines[1])]);
                }
                append(&block, &[&with_text(doc, "p", "sir-summary__total", &lines[2])]);
                append(&self.summary, &[&block]);
            }
            self.summary_shown = summary;
        }

        let busy = st.busy();
        if self.submit_busy != Some(busy) {
            set_flag(&self.submit, "disabled", busy);
            let _ = self.submit.set_attribute("aria-busy", bool_text(busy));
            self.submit.set_text_content(Some(if busy { s.submitting } else { s.continue_to_checkout }));
            if busy {
                let _ = self.submit.prepend_with_node_1(&spinner(doc));
            }
            self.submit_busy = Some(busy);
        }
    }

    fn sync_alert(&mut self, doc: &Document, st: &State, s: &Strings, now_ms: f64) {
        let Some(alert) = &st.alert else {
            if let Some(shown) = self.alert.take() {
                shown.root.remove();
            }
            return;
        };
        let kind = alert.error.code();
        let text = st.alert_text(s, now_ms).unwrap_or_default();
        let waiting = st.seconds_to_wait(now_ms).is_some();
        if let Some(shown) = self.alert.as_ref().filter(|a| a.kind == kind) {
            // The same alert: only its text (a countdown) and the retry's availability change.
            set_text(&shown.text, &text);
            if let Some(retry) = &shown.retry {
                set_flag(retry, "disabled", waiting);
            }
            return;
        }
        if let Some(old) = self.alert.take() {
            old.root.remove();
        }
        let root = el(doc, "div", "sir-alert");
        hook(&root, named::ALERT);
        attrs(&root, &[("role", "alert")]);
        let text = with_text(doc, "p", "", &text);
        append(&root, &[&text]);
        let retry = state::retryable(&alert.error).then(|| {
            let actions = el(doc, "div", "sir-alert__actions");
            let retry = button(doc, "sir-link-button", s.retry);
            Action::Retry.mark(&retry);
            set_flag(&retry, "disabled", waiting);
            append(&actions, &[&retry]);
            append(&root, &[&actions]);
            retry
        });
        let _ = self.body.prepend_with_node_1(&root);
        self.alert = Some(AlertView { kind, root, text, retry });
    }
}
