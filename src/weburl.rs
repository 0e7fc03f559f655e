//! WHATWG URL parsing, the same rules a browser uses when it navigates.
//!
//! In the wasm build this asks the browser's own `URL` parser, so the widget checks a link
//! exactly as the browser will later follow it (no parser differential to exploit), and ships
//! no URL crate. Native builds (unit tests, docs) use the `url` crate, which implements the same
//! WHATWG standard.

/// The parts of an absolute URL that the security checks look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// Lower-case scheme with its colon, as the browser reports it: `"https:"`.
    pub protocol: String,
    pub username: String,
    pub password: String,
    /// Lower-case, punycode host; IPv6 addresses keep their brackets (`[::1]`).
    pub hostname: String,
    /// `None` when the URL uses the scheme's default port.
    pub port: Option<u16>,
    pub pathname: String,
    pub search: String,
    pub hash: String,
    /// The serialised URL.
    pub href: String,
}

impl ParsedUrl {
    /// True for `localhost`, `127.0.0.0/8` and `[::1]`: hosts that never leave this machine.
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(&self.hostname)
    }

    pub fn has_credentials(&self) -> bool {
        !self.username.is_empty() || !self.password.is_empty()
    }
}

/// True for `localhost`, `127.0.0.0/8` and `[::1]`.
pub fn is_loopback_host(hostname: &str) -> bool {
    if hostname == "localhost" || hostname == "[::1]" {
        return true;
    }
    // A parsed IPv4 host is always four dotted decimal octets.
    let mut octets = hostname.split('.');
    octets.next() == Some("127")
        && octets.clone().count() == 3
        && octets.all(|o| !o.is_empty() && o.parse::<u8>().is_ok())
}

/// Parses an absolute URL; `None` when the input is not one.
#[cfg(target_arch = "wasm32")]
pub fn parse(input: &str) -> Option<ParsedUrl> {
    let url = web_sys::Url::new(input).ok()?;
    Some(ParsedUrl {
        protocol: url.protocol(),
        username: url.username(),
        password: url.password(),
        hostname: url.hostname(),
        port: url.port().parse().ok(),
        pathname: url.pathname(),
        search: url.search(),
        hash: url.hash(),
        href: url.href(),
    })
}

/// Parses an absolute URL; `None` when the input is not one.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(input: &str) -> Option<ParsedUrl> {
    let url = url::Url::parse(input).ok()?;
    // Like the browser, a URL without a host (`javascript:…`, `data:…`) parses with an empty one.
    let hostname = match url.host() {
        Some(url::Host::Ipv6(addr)) => format!("[{addr}]"),
        Some(host) => host.to_string(),
        None => String::new(),
    };
    let prefixed = |prefix: &str, part: Option<&str>| match part {
        Some(p) if !p.is_empty() => format!("{prefix}{p}"),
        _ => String::new(),
    };
    Some(ParsedUrl {
        protocol: format!("{}:", url.scheme()),
        username: url.username().to_owned(),
        password: url.password().unwrap_or_default().to_owned(),
        hostname,
        port: url.port(),
        pathname: url.path().to_owned(),
        search: prefixed("?", url.query()),
        hash: prefixed("#", url.fragment()),
        href: url.as_str().to_owned(),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn splits_an_https_url() {
        let u = parse("HTTPS://Every.Org/acme?x=1#f").unwrap();
        assert_eq!(u.protocol, "https:");
        assert_eq!(u.hostname, "every.org");
        assert_eq!(u.port, None);
        assert_eq!(u.pathname, "/acme");
        assert_eq!(u.search, "?x=1");
        assert_eq!(u.hash, "#f");
        assert!(!u.has_credentials());
    }

    #[test]
    fn sees_userinfo_and_ports() {
        let u = parse("https://every.org@evil.example:8443/").unwrap();
        assert_eq!(u.hostname, "evil.example");
        assert_eq!(u.username, "every.org");
        assert_eq!(u.port, Some(8443));
        assert!(u.has_credentials());
    }

    #[test]
    fn knows_loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in ["127.0.0.1.evil.example", "128.0.0.1", "localhost.evil.example", "example.org"] {
            assert!(!is_loopback_host(h), "{h}");
        }
        assert!(parse("http://[::1]:8787/").unwrap().is_loopback());
        assert!(parse("http://127.1/").unwrap().is_loopback(), "shorthand IPv4 is normalised");
    }

    #[test]
    fn hostless_schemes_parse_with_an_empty_host() {
        let u = parse("javascript:alert(1)").unwrap();
        assert_eq!(u.protocol, "javascript:");
        assert_eq!(u.hostname, "");
    }

    #[test]
    fn refuses_relative_input() {
        assert!(parse("/checkout/1").is_none());
        assert!(parse("").is_none());
    }
}
