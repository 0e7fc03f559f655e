//! The names the view gives elements and the controller reads back: the actions of buttons,
//! the ids of text inputs and the names of radio groups. Each is spelled here once; the view
//! writes it with `mark`/`id`/`name`, the one delegated listener reads it back with `of`.
//!
//! The same names are the widget's **element hooks** for test authors and host pages: every
//! element a test needs carries `data-sir="…"` (the README lists them), with its value from
//! `ui::hook_names`, where each is spelled once. They are a stable contract, unlike classes and
//! the markup around them, and `sir_donate::testing` finds elements by them alone.

use web_sys::Element;

/// What a button does when clicked (its hook).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    /// The donate button (`data-sir="donate"`): open the dialog (now, or once loaded).
    Open,
    /// Try again after a load that failed.
    Reload,
    /// Close the dialog.
    Close,
    /// Send the same donation once more, after a submission that failed.
    Retry,
    /// Leave the thank-you (and close the dialog).
    Done,
    /// Back to the form after a donation that did not go through.
    Again,
}

use crate::ui::hook_names::{ATTRIBUTE as HOOK_ATTRIBUTE, SELECTOR as HOOK_SELECTOR};

/// Gives `element` the hook `name` (`data-sir="name"`).
pub(super) fn hook(element: &Element, name: &str) {
    let _ = element.set_attribute(HOOK_ATTRIBUTE, name);
}

/// Elements that are neither a button with an action nor a text input or a radio.
pub(super) use crate::ui::hook_names as named;

impl Action {
    const ALL: [Action; 6] = [Action::Open, Action::Reload, Action::Close, Action::Retry, Action::Done, Action::Again];

    fn name(self) -> &'static str {
        match self {
            Action::Open => named::DONATE,
            Action::Reload => named::RELOAD,
            Action::Close => named::CLOSE,
            Action::Retry => named::RETRY,
            Action::Done => named::DONE,
            Action::Again => named::AGAIN,
        }
    }

    /// Gives `button` this action, as its hook.
    pub fn mark(self, button: &Element) {
        hook(button, self.name());
    }

    /// The action of the button `target` is in, if any: the nearest hooked element, when its
    /// hook is an action.
    pub fn of(target: &Element) -> Option<Action> {
        let hooked = target.closest(HOOK_SELECTOR).ok().flatten()?;
        let name = hooked.get_attribute(HOOK_ATTRIBUTE)?;
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The text inputs, by their ids (unique within the widget's shadow root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextInput {
    /// "Other amount".
    Amount,
    /// "Other" tip share.
    Tip,
    FirstName,
    LastName,
    Email,
}

impl TextInput {
    const ALL: [TextInput; 5] =
        [TextInput::Amount, TextInput::Tip, TextInput::FirstName, TextInput::LastName, TextInput::Email];

    pub fn id(self) -> &'static str {
        match self {
            TextInput::Amount => "sir-amount",
            TextInput::Tip => "sir-tip",
            TextInput::FirstName => "sir-first-name",
            TextInput::LastName => "sir-last-name",
            TextInput::Email => "sir-email",
        }
    }

    /// Its hook; its error line's is this followed by `-error`.
    pub fn hook(self) -> &'static str {
        match self {
            TextInput::Amount => named::OTHER_AMOUNT,
            TextInput::Tip => named::OTHER_TIP,
            TextInput::FirstName => named::FIRST_NAME,
            TextInput::LastName => named::LAST_NAME,
            TextInput::Email => named::EMAIL,
        }
    }

    /// Which input `target` is.
    pub fn of(target: &Element) -> Option<TextInput> {
        let id = target.id();
        TextInput::ALL.into_iter().find(|i| i.id() == id)
    }
}

/// The radio groups (chips), by their `name`; a radio's `value` is its option's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Choice {
    Amount,
    Frequency,
    Tip,
}

impl Choice {
    const ALL: [Choice; 3] = [Choice::Amount, Choice::Frequency, Choice::Tip];

    /// The radios' `name`, and their hook.
    pub fn name(self) -> &'static str {
        match self {
            Choice::Amount => named::AMOUNT,
            Choice::Frequency => named::FREQUENCY,
            Choice::Tip => named::TIP,
        }
    }

    /// Which group a radio named `name` belongs to.
    pub fn of(name: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The id of the flow's heading, which names the dialog or the inline form.
pub(super) const TITLE_ID: &str = "sir-title";
