//! What the donor types and picks, into the state: text inputs by their hook, chips by their
//! group and position.

use web_sys::{Element, HtmlInputElement};

use super::hooks::{Choice, TextInput};
use super::{Widget, state};
use crate::donation::{AmountChoice, TipChoice};
use wasm_bindgen::JsCast;

impl Widget {
    /// Typing in one of the text inputs.
    pub(super) fn on_input(&self, target: &Element) {
        let (Some(field), Some(which)) = (target.dyn_ref::<HtmlInputElement>(), TextInput::of(target)) else { return };
        let text = field.value();
        let fallback = self.settings().options.default_amount;
        self.update(|st| match which {
            TextInput::Amount => {
                // Emptying "other amount" goes back to the default preset.
                st.input.amount = match (text.trim().is_empty(), fallback) {
                    (true, Some(c)) => AmountChoice::Preset(c),
                    _ => AmountChoice::Custom(text.clone()),
                };
                st.custom_amount = text;
                st.errors.amount = None;
            }
            TextInput::Tip => {
                st.input.tip = TipChoice::Custom(text.clone());
                st.custom_tip = text;
                st.errors.tip = false;
            }
            TextInput::FirstName => {
                st.input.first_name = text;
                st.errors.first_name = None;
            }
            TextInput::LastName => {
                st.input.last_name = text;
                st.errors.last_name = None;
            }
            TextInput::Email => {
                st.input.email = text;
                st.errors.email = None;
            }
        });
    }

    /// Picking a chip: its `name` says which choice, its `value` which option.
    pub(super) fn on_choice(&self, target: &Element) {
        let Some(radio) = target.dyn_ref::<HtmlInputElement>() else { return };
        let (Some(choice), Ok(index)) = (Choice::of(&radio.name()), radio.value().parse::<usize>()) else { return };
        let settings = self.settings();
        let options = &settings.options;
        self.update(|st| match choice {
            Choice::Amount => {
                if let Some(c) = options.presets.get(index) {
                    st.input.amount = AmountChoice::Preset(*c);
                    st.errors.amount = None;
                }
            }
            Choice::Frequency => {
                if let Some(f) = options.frequencies.get(index) {
                    st.input.frequency = *f;
                }
            }
            Choice::Tip => {
                let chosen = st.suggested_tip().and_then(|s| state::tip_chips(s).into_iter().nth(index));
                // "Other" brings back what the donor typed, and its error with it.
                match chosen {
                    Some(TipChoice::Custom(_)) => st.input.tip = TipChoice::Custom(st.custom_tip.clone()),
                    Some(preset) => {
                        st.input.tip = preset;
                        st.errors.tip = false;
                    }
                    None => {}
                }
            }
        });
    }
}
