//! From what an integrator passed (the component's props or a `<sir-donate>` element's
//! attributes) to a checked [`Setup`]: the key, the slug, the API base and the extra checkout
//! hosts are all checked here, before any request, and a refusal becomes a [`ConfigProblem`]
//! shown to the site developer instead of the button.

use std::time::Duration;

use super::events::EventCallback;
use super::navigation::Navigator;
use crate::api::{CheckoutPolicy, Client, ClientOptions, Slug};
use crate::donation::WidgetOptions;
use crate::i18n::Locale;
use crate::key::{ApiBase, PublishableKey};
use crate::text::{cat, quoted};

macro_rules! widget_props {
    ($( $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [$kind:ident],
        attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
        read $read:path; )*) => {
        /// What an integrator may pass, before any of it is checked: the options of the table
        /// in `ui::options` (`None` means the default), then what only Rust passes.
        #[derive(Default)]
        pub(crate) struct WidgetProps {
            $( $(#[doc = $doc])* pub $name: super::options::field_type!($kind $($ty)+), )*
            /// How long to wait for each API answer (default: the client's).
            pub timeout: Option<Duration>,
            pub on_event: Option<EventCallback>,
            pub navigator: Option<Navigator>,
            /// Focus the button once rendered (the embed passes on its placeholder's focus).
            pub autofocus: bool,
        }
    };
}
super::options::with_options!(widget_props);

/// A configuration mistake of the integrator, shown in place of the button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ConfigProblem {
    pub code: &'static str,
    /// For the console and the note shown in place of the button; it may quote the attribute.
    pub message: String,
    /// For events: the widget's own sentence, quoting nothing the page passed.
    pub summary: &'static str,
}

/// Everything the widget is built from, decided before it renders.
pub(crate) struct Setup {
    pub client: Result<(Client, Slug), ConfigProblem>,
    pub options: WidgetOptions,
    pub locale: Locale,
    pub label: Option<String>,
    pub navigator: Navigator,
    pub on_event: Option<EventCallback>,
    pub nonprofit: String,
    pub autofocus: bool,
}

impl WidgetProps {
    /// Fills in defaults, repairs inconsistent options and checks what must not be wrong.
    pub fn into_setup(self) -> Setup {
        let defaults = WidgetOptions::default();
        let explicit_presets = self.amounts.is_some();
        // Unless said otherwise, the first frequency offered is the one selected.
        let default_frequency = self
            .default_frequency
            .or(self.frequencies.as_ref().and_then(|list| list.first().copied()))
            .unwrap_or(defaults.default_frequency);
        let options = WidgetOptions {
            default_amount: self.default_amount.or(if explicit_presets { None } else { defaults.default_amount }),
            presets: self.amounts.unwrap_or(defaults.presets),
            frequencies: self.frequencies.unwrap_or(defaults.frequencies),
            default_frequency,
            provider: self.provider.unwrap_or(defaults.provider),
            checkout: self.checkout.unwrap_or(defaults.checkout),
            theme: self.theme.unwrap_or(defaults.theme),
            mode: self.mode.unwrap_or(defaults.mode),
            referral_code: self.referral_code,
        }
        .normalised();
        let timeout = self.timeout;
        let client = build_client(
            &self.publishable_key,
            &self.nonprofit,
            self.api_base.as_deref(),
            self.allowed_hosts.as_deref().unwrap_or_default(),
        )
        .map(|(client, slug)| match timeout {
            Some(timeout) => (client.with_options(ClientOptions { timeout, ..ClientOptions::default() }), slug),
            None => (client, slug),
        });
        let browser_language = crate::i18n::browser_language();
        Setup {
            client,
            options,
            locale: Locale::negotiate(self.locale.as_deref(), browser_language.as_deref()),
            label: self.label.filter(|l| !l.trim().is_empty()),
            navigator: self.navigator.unwrap_or_default(),
            on_event: self.on_event,
            nonprofit: self.nonprofit,
            autofocus: self.autofocus,
        }
    }
}

/// Checks everything the integrator passed before any request: key, slug, API base, hosts.
fn build_client(
    key: &str,
    nonprofit: &str,
    api_base: Option<&str>,
    allowed_hosts: &[String],
) -> Result<(Client, Slug), ConfigProblem> {
    let key = PublishableKey::parse(key).map_err(|e| ConfigProblem {
        code: "invalid_key",
        message: e.developer_message(),
        summary: "the publishable key was refused before any request",
    })?;
    let slug = Slug::parse(nonprofit).ok_or_else(|| ConfigProblem {
        code: "invalid_nonprofit",
        message: cat(&[
            "nonprofit ",
            &quoted(nonprofit),
            " is not a nonprofit slug (lower-case letters, digits and dashes).",
        ]),
        summary: "the nonprofit is not a slug (lower-case letters, digits and dashes)",
    })?;
    let policy = CheckoutPolicy::new().with_extra_hosts(allowed_hosts).map_err(|e| ConfigProblem {
        code: "invalid_allowed_hosts",
        message: cat(&["allowed-hosts: ", &e.message()]),
        summary: "allowed-hosts holds an entry that is not a host name",
    })?;
    let mut client = Client::new(key);
    if let Some(base) = api_base.filter(|b| !b.trim().is_empty()) {
        let base = ApiBase::parse_override(base).map_err(|e| ConfigProblem {
            code: "invalid_api_base",
            message: e.developer_message().to_owned(),
            summary: "api-base must be an https: URL, or http: on loopback",
        })?;
        client = client.with_api_base(base);
    }
    Ok((client.with_checkout_policy(policy), slug))
}
