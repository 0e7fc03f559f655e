//! What the widget tells the host page: DOM `CustomEvent`s from its host element (bubbling and
//! composed, so they cross shadow roots), and the Rust `on_event` callback. No payload carries a
//! donor's name or email.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::api::ApiError;
use crate::text::{cat, join};

/// An event of the widget's life, for integrators.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// Configuration and nonprofit loaded; the button works.
    Ready,
    Open,
    Close,
    /// A checkout link was created (one per submission).
    LinkCreated {
        partner_donation_id: String,
    },
    /// A donation's status was read (on return from checkout, or while it is open elsewhere).
    Status {
        partner_donation_id: String,
        status: String,
    },
    /// Something failed; `code` is [`ApiError::code`] or a configuration code.
    Error {
        code: String,
        message: String,
    },
}

impl WidgetEvent {
    /// An error event whose message is safe to publish: validation errors name fields only,
    /// because a server may echo a donor's input in its messages.
    pub fn from_error(error: &ApiError) -> Self {
        let message = match error {
            ApiError::Validation { problems } => {
                let fields: Vec<_> = problems.iter().filter_map(|p| p.field).map(|f| f.json_name()).collect();
                let fields = if fields.is_empty() { "(unnamed)".into() } else { join(&fields, ", ") };
                cat(&["400: the API refused fields: ", &fields])
            }
            other => other.developer_message(),
        };
        WidgetEvent::Error { code: error.code().to_owned(), message }
    }

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
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&detail, &JsValue::from_str(k), &JsValue::from_str(v));
        };
        set("nonprofit", nonprofit);
        match self {
            WidgetEvent::LinkCreated { partner_donation_id } => set("partnerDonationId", partner_donation_id),
            WidgetEvent::Status { partner_donation_id, status } => {
                set("partnerDonationId", partner_donation_id);
                set("status", status);
            }
            WidgetEvent::Error { code, message } => {
                set("code", code);
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
    pub callback: Option<super::setup::EventCallback>,
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
