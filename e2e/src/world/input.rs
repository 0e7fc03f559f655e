//! The keyboard and the pointer, through WebDriver actions (trusted events), and where focus is.

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::key::Key;

use super::World;

const FOCUSED_ELEMENT: &str = include_str!("../../js/focused_element.js");

impl World {
    /// Presses keys one after the other, with no element targeted: they go wherever focus is.
    pub async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for &k in keys {
            actions = actions.then(KeyAction::Down { value: k }).then(KeyAction::Up { value: k });
        }
        self.client.perform_actions(actions).await.expect("key presses");
    }

    /// Types `text` wherever focus is.
    pub async fn type_text(&self, text: &str) {
        self.keys(&text.chars().collect::<Vec<_>>()).await;
    }

    /// A description of the focused element, through shadow roots: `tag#id.class`, followed by
    /// ` in host.class` inside a shadow root.
    pub async fn focused(&self) -> String {
        let v = self.js(FOCUSED_ELEMENT, vec![]).await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Presses Tab until `is_target(focused())`, at most `max` times; returns the presses made.
    pub async fn tab_to(&self, what: &str, max: usize, is_target: impl Fn(&str) -> bool) -> usize {
        let mut seen = Vec::new();
        for n in 1..=max {
            self.keys(&[Key::Tab.into()]).await;
            let now = self.focused().await;
            if is_target(&now) {
                return n;
            }
            seen.push(now);
        }
        panic!("{max} presses of Tab never reached {what}; focus went: {seen:?}");
    }

    /// Moves the mouse pointer onto the centre of `element` (no button pressed).
    pub async fn hover(&self, element: &Element) {
        let mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        self.client.perform_actions(mouse).await.expect("pointer move");
    }
}
