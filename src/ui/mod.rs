//! UI components: the `DonateButton` and everything it renders, inside its own shadow root.

mod button;
mod dom;
pub mod events;
pub mod navigation;
mod shadow;
pub mod shared;
mod widget;

pub use button::{DonateButton, DonateButtonProps};
pub use events::WidgetEvent;
pub use navigation::{Navigation, Navigator};
pub use shadow::WIDGET_CSS;
