//! Where the widget sent the donor, recorded by a `Navigator::recording`.

use super::*;

/// Where a recording [`Navigator`] sent the donor, read through the kit.
#[derive(Clone)]
pub struct Navigations {
    log: Rc<RefCell<Vec<Navigation>>>,
    timeout: Duration,
}

/// A [`Navigator`] that records navigations instead of leaving the page (give it to the
/// component's `navigator` prop), and the [`Navigations`] to read them from. With
/// `block_windows`, opening a checkout window fails as under a popup blocker.
pub fn recording_navigator(block_windows: bool) -> (Navigator, Navigations) {
    let (navigator, log) = Navigator::recording(block_windows);
    (navigator, Navigations::from_log(log))
}

impl Navigations {
    /// Reads the log of [`Navigator::recording`].
    pub fn from_log(log: Rc<RefCell<Vec<Navigation>>>) -> Navigations {
        Navigations { log, timeout: DEFAULT_TIMEOUT }
    }

    /// The same log, with `timeout` for its waits instead of [`DEFAULT_TIMEOUT`].
    pub fn with_timeout(mut self, timeout: Duration) -> Navigations {
        self.timeout = timeout;
        self
    }

    /// Every navigation so far, in order.
    pub fn all(&self) -> Vec<Navigation> {
        self.log.borrow().clone()
    }

    /// The latest navigation.
    pub fn last(&self) -> Option<Navigation> {
        self.log.borrow().last().cloned()
    }

    /// How many navigations there were.
    pub fn len(&self) -> usize {
        self.log.borrow().len()
    }

    /// Whether there was none.
    pub fn is_empty(&self) -> bool {
        self.log.borrow().is_empty()
    }

    /// The links the page itself was sent to, in order.
    pub fn redirects(&self) -> Vec<String> {
        self.log
            .borrow()
            .iter()
            .filter_map(|n| match n {
                Navigation::Redirect(url) => Some(url.clone()),
                _ => None,
            })
            .collect()
    }

    /// Forgets the navigations so far.
    pub fn clear(&self) {
        self.log.borrow_mut().clear();
    }

    /// Waits for a first navigation and returns it.
    pub async fn wait_for_any(&self) -> Navigation {
        match poll(self.timeout, || self.log.borrow().first().cloned()).await {
            Some(navigation) => navigation,
            None => fail_after("a navigation", self.timeout, "none was recorded"),
        }
    }

    /// Waits until the page is sent somewhere, and returns the link.
    pub async fn wait_for_redirect(&self) -> String {
        match poll(self.timeout, || self.redirects().into_iter().next()).await {
            Some(url) => url,
            None => fail_after("a redirect", self.timeout, &format!("recorded: {:?}", self.all())),
        }
    }
}

impl fmt::Debug for Navigations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.log.borrow().iter()).finish()
    }
}
