//! The widget's `sir-donate:*` DOM events, recorded.

use super::*;

/// Records the widget's `sir-donate:*` DOM events that reach an element: `(name, detail)`, the
/// name without its `sir-donate:` prefix (`ready`, `open`, `close`, `link-created`, `status`,
/// `error`) and the detail as JSON text. The events bubble and cross shadow roots, so a
/// container of the widget (or the document) hears them; attach before mounting to hear
/// `ready`. Dropping the log removes its listeners.
pub struct EventLog {
    target: EventTarget,
    entries: Rc<RefCell<Vec<(String, String)>>>,
    listeners: Vec<(String, Listener)>,
    timeout: Duration,
}

/// A DOM event listener kept alive by its [`EventLog`].
type Listener = Closure<dyn FnMut(web_sys::Event)>;

impl EventLog {
    /// Starts recording the events that reach `target`.
    pub fn attach(target: &EventTarget) -> EventLog {
        let entries = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in EVENT_NAMES {
            let log = entries.clone();
            let listener = Listener::new(move |event: web_sys::Event| {
                let detail = event
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|e| js_sys::JSON::stringify(&e.detail()).ok())
                    .map(String::from)
                    .unwrap_or_default();
                let name = event.type_();
                let name = name.strip_prefix(EVENT_PREFIX).unwrap_or(&name).to_owned();
                log.borrow_mut().push((name, detail));
            });
            let type_ = [EVENT_PREFIX, name].concat();
            let _ = target.add_event_listener_with_callback(&type_, listener.as_ref().unchecked_ref());
            listeners.push((type_, listener));
        }
        EventLog { target: target.clone(), entries, listeners, timeout: DEFAULT_TIMEOUT }
    }

    /// The same log, with `timeout` for its waits instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> EventLog {
        self.timeout = timeout;
        self
    }

    /// Every event so far, in order: `(name, detail as JSON text)`.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.entries.borrow().clone()
    }

    /// The names of the events so far, in order.
    pub fn names(&self) -> Vec<String> {
        self.entries.borrow().iter().map(|(name, _)| name.clone()).collect()
    }

    /// The details (JSON text) of the events named `name`, in order.
    pub fn details(&self, name: &str) -> Vec<String> {
        self.entries.borrow().iter().filter(|(n, _)| n == name).map(|(_, detail)| detail.clone()).collect()
    }

    /// How many events named `name` there were.
    pub fn count(&self, name: &str) -> usize {
        self.entries.borrow().iter().filter(|(n, _)| n == name).count()
    }

    /// Forgets the events so far.
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    /// Waits for an event named `name` and returns the detail of the first one.
    pub async fn wait_for(&self, name: &str) -> String {
        match poll(self.timeout, || self.details(name).into_iter().next()).await {
            Some(detail) => detail,
            None => {
                let what = format!("a {EVENT_PREFIX}{name} event");
                fail_after(&what, self.timeout, &format!("recorded: {:?}", self.names()))
            }
        }
    }

    /// Waits until `count` events named `name` were recorded.
    pub async fn wait_for_count(&self, name: &str, count: usize) {
        if poll(self.timeout, || (self.count(name) >= count).then_some(())).await.is_none() {
            let what = format!("{count} {EVENT_PREFIX}{name} event(s)");
            fail_after(&what, self.timeout, &format!("recorded: {:?}", self.names()));
        }
    }
}

impl fmt::Debug for EventLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.entries.borrow().iter()).finish()
    }
}

impl Drop for EventLog {
    fn drop(&mut self) {
        for (type_, listener) in &self.listeners {
            let _ = self.target.remove_event_listener_with_callback(type_, listener.as_ref().unchecked_ref());
        }
    }
}
