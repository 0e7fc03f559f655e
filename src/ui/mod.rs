//! UI components: the `DonateButton` and everything it renders, inside its own shadow root.

mod button;
mod dom;
pub mod events;
pub mod navigation;
mod setup;
mod shadow;
pub mod shared;
mod widget;

pub(crate) use setup::WidgetProps;
pub(crate) use widget::{WidgetHandle, mount};

pub use button::{DonateButton, DonateButtonProps};
pub use events::WidgetEvent;
pub use navigation::{Navigation, Navigator};
pub use shadow::WIDGET_CSS;
