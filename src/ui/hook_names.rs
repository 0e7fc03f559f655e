//! The widget's element hooks: the values of its `data-sir` attributes, a stable contract
//! (unlike its classes, ids and markup), spelled here once. The widget writes them
//! (`ui::widget::hooks`) and its delegated listener reads the actions back; test authors get them
//! as `sir_donate::testing::hooks`.
// Read by the widget and, with the `testing` feature, by the kit; some only by the kit.
#![allow(dead_code)]

/// The attribute that holds a hook.
pub const ATTRIBUTE: &str = "data-sir";
/// A selector for any hooked element (`[data-sir]`).
pub const SELECTOR: &str = "[data-sir]";

/// The donate button (button mode).
pub const DONATE: &str = "donate";
/// "Try again" after a load that failed, in the note under the button or in the inline panel.
pub const RELOAD: &str = "reload";
/// The dialog's close button.
pub const CLOSE: &str = "close";
/// "Try again" in the alert of a submission that failed.
pub const RETRY: &str = "retry";
/// Leaves the thank-you (and closes the dialog).
pub const DONE: &str = "done";
/// Back to the form after a donation that did not go through.
pub const AGAIN: &str = "again";
/// The "Other amount" text input.
pub const OTHER_AMOUNT: &str = "other-amount";
/// The "Other" tip text input (shown once its chip is chosen).
pub const OTHER_TIP: &str = "other-tip";
/// The donor's first name.
pub const FIRST_NAME: &str = "first-name";
/// The donor's last name.
pub const LAST_NAME: &str = "last-name";
/// The donor's email.
pub const EMAIL: &str = "email";
/// What ends a text input's hook to make its error line's (`first-name-error`).
pub const ERROR_SUFFIX: &str = "-error";
/// The amount radios (`input[type=radio]`; the chip's text is the next sibling `span`).
pub const AMOUNT: &str = "amount";
/// The frequency radios (only when more than one frequency is offered).
pub const FREQUENCY: &str = "frequency";
/// The tip radios (only when the partner's configuration offers a tip).
pub const TIP: &str = "tip";
/// The `<dialog>` (button mode, built on first open).
pub const DIALOG: &str = "dialog";
/// The inline panel (inline mode).
pub const INLINE: &str = "inline";
/// The flow's heading, which names the nonprofit.
pub const TITLE: &str = "title";
/// The donation form.
pub const FORM: &str = "form";
/// The form's submit button.
pub const SUBMIT: &str = "submit";
/// The alert of a submission that failed.
pub const ALERT: &str = "alert";
/// An informative notice at the top of the form (a checkout window that was blocked).
pub const NOTICE: &str = "notice";
/// The summary of the donation (amount, tip, total).
pub const SUMMARY: &str = "summary";
/// What became of a donation, after the trip to checkout.
pub const OUTCOME: &str = "outcome";
/// The line under the donate button (a followed donation, a failed load), or the inline
/// panel's failure line.
pub const NOTE: &str = "note";

/// Every hook, the error lines of the five text inputs included.
pub const ALL: [&str; 29] = [
    DONATE,
    RELOAD,
    CLOSE,
    RETRY,
    DONE,
    AGAIN,
    OTHER_AMOUNT,
    OTHER_TIP,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    "other-amount-error",
    "other-tip-error",
    "first-name-error",
    "last-name-error",
    "email-error",
    AMOUNT,
    FREQUENCY,
    TIP,
    DIALOG,
    INLINE,
    TITLE,
    FORM,
    SUBMIT,
    ALERT,
    NOTICE,
    SUMMARY,
    OUTCOME,
    NOTE,
];
