//! The widget's DOM: built with `createElement` and `textContent` only (no text from the API or
//! the host page is ever parsed as HTML), then kept in step with the [`State`] by `sync`, which
//! touches only what changed. Controls carry `data-act` (buttons) or their ids and names (fields),
//! which is how the one delegated listener in the parent module tells them apart.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement, HtmlElement, HtmlInputElement, Node};

use super::state::{self, Outcome, State};
use crate::api::{Frequency, StatusWord};
use crate::donation::{AmountChoice, FieldErrors, TextField, TextProblem, TipChoice};
use crate::i18n::{Locale, Strings};
use crate::money::{Cents, format_decimal, format_money};
use crate::text::{cat, digits};

/// What does not change while the widget lives.
pub(super) struct Fixed<'a> {
    pub s: &'static Strings,
    pub locale: Locale,
    pub slug: &'a str,
    pub presets: &'a [Cents],
    pub frequencies: &'a [Frequency],
}

impl Fixed<'_> {
    fn money(&self, amount: Cents) -> String {
        format_money(amount, self.locale)
    }
}

/// The elements of a mounted widget that change.
pub(super) struct View {
    doc: Document,
    pub root: Element,
    pub button: HtmlElement,
    button_logo: Element,
    button_label: Element,
    note: Element,
    note_shown: Option<(String, bool)>,
    pub dialog: Option<DialogView>,
}

pub(super) struct DialogView {
    pub dialog: HtmlDialogElement,
    header: Element,
    logo: Element,
    title: Element,
    loading: Element,
    form: Option<FormView>,
    outcome: Option<(Outcome, Element)>,
}

struct FormView {
    form: Element,
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

// ---- building blocks ----

fn el(doc: &Document, tag: &str, class: &str) -> Element {
    // Tag names are constants of this module, so creation cannot fail.
    let element = doc.create_element(tag).expect("valid tag name");
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

fn with_text(doc: &Document, tag: &str, class: &str, text: &str) -> Element {
    let element = el(doc, tag, class);
    element.set_text_content(Some(text));
    element
}

fn attrs(element: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = element.set_attribute(name, value);
    }
}

fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

fn set_attr(element: &Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

fn set_flag(element: &Element, name: &str, on: bool) {
    let _ = element.toggle_attribute_with_force(name, on);
}

fn bool_text(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// Puts `child` into `parent` (before `before`, or last) or takes it out.
fn place(parent: &Element, child: &Element, shown: bool, before: Option<&Node>) {
    let here = child.parent_node().is_some();
    if shown && !here {
        let _ = parent.insert_before(child, before);
    } else if !shown && here {
        child.remove();
    }
}

fn input(element: Element) -> HtmlInputElement {
    element.unchecked_into()
}

/// `<label class="sir-chip"><input type="radio">…</label>`; `value` tells the listener which.
fn chip(doc: &Document, name: &str, value: usize, text: &str) -> (Element, HtmlInputElement) {
    let label = el(doc, "label", "sir-chip");
    let radio = el(doc, "input", "sir-chip__input");
    attrs(&radio, &[("type", "radio"), ("name", name), ("value", &digits(value as u64))]);
    append(&label, &[&radio, &with_text(doc, "span", "sir-chip__text", text)]);
    (label, input(radio))
}

fn fieldset(doc: &Document, legend: &str) -> Element {
    let set = el(doc, "fieldset", "sir-fieldset");
    append(&set, &[&with_text(doc, "legend", "sir-legend", legend)]);
    set
}

fn spinner(doc: &Document) -> Element {
    let spin = el(doc, "span", "sir-spinner");
    attrs(&spin, &[("aria-hidden", "true")]);
    spin
}

fn logo(doc: &Document, class: &str, size: &str) -> Element {
    let img = el(doc, "img", class);
    attrs(&img, &[("alt", ""), ("width", size), ("height", size)]);
    img
}

/// Shows or hides a logo, pointing it at `src` (checked by the state) when shown.
fn sync_logo(img: &Element, parent: &Element, src: Option<&str>, before: Option<&Node>) {
    if let Some(src) = src {
        set_attr(img, "src", src);
    }
    place(parent, img, src.is_some(), before);
}

// ---- the button ----

impl View {
    /// The root, the donate button and the (initially absent) note under it.
    pub fn new(doc: Document, container: &Element, theme: &str, label: &str) -> View {
        let root = el(&doc, "div", &cat(&["sir sir--", theme]));
        let button = el(&doc, "button", "sir-button");
        attrs(&button, &[("type", "button"), ("aria-haspopup", "dialog"), ("data-act", "open")]);
        let button_label = with_text(&doc, "span", "sir-button__label", label);
        append(&button, &[&button_label]);
        append(&root, &[&button]);
        let _ = container.append_child(&root);
        let note = el(&doc, "p", "sir-note");
        View {
            button: button.unchecked_into(),
            button_logo: logo(&doc, "sir-button__logo", "24"),
            button_label,
            note,
            note_shown: None,
            dialog: None,
            root,
            doc,
        }
    }

    /// A configuration problem, shown in place of the button to the site developer.
    pub fn config_problem(doc: &Document, container: &Element, theme: &str, title: &str, message: &str) -> Element {
        let root = el(doc, "div", &cat(&["sir sir--", theme]));
        let note = el(doc, "div", "sir-config-error");
        attrs(&note, &[("role", "note")]);
        append(&note, &[&with_text(doc, "strong", "", title), &with_text(doc, "p", "", message)]);
        append(&root, &[&note]);
        let _ = container.append_child(&root);
        root
    }

    /// Brings the DOM in step with `st`.
    pub fn sync(&mut self, st: &State, f: &Fixed, now_ms: f64) {
        let s = f.s;
        let name = st.nonprofit_name(f.slug);
        set_attr(&self.button, "aria-label", &(s.donate_to)(name));
        // Disabled only when donating is impossible. While loading the button stays focusable
        // and clickable (aria-disabled): a click then opens the dialog when ready. After a load
        // that a new attempt may fix, a click loads again (and then opens).
        let off = st.cannot_donate();
        set_flag(&self.button, "disabled", off);
        let loading = matches!(st.load, state::Load::Loading);
        set_attr(&self.button, "aria-disabled", bool_text(loading));
        set_attr(&self.button, "aria-busy", bool_text(loading));
        sync_logo(&self.button_logo, &self.button, st.logo(true), Some(&self.button_label));

        let note = st.note(s);
        if note != self.note_shown {
            self.note.set_text_content(None);
            if let Some((text, retry)) = &note {
                let _ = self.note.append_with_str_1(text);
                if *retry {
                    let again = with_text(&self.doc, "button", "sir-link-button", s.retry);
                    attrs(&again, &[("type", "button"), ("data-act", "reload")]);
                    let _ = self.note.append_with_str_1(" ");
                    append(&self.note, &[&again]);
                }
                // A followed donation and a failure the donor can retry are news; a disabled
                // button's reason is not.
                set_flag(&self.note, "role", false);
                if !off {
                    attrs(&self.note, &[("role", "status")]);
                }
            }
            place(&self.root, &self.note, note.is_some(), self.button.next_sibling().as_ref());
            self.note_shown = note;
        }
        if let Some(dialog) = &mut self.dialog {
            dialog.sync(&self.doc, st, f, name, now_ms);
        }
    }

    /// Builds the dialog the first time it is needed, so closed widgets hold only a button.
    pub fn dialog(&mut self, st: &State, f: &Fixed, now_ms: f64) -> &HtmlDialogElement {
        if self.dialog.is_none() {
            let view = DialogView::new(&self.doc, f.s);
            append(&self.root, &[&view.dialog]);
            self.dialog = Some(view);
            self.sync(st, f, now_ms);
        }
        &self.dialog.as_ref().expect("built above").dialog
    }
}

// ---- the dialog ----

impl DialogView {
    fn new(doc: &Document, s: &Strings) -> DialogView {
        let dialog = el(doc, "dialog", "sir-dialog");
        attrs(&dialog, &[("role", "dialog"), ("aria-modal", "true"), ("aria-labelledby", "sir-title")]);
        let header = el(doc, "header", "sir-dialog__header");
        let title = el(doc, "h2", "sir-dialog__title");
        attrs(&title, &[("id", "sir-title")]);
        let close = el(doc, "button", "sir-close");
        attrs(&close, &[("type", "button"), ("aria-label", s.close), ("data-act", "close")]);
        let cross = with_text(doc, "span", "", "×");
        attrs(&cross, &[("aria-hidden", "true")]);
        append(&close, &[&cross]);
        append(&header, &[&title, &close]);
        let loading = el(doc, "div", "sir-dialog__body");
        append(&loading, &[&with_text(doc, "p", "", s.loading)]);
        append(&dialog, &[&header, &loading]);
        DialogView {
            dialog: dialog.unchecked_into(),
            header,
            logo: logo(doc, "sir-dialog__logo", "40"),
            title,
            loading,
            form: None,
            outcome: None,
        }
    }

    fn sync(&mut self, doc: &Document, st: &State, f: &Fixed, name: &str, now_ms: f64) {
        sync_logo(&self.logo, &self.header, st.logo(false), Some(&self.title));
        set_text(&self.title, &(f.s.dialog_title)(name));
        let body = if let Some(outcome) = st.outcome() {
            if self.outcome.as_ref().is_none_or(|(shown, _)| *shown != outcome) {
                let element = outcome_view(doc, f, &outcome, name);
                self.outcome = Some((outcome, element));
            }
            self.outcome.as_ref().map(|(_, e)| e.clone())
        } else if st.is_ready() {
            let form = self.form.get_or_insert_with(|| FormView::new(doc, f, st.suggested_tip()));
            form.sync(doc, st, f, name, now_ms);
            Some(form.form.clone())
        } else {
            None
        };
        let body = body.unwrap_or_else(|| self.loading.clone());
        let shown = self.header.next_element_sibling();
        if shown.as_ref() != Some(&body) {
            if let Some(old) = shown {
                old.remove();
            }
            append(&self.dialog, &[&body]);
        }
    }
}

fn outcome_view(doc: &Document, f: &Fixed, outcome: &Outcome, name: &str) -> Element {
    let s = f.s;
    let body = el(doc, "div", "sir-dialog__body");
    let status = el(doc, "div", "sir-outcome");
    attrs(&status, &[("role", "status")]);
    append(&body, &[&status]);
    let icon = |class: &str, text: &str| {
        let icon = with_text(doc, "div", class, text);
        attrs(&icon, &[("aria-hidden", "true")]);
        icon
    };
    let line = |text: &str| with_text(doc, "p", "sir-outcome__body", text);
    let action = |text: &str, act: &str| {
        let button = with_text(doc, "button", "sir-submit", text);
        attrs(&button, &[("type", "button"), ("data-act", act)]);
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
            action(s.done, "done");
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
            action(s.try_again, "again");
        }
    }
    body
}

// ---- the form ----

/// `<div class="sir-field">` with its label, input, optional hint and (empty) error line.
fn field(doc: &Document, id: &str, label: &str, input_attrs: &[(&str, &str)], hint: Option<&str>) -> Field {
    let field = el(doc, "div", "sir-field");
    let label = with_text(doc, "label", "sir-label", label);
    attrs(&label, &[("for", id)]);
    let control = el(doc, "input", "sir-input");
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
    fn new(doc: &Document, f: &Fixed, suggested_tip: Option<f64>) -> FormView {
        let s = f.s;
        let form = el(doc, "form", "sir-form");
        attrs(&form, &[("novalidate", "")]);
        let body = el(doc, "div", "sir-dialog__body");
        let notice = el(doc, "div", "sir-alert sir-alert--info");
        attrs(&notice, &[("role", "status")]);

        // Amount: presets and "other".
        let amount_set = fieldset(doc, s.amount_legend);
        let chips = el(doc, "div", "sir-chips");
        let mut amounts = Vec::new();
        for (i, c) in f.presets.iter().enumerate() {
            let (label, radio) = chip(doc, "amount", i, &f.money(*c));
            append(&chips, &[&label]);
            amounts.push((*c, radio));
        }
        let amount = field(
            doc,
            "sir-amount",
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
                let (label, radio) = chip(doc, "frequency", i, s.frequency_label(*fr));
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
                    let (label, radio) = chip(doc, "tip", i, &text);
                    append(&chips, &[&label]);
                    (choice, radio)
                })
                .collect();
            let custom = field(doc, "sir-tip", s.tip_custom, &[("inputmode", "decimal")], None);
            custom.field.set_class_name("sir-field sir-custom-tip");
            let amount = el(doc, "p", "sir-tip-amount");
            attrs(&amount, &[("aria-live", "polite")]);
            append(&set, &[&with_text(doc, "p", "sir-hint", s.tip_explainer), &chips, &amount]);
            append(&body, &[&set]);
            TipView { suggested, set, chips: chips_list, custom, amount }
        });

        let donor = |id, label, autocomplete, kind, hint| {
            field(
                doc,
                id,
                label,
                &[("name", id), ("type", kind), ("autocomplete", autocomplete), ("required", "")],
                hint,
            )
        };
        let first = donor("sir-first-name", s.first_name, "given-name", "text", None);
        let last = donor("sir-last-name", s.last_name, "family-name", "text", None);
        let email = donor("sir-email", s.email, "email", "email", Some(s.email_hint));
        let row = el(doc, "div", "sir-row");
        append(&row, &[&first.field, &last.field]);
        let summary = el(doc, "section", "");
        attrs(&summary, &[("aria-label", s.summary_title)]);
        append(&body, &[&row, &email.field, &summary]);

        let footer = el(doc, "footer", "sir-dialog__footer");
        let submit = el(doc, "button", "sir-submit");
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

    fn sync(&mut self, doc: &Document, st: &State, f: &Fixed, name: &str, now_ms: f64) {
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
        attrs(&root, &[("role", "alert")]);
        let text = with_text(doc, "p", "", &text);
        append(&root, &[&text]);
        let retry = state::retryable(&alert.error).then(|| {
            let actions = el(doc, "div", "sir-alert__actions");
            let retry = with_text(doc, "button", "sir-link-button", s.retry);
            attrs(&retry, &[("type", "button"), ("data-act", "retry")]);
            set_flag(&retry, "disabled", waiting);
            append(&actions, &[&retry]);
            append(&root, &[&actions]);
            retry
        });
        let _ = self.body.prepend_with_node_1(&root);
        self.alert = Some(AlertView { kind, root, text, retry });
    }
}
