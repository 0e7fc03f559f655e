//! UI components: the widget, inside its own shadow root, and the `DonateButton` Leptos
//! component that mounts it.

// Natively without the Leptos component nothing mounts the widget; it still compiles.
#![cfg_attr(not(any(feature = "leptos", target_arch = "wasm32")), allow(dead_code))]

#[cfg(feature = "leptos")]
mod button;
mod dom;
mod events;
pub(crate) mod hook_names;
mod navigation;
pub(crate) mod options;
mod setup;
mod shadow;
mod widget;

// The script-tag embed reads attributes into `WidgetProps` and, in wasm, mounts the widget
// without the Leptos component.
pub(crate) use setup::WidgetProps;
#[cfg(target_arch = "wasm32")]
pub(crate) use widget::{WidgetHandle, mount};

#[cfg(feature = "leptos")]
pub use button::{DonateButton, DonateButtonHandle, DonateButtonProps};
pub use events::WidgetEvent;
pub use navigation::{Navigation, Navigator};
