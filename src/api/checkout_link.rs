//! The allow-list every `donationLink` must pass before the donor is sent to it.
//!
//! A checkout link comes from the network, so it is untrusted: a compromised proxy or a bug
//! could hand out `javascript:` or a look-alike host. The link is parsed with the WHATWG rules
//! the browser will use to follow it, and accepted only when it is `https:` on an allowed host
//! (or, against a local sandbox, on loopback), with no user name or password and no odd port.

use std::fmt;

use crate::text::{cat, digits, quoted};
use crate::weburl::{self, ParsedUrl};

/// Hosts every widget allows, as published in the spec; `sirgiving.org` also covers its
/// subdomains.
const BUILT_IN_HOSTS: [&str; 4] = ["every.org", "www.every.org", "checkout.stripe.com", "donate.stripe.com"];
const SIR_DOMAIN: &str = "sirgiving.org";

/// Which checkout links may be followed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckoutPolicy {
    extra_hosts: Vec<String>,
    allow_loopback: bool,
}

/// A checkout link that passed the allow-list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckoutUrl(String);

impl CheckoutUrl {
    /// The checked URL, to navigate to.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CheckoutUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a checkout link was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    /// Not an absolute URL.
    NotAUrl,
    /// Anything but `https:` (and `http:` on loopback against a local sandbox).
    Scheme(String),
    /// `https://every.org@evil.example`: the part before `@` is a user name, not the host.
    Credentials,
    /// A non-default port on a public host.
    Port(u16),
    /// A host that is not on the allow-list.
    HostNotAllowed(String),
}

impl LinkRefusal {
    /// Why the link was refused, for the site developer.
    pub fn message(&self) -> String {
        match self {
            LinkRefusal::NotAUrl => "the checkout link is not an absolute URL".into(),
            LinkRefusal::Scheme(s) => cat(&["the checkout link uses ", s, "; only https: is followed"]),
            LinkRefusal::Credentials => "the checkout link carries a user name or password".into(),
            LinkRefusal::Port(p) => {
                cat(&["the checkout link uses port ", &digits((*p).into()), "; only the default port is followed"])
            }
            LinkRefusal::HostNotAllowed(h) => cat(&[
                "the checkout host ",
                h,
                " is not on the allow-list (every.org, Stripe checkout, sirgiving.org, or hosts added with allowed-hosts)",
            ]),
        }
    }
}

impl fmt::Display for LinkRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Why an integrator-supplied host was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidHost(pub String);

impl InvalidHost {
    /// Why the host was refused, for the site developer.
    pub fn message(&self) -> String {
        cat(&[&quoted(&self.0), " is not a host name (give bare hosts such as checkout.example.org)"])
    }
}

impl fmt::Display for InvalidHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl CheckoutPolicy {
    /// The published allow-list only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds hosts the integrator allows explicitly. Each must be a bare host name: no scheme,
    /// path, port or wildcard, so an entry can never be broader than it reads.
    pub fn with_extra_hosts<I, S>(mut self, hosts: I) -> Result<Self, InvalidHost>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for host in hosts {
            let host = host.as_ref().trim();
            if host.is_empty() {
                continue;
            }
            let parsed = weburl::parse(&cat(&["https://", host, "/"]))
                .filter(|u| !u.has_credentials() && u.port.is_none() && u.pathname == "/")
                .filter(|u| u.search.is_empty() && u.hash.is_empty())
                .filter(|u| u.hostname == host.to_ascii_lowercase())
                // Letters, digits, dots and dashes only: `*.x.org` parses as a host but is no
                // wildcard here, and must not look like one.
                .filter(|u| u.hostname.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
                .ok_or_else(|| InvalidHost(host.to_owned()))?;
            self.extra_hosts.push(parsed.hostname);
        }
        Ok(self)
    }

    /// Also allows loopback hosts over `http:` or `https:`: only for a local sandbox, whose
    /// checkout page lives on loopback.
    pub fn allowing_loopback(mut self, allow: bool) -> Self {
        self.allow_loopback = allow;
        self
    }

    /// Accepts `link` or says why not. Never follow a link that did not pass here.
    pub fn check(&self, link: &str) -> Result<CheckoutUrl, LinkRefusal> {
        let url = weburl::parse(link.trim()).ok_or(LinkRefusal::NotAUrl)?;
        if url.has_credentials() {
            return Err(LinkRefusal::Credentials);
        }
        let loopback_ok = self.allow_loopback && url.is_loopback();
        match url.protocol.as_str() {
            "https:" => {}
            "http:" if loopback_ok => {}
            other => return Err(LinkRefusal::Scheme(other.to_owned())),
        }
        if loopback_ok {
            return Ok(CheckoutUrl(url.href));
        }
        if let Some(port) = url.port {
            return Err(LinkRefusal::Port(port));
        }
        if !self.host_allowed(&url) {
            return Err(LinkRefusal::HostNotAllowed(url.hostname));
        }
        Ok(CheckoutUrl(url.href))
    }

    fn host_allowed(&self, url: &ParsedUrl) -> bool {
        let host = url.hostname.as_str();
        BUILT_IN_HOSTS.contains(&host)
            || host == SIR_DOMAIN
            || host.strip_suffix(SIR_DOMAIN).is_some_and(|sub| sub.ends_with('.') && sub.len() > 1)
            || self.extra_hosts.iter().any(|h| h == host)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn refused(policy: &CheckoutPolicy, link: &str) -> LinkRefusal {
        policy.check(link).expect_err(link)
    }

    #[test]
    fn follows_published_hosts_over_https() {
        let p = CheckoutPolicy::new();
        for link in [
            "https://every.org/american-red-cross#/donate",
            "https://www.every.org/x",
            "https://checkout.stripe.com/c/pay/cs_test_1",
            "https://donate.stripe.com/abc",
            "https://sirgiving.org/checkout/1",
            "https://pay.sirgiving.org/checkout/1",
            "https://a.b.sirgiving.org/",
            "HTTPS://EVERY.ORG/x",
        ] {
            assert!(p.check(link).is_ok(), "{link}");
        }
        assert_eq!(p.check("https://EVERY.org/a b").unwrap().as_str(), "https://every.org/a%20b");
    }

    #[test]
    fn refuses_dangerous_schemes() {
        let p = CheckoutPolicy::new();
        assert_eq!(refused(&p, "javascript:alert(1)"), LinkRefusal::Scheme("javascript:".into()));
        assert_eq!(refused(&p, " JavaScript:alert(document.cookie)"), LinkRefusal::Scheme("javascript:".into()));
        assert_eq!(refused(&p, "data:text/html,<script>alert(1)</script>"), LinkRefusal::Scheme("data:".into()));
        assert_eq!(refused(&p, "vbscript:msgbox(1)"), LinkRefusal::Scheme("vbscript:".into()));
        assert_eq!(refused(&p, "http://every.org/x"), LinkRefusal::Scheme("http:".into()));
        assert_eq!(refused(&p, "ftp://every.org/x"), LinkRefusal::Scheme("ftp:".into()));
        assert_eq!(refused(&p, "/relative/checkout"), LinkRefusal::NotAUrl);
        assert_eq!(refused(&p, ""), LinkRefusal::NotAUrl);
    }

    #[test]
    fn refuses_look_alike_hosts() {
        let p = CheckoutPolicy::new();
        for (link, host) in [
            ("https://every.org.evil.example/x", "every.org.evil.example"),
            ("https://evilevery.org/", "evilevery.org"),
            ("https://every.org./x", "every.org."),
            ("https://notsirgiving.org/", "notsirgiving.org"),
            ("https://sirgiving.org.evil.example/", "sirgiving.org.evil.example"),
            ("https://checkout.stripe.com.evil.example/", "checkout.stripe.com.evil.example"),
            ("https://stripe.com/", "stripe.com"),
            ("https://еvery.org/", "xn--very-u4d.org"),
        ] {
            assert_eq!(refused(&p, link), LinkRefusal::HostNotAllowed(host.into()), "{link}");
        }
    }

    #[test]
    fn refuses_userinfo_tricks_and_odd_ports() {
        let p = CheckoutPolicy::new();
        assert_eq!(refused(&p, "https://every.org@evil.example/"), LinkRefusal::Credentials);
        assert_eq!(refused(&p, "https://every.org:pw@evil.example/"), LinkRefusal::Credentials);
        assert_eq!(refused(&p, "https://user@every.org/"), LinkRefusal::Credentials);
        // A backslash ends the host for special schemes, as in browsers.
        assert_eq!(
            refused(&p, "https://evil.example\\@every.org/"),
            LinkRefusal::HostNotAllowed("evil.example".into())
        );
        assert_eq!(refused(&p, "https://every.org:8443/x"), LinkRefusal::Port(8443));
        assert!(p.check("https://every.org:443/x").is_ok(), "the default port is the same origin");
    }

    #[test]
    fn loopback_only_against_a_local_sandbox() {
        let public = CheckoutPolicy::new();
        assert_eq!(refused(&public, "http://127.0.0.1:8787/checkout/pdn_1"), LinkRefusal::Scheme("http:".into()));
        assert_eq!(
            refused(&public, "https://127.0.0.1:8787/checkout/pdn_1"),
            LinkRefusal::Port(8787),
            "loopback is not allowed at all outside development"
        );
        let dev = CheckoutPolicy::new().allowing_loopback(true);
        assert!(dev.check("http://127.0.0.1:8787/checkout/pdn_1").is_ok());
        assert!(dev.check("http://localhost:8787/checkout/pdn_1").is_ok());
        assert!(dev.check("http://[::1]:8787/checkout/pdn_1").is_ok());
        assert_eq!(refused(&dev, "http://evil.example/checkout"), LinkRefusal::Scheme("http:".into()));
        assert_eq!(refused(&dev, "http://127.0.0.1.evil.example/"), LinkRefusal::Scheme("http:".into()));
        assert_eq!(refused(&dev, "javascript:alert(1)"), LinkRefusal::Scheme("javascript:".into()));
        assert_eq!(refused(&dev, "http://x@127.0.0.1/"), LinkRefusal::Credentials);
    }

    #[test]
    fn integrators_add_exact_hosts_only() {
        let p = CheckoutPolicy::new().with_extra_hosts(["give.example.org", " Pay.Example.NET "]).unwrap();
        assert!(p.check("https://give.example.org/c/1").is_ok());
        assert!(p.check("https://pay.example.net/c/1").is_ok());
        assert_eq!(
            refused(&p, "https://sub.give.example.org/"),
            LinkRefusal::HostNotAllowed("sub.give.example.org".into())
        );
        assert_eq!(refused(&p, "http://give.example.org/"), LinkRefusal::Scheme("http:".into()));
        for bad in ["https://x.org", "x.org/path", "*.x.org", "x.org:8443", "u@x.org", "x.org?q", "a b"] {
            assert!(CheckoutPolicy::new().with_extra_hosts([bad]).is_err(), "{bad}");
        }
        assert!(CheckoutPolicy::new().with_extra_hosts(["", "  "]).unwrap() == CheckoutPolicy::new());
    }
}
