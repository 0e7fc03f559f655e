//! What the widget tells the host page: DOM `CustomEvent`s from its host element (bubbling and
//! composed, so they cross shadow roots), and the Rust `on_event` callback.
//!
//! Any script on the host page (analytics, tag managers) can listen to these events, so their
//! payloads carry only what the widget itself defines: codes, HTTP statuses, field names, fixed
//! sentences and ids of a checked shape. The types say so: every text of [`WidgetEvent`] is a
//! `&'static str` of the widget's, except the donation id, which passed
//! [`DonationId::parse`](crate::api::DonationId::parse). Text from the server, which may repeat
//! what a donor typed, and anything a donor typed, cannot get in; the server's words go to the
//! console for the site developer, and nowhere else.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::api::{ApiError, DonationId, StatusWord};

/// Called with every widget event, besides the DOM events dispatched from the host element.
pub type EventCallback = std::rc::Rc<dyn Fn(WidgetEvent)>;

/// An event of the widget's life, for integrators.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// Configuration and nonprofit loaded; the button works.
    Ready,
    /// The dialog opened.
    Open,
    /// The dialog closed.
    Close,
    /// A checkout link was created (one per submission).
    LinkCreated {
        /// The created donation's id.
        partner_donation_id: String,
    },
    /// A donation's status was read (on return from checkout, or while it is open elsewhere).
    Status {
        /// The donation's id.
        partner_donation_id: String,
        /// `PENDING`, `COMPLETED`, `REWARDED`, `FAILED`, `CANCELLED`, `EXPIRED`, or `UNKNOWN`
        /// for a word the widget does not know (shown to the donor as processing).
        status: &'static str,
    },
    /// Something failed.
    Error {
        /// [`ApiError::code`], or a configuration code (`invalid_key`, `invalid_nonprofit`, …),
        /// or `donations_off`.
        code: &'static str,
        /// The HTTP status, when the API answered with an error status.
        status: Option<u16>,
        /// The request fields the API refused, by their JSON names (`firstName`, …).
        fields: Vec<&'static str>,
        /// A sentence for the site developer, written by the widget ([`ApiError::summary`]).
        message: &'static str,
    },
}

impl WidgetEvent {
    /// The error event of an API failure: the error's code, status, refused fields and
    /// summary. The server's own words stay out (see the module's documentation).
    pub fn from_error(error: &ApiError) -> Self {
        WidgetEvent::Error {
            code: error.code(),
            status: error.status(),
            fields: error.fields(),
            message: error.summary(),
        }
    }

    /// An error event of the widget's own (a configuration problem, donations off): no HTTP
    /// status, no fields.
    pub(crate) fn problem(code: &'static str, message: &'static str) -> Self {
        WidgetEvent::Error { code, status: None, fields: Vec::new(), message }
    }

    /// A link-created event, for an id that passed [`DonationId::parse`].
    pub fn link_created(id: &DonationId) -> Self {
        WidgetEvent::LinkCreated { partner_donation_id: id.as_str().to_owned() }
    }

    /// A status event, for an id that passed [`DonationId::parse`].
    pub fn status(id: &DonationId, word: &StatusWord) -> Self {
        WidgetEvent::Status {
            partner_donation_id: id.as_str().to_owned(),
            status: word.known_word().unwrap_or("UNKNOWN"),
        }
    }

    /// The DOM event's name: `sir-donate:ready`, `sir-donate:error`, ….
    pub fn dom_name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready => "sir-donate:ready",
            WidgetEvent::Open => "sir-donate:open",
            WidgetEvent::Close => "sir-donate:close",
            WidgetEvent::LinkCreated { .. } => "sir-donate:link-created",
            WidgetEvent::Status { .. } => "sir-donate:status",
            WidgetEvent::Error { .. } => "sir-donate:error",
        }
    }

    fn detail(&self, nonprofit: &str) -> Object {
        let detail = Object::new();
        let put = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&detail, &JsValue::from_str(k), v);
        };
        let set = |k: &str, v: &str| put(k, &JsValue::from_str(v));
        set("nonprofit", nonprofit);
        match self {
            WidgetEvent::LinkCreated { partner_donation_id } => set("partnerDonationId", partner_donation_id),
            WidgetEvent::Status { partner_donation_id, status } => {
                set("partnerDonationId", partner_donation_id);
                set("status", status);
            }
            WidgetEvent::Error { code, status, fields, message } => {
                set("code", code);
                if let Some(status) = status {
                    put("status", &JsValue::from(*status));
                }
                if !fields.is_empty() {
                    put("fields", &fields.iter().map(|f| JsValue::from_str(f)).collect::<js_sys::Array>());
                }
                set("message", message);
            }
            WidgetEvent::Ready | WidgetEvent::Open | WidgetEvent::Close => {}
        }
        detail
    }
}

/// Sends events to the host element and the callback.
#[derive(Clone)]
pub struct Emitter {
    pub host: HtmlElement,
    pub nonprofit: String,
    pub callback: Option<EventCallback>,
}

impl Emitter {
    pub fn emit(&self, event: WidgetEvent) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&event.detail(&self.nonprofit));
        if let Ok(dom_event) = CustomEvent::new_with_event_init_dict(event.dom_name(), &init) {
            let _ = self.host.dispatch_event(&dom_event);
        }
        if let Some(callback) = &self.callback {
            callback(event);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::error::interpret;
    use crate::api::{PartnerConfig, RawResponse};

    const DONOR: [&str; 4] = ["Jane", "Doe", "jane@example.com", "jane%40example.com"];

    /// An answer of `status` whose body repeats the donor's name and email, as a careless
    /// server's might.
    fn echoing(status: u16, body: &str) -> ApiError {
        let raw = RawResponse { status, retry_after: Some("3".into()), body: body.into() };
        interpret::<PartnerConfig>(&raw, 0.0).unwrap_err()
    }

    #[test]
    fn error_events_carry_no_server_text_whatever_the_status() {
        let said = "could not create donation for Jane Doe <jane@example.com>";
        let json = |code: &str| format!(r#"{{"statusCode":0,"error":"{said}","code":"{code}","message":"{said}"}}"#);
        let cases = [
            // 4xx with a code the widget knows, and with one it does not.
            (echoing(403, &json("FEATURE_DISABLED")), "feature_disabled", Some(403)),
            (echoing(403, &json("JANE_DOE_BLOCKED")), "forbidden", Some(403)),
            (echoing(401, &json("jane@example.com")), "unauthorized", Some(401)),
            (echoing(404, &json("NOT_FOUND")), "not_found", Some(404)),
            (echoing(409, &json("CONFLICT")), "unexpected_status", Some(409)),
            (echoing(429, &json("RATE_LIMITED")), "rate_limited", Some(429)),
            (echoing(500, &json("INTERNAL")), "server_error", Some(500)),
            (echoing(503, said), "server_error", Some(503)),
            // Malformed bodies: text where JSON belongs, and JSON of the wrong shape.
            (echoing(200, said), "invalid_response", None),
            (echoing(200, &format!(r#"{{"name": ["{said}"]}}"#)), "invalid_response", None),
        ];
        for (error, code, status) in cases {
            let event = WidgetEvent::from_error(&error);
            let WidgetEvent::Error { code: c, status: s, fields, message } = &event else { panic!("{event:?}") };
            assert_eq!((*c, *s), (code, status), "{error:?}");
            assert!(fields.is_empty(), "{error:?}");
            assert!(!message.is_empty());
            let published = format!("{event:?}");
            for word in DONOR {
                assert!(!published.contains(word), "{word} reached the event: {published}");
            }
        }
    }

    #[test]
    fn validation_events_name_fields_only() {
        let error = echoing(
            400,
            r#"{"code":"VALIDATION_FAILED","message":["firstName Jane Doe is not allowed",
               "donorEmail jane@example.com must be an email","firstName again","Jane said no"]}"#,
        );
        let event = WidgetEvent::from_error(&error);
        assert_eq!(
            event,
            WidgetEvent::Error {
                code: "validation",
                status: Some(400),
                fields: vec!["firstName", "donorEmail"],
                message: "the API refused fields of the request",
            }
        );
        let unprocessable = WidgetEvent::from_error(&echoing(422, "Jane Doe <jane@example.com>"));
        assert!(matches!(unprocessable, WidgetEvent::Error { code: "validation", status: Some(422), .. }));
        assert!(!format!("{unprocessable:?}").contains("Jane"));
    }

    #[test]
    fn status_events_publish_known_words_only() {
        let id = DonationId::parse("pdn_0123456789abcdef01234567").unwrap();
        assert_eq!(
            WidgetEvent::status(&id, &StatusWord::parse("rewarded")),
            WidgetEvent::Status { partner_donation_id: id.as_str().to_owned(), status: "REWARDED" }
        );
        let odd = WidgetEvent::status(&id, &StatusWord::parse("held for Jane Doe"));
        assert!(matches!(odd, WidgetEvent::Status { status: "UNKNOWN", .. }), "{odd:?}");
    }
}
