//! The widget's languages and every word it shows a donor.
//!
//! Each language keeps all of its text in one file (`en.rs`, `es.rs`, `fr.rs`) as one
//! [`Strings`] value, so a translator reads and reviews a language in one place and the compiler
//! refuses a language that is missing a string. Text that embeds a value (a name, an amount) is a
//! function, because word order differs between languages; callers pass values already
//! formatted for the locale (see [`crate::money::format_money`]).
//!
//! The rest is split by what it holds: `locale` is the language a widget speaks and how it is
//! chosen, `strings` the shape every language's table fills in, and `tests` the checks that hold
//! each language's table against the others.

mod en;
mod es;
mod fr;
mod locale;
mod strings;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use locale::{Locale, browser_language};
pub use strings::Strings;
