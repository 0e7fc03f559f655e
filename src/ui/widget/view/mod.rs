//! The widget's DOM, kept in step with the [`State`] by `sync`, which touches only what changed.
//! Two containers show the one donor flow ([`flow`]): a donate button whose `<dialog>` holds the
//! flow (built on first open, so a page of closed buttons holds only buttons), or an inline
//! panel that holds it in place in the page. Controls are named through [`hooks`](super::hooks),
//! which is how the one delegated listener tells them apart.

mod build;
mod flow;
mod form;
mod outcome;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement, HtmlElement};

use super::hooks::{Action, TITLE_ID, hook, named};
use super::state::{self, State};
use crate::api::Frequency;
use crate::donation::Mode;
use crate::i18n::{Locale, Strings};
use crate::money::{Cents, format_money};
use crate::text::cat;
use build::{append, attrs, bool_text, button, el, logo, place, set_attr, set_flag, sync_logo, with_text};
use flow::FlowView;

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
    shell: Shell,
}

/// The root's classes: the theme, and the inline layout.
fn root_class(theme: &str, inline: bool) -> String {
    cat(&["sir ", if inline { "sir--inline " } else { "" }, "sir--", theme])
}

/// Where the flow is shown.
enum Shell {
    Button(ButtonView),
    Inline(FlowView),
}

/// The donate button, the note under it and, once opened, the dialog.
struct ButtonView {
    button: HtmlElement,
    logo: Element,
    label: Element,
    note: Element,
    note_shown: Option<(String, bool)>,
    dialog: Option<(HtmlDialogElement, FlowView)>,
}

impl View {
    /// The root and what the mode shows at once: the button, or the inline panel (loading).
    pub fn new(doc: Document, container: &Element, theme: &str, mode: Mode, label: &str, s: &Strings) -> View {
        let root = el(&doc, "div", &root_class(theme, mode == Mode::Inline));
        let shell = match mode {
            Mode::Button => {
                let button = button(&doc, "sir-button", "");
                attrs(&button, &[("aria-haspopup", "dialog")]);
                Action::Open.mark(&button);
                let label = with_text(&doc, "span", "sir-button__label", label);
                append(&button, &[&label]);
                append(&root, &[&button]);
                Shell::Button(ButtonView {
                    button: button.unchecked_into(),
                    logo: logo(&doc, "sir-button__logo", "24"),
                    label,
                    note: {
                        let note = el(&doc, "p", "sir-note");
                        hook(&note, named::NOTE);
                        note
                    },
                    note_shown: None,
                    dialog: None,
                })
            }
            Mode::Inline => {
                let panel = el(&doc, "section", "sir-inline");
                attrs(&panel, &[("aria-labelledby", TITLE_ID), ("tabindex", "-1")]);
                hook(&panel, named::INLINE);
                append(&root, &[&panel]);
                Shell::Inline(FlowView::new(&doc, s, panel, None))
            }
        };
        let _ = container.append_child(&root);
        View { doc, root, shell }
    }

    /// A configuration problem, shown in place of the widget to the site developer.
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
        let name = st.nonprofit_name(f.slug);
        match &mut self.shell {
            Shell::Button(view) => {
                view.sync(&self.doc, &self.root, st, f.s, name);
                if let Some((_, flow)) = &mut view.dialog {
                    flow.sync(&self.doc, st, f, name, now_ms);
                }
            }
            Shell::Inline(flow) => flow.sync(&self.doc, st, f, name, now_ms),
        }
    }

    /// New settings: the theme, the button's label, and the flow's texts and options (its
    /// bodies are built again on the next sync).
    pub fn restyle(&mut self, theme: &str, label: &str, s: &Strings) {
        let inline = matches!(self.shell, Shell::Inline(_));
        self.root.set_class_name(&root_class(theme, inline));
        match &mut self.shell {
            Shell::Button(view) => {
                build::set_text(&view.label, label);
                // The note is built again from the state in the new language.
                view.note_shown = None;
                if let Some((_, flow)) = &mut view.dialog {
                    flow.reset(&self.doc, s);
                }
            }
            Shell::Inline(flow) => flow.reset(&self.doc, s),
        }
    }

    /// The id of the element that has focus in the widget, if any.
    pub fn focused_id(&self) -> Option<String> {
        let shadow = self.root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()?;
        Some(shadow.active_element()?.id()).filter(|id| !id.is_empty())
    }

    /// Moves focus to the element with `id`, if there is one.
    pub fn focus_id(&self, id: &str) {
        let Ok(shadow) = self.root.get_root_node().dyn_into::<web_sys::ShadowRoot>() else { return };
        if let Some(el) = shadow.get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// The donate button, in button mode.
    pub fn button(&self) -> Option<&HtmlElement> {
        match &self.shell {
            Shell::Button(view) => Some(&view.button),
            Shell::Inline(_) => None,
        }
    }

    /// The dialog, if it was built.
    pub fn dialog(&self) -> Option<&HtmlDialogElement> {
        match &self.shell {
            Shell::Button(view) => view.dialog.as_ref().map(|(dialog, _)| dialog),
            Shell::Inline(_) => None,
        }
    }

    /// The dialog, built the first time it is needed; `None` inline, where there is none.
    pub fn dialog_to_open(&mut self, st: &State, f: &Fixed, now_ms: f64) -> Option<HtmlDialogElement> {
        let Shell::Button(view) = &mut self.shell else { return None };
        if view.dialog.is_none() {
            let doc = &self.doc;
            let dialog = el(doc, "dialog", "sir-dialog");
            attrs(&dialog, &[("role", "dialog"), ("aria-modal", "true"), ("aria-labelledby", TITLE_ID)]);
            hook(&dialog, named::DIALOG);
            let close = button(doc, "sir-close", "");
            attrs(&close, &[("aria-label", f.s.close)]);
            Action::Close.mark(&close);
            let cross = with_text(doc, "span", "", "×");
            attrs(&cross, &[("aria-hidden", "true")]);
            append(&close, &[&cross]);
            let flow = FlowView::new(doc, f.s, dialog.clone(), Some(&close));
            append(&self.root, &[&dialog]);
            view.dialog = Some((dialog.unchecked_into(), flow));
            self.sync(st, f, now_ms);
        }
        self.dialog().cloned()
    }

    /// Where the flow is now: the dialog (once built) or the inline panel.
    pub fn flow(&self) -> Option<(&Element, Option<Element>)> {
        let flow = match &self.shell {
            Shell::Button(view) => &view.dialog.as_ref()?.1,
            Shell::Inline(flow) => flow,
        };
        Some((flow.frame(), flow.body()))
    }
}

impl ButtonView {
    fn sync(&mut self, doc: &Document, root: &Element, st: &State, s: &Strings, name: &str) {
        set_attr(&self.button, "aria-label", &(s.donate_to)(name));
        // Disabled only when donating is impossible. While loading the button stays focusable
        // and clickable (aria-disabled): a click then opens the dialog when ready. After a load
        // that a new attempt may fix, a click loads again (and then opens).
        let off = st.cannot_donate();
        set_flag(&self.button, "disabled", off);
        let loading = matches!(st.load, state::Load::Loading);
        set_attr(&self.button, "aria-disabled", bool_text(loading));
        set_attr(&self.button, "aria-busy", bool_text(loading));
        sync_logo(&self.logo, &self.button, st.logo(true), Some(&self.label));

        let note = st.note(s);
        if note != self.note_shown {
            self.note.set_text_content(None);
            if let Some((text, retry)) = &note {
                let _ = self.note.append_with_str_1(text);
                if *retry {
                    let again = button(doc, "sir-link-button", s.retry);
                    Action::Reload.mark(&again);
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
            place(root, &self.note, note.is_some(), self.button.next_sibling().as_ref());
            self.note_shown = note;
        }
    }
}
