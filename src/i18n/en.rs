//! English: the default, and the reference the other languages translate.

use super::Strings;
use crate::text::{cat, digits};

/// All English text.
pub static STRINGS: Strings = Strings {
    donate: "Donate",
    donate_to: |name| cat(&["Donate to ", name]),
    dialog_title: |name| cat(&["Donate to ", name]),
    close: "Close",
    loading: "Loading…",

    amount_legend: "Amount",
    custom_amount: "Other amount",
    custom_amount_hint: "Between $1 and $100,000",

    frequency_legend: "Frequency",
    once: "One time",
    monthly: "Monthly",
    per_month: "/month",
    once_word: "one-time",
    monthly_word: "monthly",

    tip_legend: "Support SIR Giving",
    tip_explainer: "An optional tip keeps the platform free for nonprofits.",
    tip_none: "No tip",
    tip_custom: "Other %",
    tip_amount: |money| cat(&["Tip: ", money]),

    first_name: "First name",
    last_name: "Last name",
    email: "Email",
    email_hint: "For your receipt",

    summary_title: "Summary",
    summary_line: |amount, frequency, nonprofit| cat(&["A ", frequency, " donation of ", amount, " to ", nonprofit]),
    summary_total: |money| cat(&["Total: ", money]),
    continue_to_checkout: "Continue to secure checkout",
    submitting: "Creating your secure checkout…",
    preparing_checkout: "Preparing checkout…",

    err_amount_empty: "Enter an amount.",
    err_amount_nan: "Enter an amount in numbers, like 25 or 25.50.",
    err_amount_negative: "The amount can’t be negative.",
    err_amount_zero: "Enter an amount greater than zero.",
    err_amount_decimals: "Use at most two digits after the decimal point.",
    err_amount_comma: "Use a point for cents, like 12.50; a comma only separates thousands, like 1,250.",
    err_amount_min: |min| cat(&["The minimum donation is ", min, "."]),
    err_amount_max: |max| cat(&["The maximum donation is ", max, "."]),
    err_first_name: "Enter your first name.",
    err_last_name: "Enter your last name.",
    err_email: "Enter a valid email address, like name@example.com.",
    err_too_long: |label, max| cat(&[label, " is too long: use at most ", &digits(max), " characters."]),
    err_control_characters: |label| cat(&[label, " can’t contain tabs or line breaks."]),
    err_refused: |label| cat(&[label, " wasn’t accepted by the donation service. Please check it."]),
    err_tip: "Choose a tip between 0% and 100%.",

    err_unavailable: "Donations aren’t available on this page right now.",
    err_not_found: "We couldn’t find this nonprofit or donation.",
    err_validation: "Please check the highlighted fields.",
    err_rate_limited: |seconds| cat(&["Too many requests. Try again in ", &digits(seconds), " s."]),
    err_rate_limited_soon: "Too many requests. Please try again in a moment.",
    err_server: "Something went wrong on our side. Please try again.",
    err_network: "We couldn’t reach the donation service. Check your connection and try again.",
    err_timeout: "The donation service is taking too long to answer. Please try again.",
    err_link_refused: "We couldn’t open a safe checkout page, so we stopped. No payment was made.",
    retry: "Try again",

    donations_off: "Donations are currently unavailable.",
    key_problem_title: "sir-donate: configuration problem",

    status_checking: "Checking your donation…",
    status_processing: "Your donation is processing.",
    thank_you_title: "Thank you!",
    thank_you_body: |amount, nonprofit| {
        cat(&["Your ", amount, " donation to ", nonprofit, " went through. Thank you for your generosity."])
    },
    tokens_awarded: |n, _| {
        let unit = if n.trim() == "1" { "token" } else { "tokens" };
        cat(&["You earned ", n, " SIR ", unit, "."])
    },
    unsuccessful_title: "Your donation didn’t go through",
    unsuccessful_body: "No payment was taken. You can try again whenever you’re ready.",
    cancelled_body: "The checkout was cancelled, so no payment was taken.",
    expired_body: "The checkout expired before it was completed, so no payment was taken.",
    try_again: "Try again",
    done: "Done",
    popup_blocked: "Your browser blocked the checkout window, so we’ll open it here.",
    checkout_open_elsewhere: "Complete your donation in the checkout window. This page will update when you’re done.",
};
