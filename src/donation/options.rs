//! What an integrator configures: presets, frequencies, provider, checkout mode, theme…

use crate::api::{Frequency, Provider};
use crate::money::Cents;

/// How the donor is taken to checkout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CheckoutMode {
    /// The page itself navigates to checkout (and the donor comes back with Back).
    #[default]
    Redirect,
    /// A new tab; the widget follows the donation's status meanwhile.
    NewTab,
    /// A centred popup window; the widget follows the donation's status meanwhile.
    Popup,
}

impl CheckoutMode {
    /// Reads `redirect`, `new-tab` or `popup` (as an attribute or option gives it).
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "redirect" => Some(CheckoutMode::Redirect),
            "new-tab" | "newtab" | "tab" => Some(CheckoutMode::NewTab),
            "popup" => Some(CheckoutMode::Popup),
            _ => None,
        }
    }
}

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Light colours whatever the system says.
    Light,
    /// Dark colours whatever the system says.
    Dark,
    /// Follows the donor's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// Reads `light`, `dark` or `auto`.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" | "" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// `light`, `dark` or `auto`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Where the donation form is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// A donate button that opens the form in a modal dialog.
    #[default]
    Button,
    /// The form itself, in place in the page (no button, no dialog).
    Inline,
}

impl Mode {
    /// Reads `button` or `inline`.
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_lowercase().as_str() {
            "button" => Some(Mode::Button),
            "inline" => Some(Mode::Inline),
            _ => None,
        }
    }
}

/// Everything about a widget that is not a prop callback, with defaults a partner would expect.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetOptions {
    pub presets: Vec<Cents>,
    pub default_amount: Option<Cents>,
    pub frequencies: Vec<Frequency>,
    pub default_frequency: Frequency,
    pub provider: Provider,
    pub checkout: CheckoutMode,
    pub theme: Theme,
    pub mode: Mode,
    pub referral_code: Option<String>,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        Self {
            presets: [2500, 5000, 10000, 25000].map(Cents).to_vec(),
            default_amount: Some(Cents(5000)),
            frequencies: vec![Frequency::Once, Frequency::Monthly],
            default_frequency: Frequency::Once,
            provider: Provider::EveryOrg,
            checkout: CheckoutMode::Redirect,
            theme: Theme::Auto,
            mode: Mode::Button,
            referral_code: None,
        }
    }
}

impl WidgetOptions {
    /// Repairs what an integrator may get wrong, so the widget always renders something
    /// sensible: presets out of range are dropped (at most six kept, sorted), an empty
    /// frequency list means "once", a default that is not offered is replaced.
    pub fn normalised(mut self) -> Self {
        use crate::money::{MAX_AMOUNT, MIN_AMOUNT};
        self.presets.retain(|c| (MIN_AMOUNT..=MAX_AMOUNT).contains(c));
        // Unstable: equal amounts are indistinguishable, and the stable sort borrows a 4 KiB
        // scratch buffer on the stack, which was most of the widget's deepest stack use.
        self.presets.sort_unstable();
        self.presets.dedup();
        self.presets.truncate(6);
        if self.default_amount.is_some_and(|d| !(MIN_AMOUNT..=MAX_AMOUNT).contains(&d)) {
            self.default_amount = None;
        }
        if self.default_amount.is_none() {
            self.default_amount = self.presets.get(self.presets.len().saturating_sub(1) / 2).copied();
        }
        self.frequencies.dedup();
        if self.frequencies.is_empty() {
            self.frequencies.push(Frequency::Once);
        }
        if !self.frequencies.contains(&self.default_frequency) {
            self.default_frequency = self.frequencies[0];
        }
        self.referral_code = self.referral_code.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty() && r.len() <= 64);
        self
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn words_parse() {
        assert_eq!(CheckoutMode::parse("New-Tab"), Some(CheckoutMode::NewTab));
        assert_eq!(CheckoutMode::parse("popup"), Some(CheckoutMode::Popup));
        assert_eq!(CheckoutMode::parse("iframe"), None);
        assert_eq!(Theme::parse("DARK"), Some(Theme::Dark));
        assert_eq!(Theme::parse("neon"), None);
    }

    #[test]
    fn normalising_repairs_bad_configuration() {
        let o = WidgetOptions {
            presets: [50, 2500, 2500, 1000, 99_999_999].map(Cents).to_vec(),
            default_amount: Some(Cents(5)),
            frequencies: vec![],
            default_frequency: Frequency::Monthly,
            referral_code: Some("  ".into()),
            ..WidgetOptions::default()
        }
        .normalised();
        assert_eq!(o.presets, vec![Cents(1000), Cents(2500)]);
        assert_eq!(o.default_amount, Some(Cents(1000)));
        assert_eq!(o.frequencies, vec![Frequency::Once]);
        assert_eq!(o.default_frequency, Frequency::Once);
        assert_eq!(o.referral_code, None);
        let d = WidgetOptions::default().normalised();
        assert_eq!(d, WidgetOptions::default(), "defaults are already normal");
    }
}
