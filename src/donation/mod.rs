//! Donation state: what the donor chose and typed, checked and turned into a create-link
//! request, and the donation kept across the trip to checkout. Pure logic, no DOM: the UI layer
//! renders it and the browser-only parts (`storage`) are behind their own module.

pub mod form;
pub mod options;
pub mod pending;
pub mod polling;
pub mod text_fields;

pub use form::{AmountChoice, DonorInput, FieldErrors, TipChoice};
pub use options::{CheckoutMode, Mode, Theme, WidgetOptions};
pub use pending::PendingDonation;
pub use polling::PollSchedule;
pub use text_fields::{TextField, TextProblem};
