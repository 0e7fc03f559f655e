//! The donor flow, wherever it is shown: a heading (the nonprofit's logo and name) and one body
//! chosen by the state: the loading line, why donating is not possible now, the form, or what
//! became of a donation. The containers (the dialog, the inline panel) hand it the element it
//! renders into and know nothing of what it shows.

use web_sys::{Document, Element};

use super::super::hooks::{Action, TITLE_ID, hook, named};
use super::super::state::{Outcome, State};
use super::Fixed;
use super::build::{append, attrs, button, el, logo, place, set_attr, set_text, sync_logo, with_text};
use super::form::FormView;
use super::outcome::outcome_view;
use crate::i18n::Strings;

pub(super) struct FlowView {
    frame: Element,
    header: Element,
    logo: Element,
    title: Element,
    /// The dialog's close button, whose name is in the donor's language.
    close: Option<Element>,
    loading: Element,
    /// Why donating is not possible now, with a way to try again when one may help.
    problem: Option<((String, bool), Element)>,
    form: Option<FormView>,
    outcome: Option<(Outcome, Element)>,
}

impl FlowView {
    /// Renders into `frame`; `close` (the dialog's close button) ends the heading.
    pub fn new(doc: &Document, s: &Strings, frame: Element, close: Option<&Element>) -> FlowView {
        let header = el(doc, "header", "sir-panel__header");
        let title = el(doc, "h2", "sir-panel__title");
        attrs(&title, &[("id", TITLE_ID)]);
        hook(&title, named::TITLE);
        append(&header, &[&title]);
        if let Some(close) = close {
            append(&header, &[close]);
        }
        let loading = loading_view(doc, s);
        append(&frame, &[&header, &loading]);
        FlowView {
            frame,
            header,
            logo: logo(doc, "sir-panel__logo", "40"),
            title,
            close: close.cloned(),
            loading,
            problem: None,
            form: None,
            outcome: None,
        }
    }

    /// Forgets every body built with the old texts and options (the next sync builds them
    /// again from the state, so nothing the donor typed is lost).
    pub fn reset(&mut self, doc: &Document, s: &Strings) {
        if let Some(close) = &self.close {
            attrs(close, &[("aria-label", s.close)]);
        }
        let loading = loading_view(doc, s);
        if self.body().as_ref() == Some(&self.loading) {
            let _ = self.loading.replace_with_with_node_1(&loading);
        }
        self.loading = loading;
        self.problem = None;
        self.form = None;
        self.outcome = None;
    }

    /// The element the flow renders into: the `<dialog>` or the inline panel.
    pub fn frame(&self) -> &Element {
        &self.frame
    }

    /// The body shown now (the frame's last child, after the heading when it is shown).
    pub fn body(&self) -> Option<Element> {
        self.frame.last_element_child().filter(|b| *b != self.header)
    }

    pub fn sync(&mut self, doc: &Document, st: &State, f: &Fixed, name: &str, now_ms: f64) {
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
        } else if let Some(problem) = st.load_problem(f.s) {
            if self.problem.as_ref().is_none_or(|(shown, _)| *shown != problem) {
                let element = problem_view(doc, f.s, &problem, st.cannot_donate());
                self.problem = Some((problem, element));
            }
            self.problem.as_ref().map(|(_, e)| e.clone())
        } else {
            None
        };
        let loading = body.is_none();
        let body = body.unwrap_or_else(|| self.loading.clone());
        let shown = self.body();
        if shown.as_ref() != Some(&body) {
            if let Some(old) = shown {
                old.remove();
            }
            append(&self.frame, &[&body]);
        }
        // While loading the heading would name the slug, then grow (the nonprofit's name, its
        // logo) and push the page down: it appears with what follows it instead.
        place(&self.frame, &self.header, !loading, self.frame.first_child().as_ref());
        // The frame is named by the heading once there is one, and busy until then.
        if loading {
            let _ = self.frame.remove_attribute("aria-labelledby");
        } else {
            set_attr(&self.frame, "aria-labelledby", TITLE_ID);
        }
        set_attr(&self.frame, "aria-busy", if loading { "true" } else { "false" });
    }
}

fn loading_view(doc: &Document, s: &Strings) -> Element {
    let body = el(doc, "div", "sir-panel__body");
    append(&body, &[&with_text(doc, "p", "sir-loading", s.loading)]);
    body
}

/// Why the flow cannot go on, and a Try again button when a new attempt may help.
fn problem_view(doc: &Document, s: &Strings, (text, retry): &(String, bool), final_: bool) -> Element {
    let body = el(doc, "div", "sir-panel__body");
    let note = with_text(doc, "p", "sir-note", text);
    hook(&note, named::NOTE);
    // A failure the donor can retry is news; a reason that will not change is not.
    if !final_ {
        attrs(&note, &[("role", "status")]);
    }
    append(&body, &[&note]);
    if *retry {
        let again = button(doc, "sir-link-button", s.retry);
        Action::Reload.mark(&again);
        let _ = note.append_with_str_1(" ");
        append(&note, &[&again]);
    }
    body
}
