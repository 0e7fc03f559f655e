//! Round trips in sequence: how many request/response exchanges a page waited for one after the
//! other. On a slow network each costs the full latency, whatever its size, so this (not the
//! request count) is what a donor on a phone feels.

/// One request, on the page's clock (milliseconds); `preflight` when the browser had to ask the
/// API's permission first (CORS), one more round trip before it.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub start: f64,
    pub end: f64,
    pub preflight: bool,
}

/// The longest chain of requests each started after the one before it ended, a preflight
/// counting as a round trip of its own.
pub fn round_trips(requests: &[Request]) -> usize {
    let mut sorted = requests.to_vec();
    sorted.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut depth: Vec<usize> = Vec::with_capacity(sorted.len());
    for (i, r) in sorted.iter().enumerate() {
        let before = (0..i).filter(|&j| sorted[j].end <= r.start).map(|j| depth[j]).max().unwrap_or(0);
        depth.push(before + 1 + usize::from(r.preflight));
    }
    depth.into_iter().max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: f64, end: f64, preflight: bool) -> Request {
        Request { start, end, preflight }
    }

    #[test]
    fn parallel_requests_are_one_round_trip() {
        assert_eq!(round_trips(&[]), 0);
        assert_eq!(round_trips(&[r(0.0, 10.0, false), r(1.0, 12.0, false)]), 1);
    }

    #[test]
    fn a_chain_counts_each_link_and_each_preflight() {
        // loader → glue → wasm → preflighted config: five round trips.
        let chain = [r(0.0, 5.0, false), r(6.0, 9.0, false), r(10.0, 20.0, false), r(21.0, 30.0, true)];
        assert_eq!(round_trips(&chain), 5);
        // loader → (glue, wasm, preflighted config, all at once): three.
        let parallel = [r(0.0, 5.0, false), r(6.0, 9.0, false), r(6.0, 20.0, false), r(6.5, 30.0, true)];
        assert_eq!(round_trips(&parallel), 3);
    }
}
