//! The names the view gives elements and the controller reads back: the actions of buttons,
//! the ids of text inputs and the names of radio groups. Each is spelled here once; the view
//! writes it with `mark`/`id`/`name`, the one delegated listener reads it back with `of`.

use web_sys::Element;

/// What a button does when clicked (its `data-act`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    /// The donate button: open the dialog (now, or once loaded).
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

const ACTION_ATTRIBUTE: &str = "data-act";
const ACTION_SELECTOR: &str = "[data-act]";

impl Action {
    const ALL: [Action; 6] = [Action::Open, Action::Reload, Action::Close, Action::Retry, Action::Done, Action::Again];

    fn name(self) -> &'static str {
        match self {
            Action::Open => "open",
            Action::Reload => "reload",
            Action::Close => "close",
            Action::Retry => "retry",
            Action::Done => "done",
            Action::Again => "again",
        }
    }

    /// Gives `button` this action.
    pub fn mark(self, button: &Element) {
        let _ = button.set_attribute(ACTION_ATTRIBUTE, self.name());
    }

    /// The action of the button `target` is in, if any.
    pub fn of(target: &Element) -> Option<Action> {
        let button = target.closest(ACTION_SELECTOR).ok().flatten()?;
        let name = button.get_attribute(ACTION_ATTRIBUTE)?;
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

    pub fn name(self) -> &'static str {
        match self {
            Choice::Amount => "amount",
            Choice::Frequency => "frequency",
            Choice::Tip => "tip",
        }
    }

    /// Which group a radio named `name` belongs to.
    pub fn of(name: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The id of the flow's heading, which names the dialog or the inline form.
pub(super) const TITLE_ID: &str = "sir-title";
