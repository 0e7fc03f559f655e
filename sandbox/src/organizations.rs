//! The nonprofit directory: five seeded organizations plus whatever the
//! control API adds. Organizations are kept as raw JSON objects so that tests
//! can serve the Part-B variants (`logo`, `EIN`, extra fields) verbatim.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::{Map, Value, json};

use crate::sync::lock;

/// A seeded nonprofit and how its generated logo looks.
pub struct Seed {
    pub slug: &'static str,
    pub name: &'static str,
    pub ein: &'static str,
    pub initials: &'static str,
    pub colour: &'static str,
}

pub const SEEDS: &[Seed] = &[
    Seed {
        slug: "american-red-cross",
        name: "American Red Cross",
        ein: "53-0196605",
        initials: "ARC",
        colour: "#c8102e",
    },
    Seed {
        slug: "doctors-without-borders",
        name: "Doctors Without Borders",
        ein: "13-3433452",
        initials: "DWB",
        colour: "#d9381e",
    },
    Seed {
        slug: "world-wildlife-fund",
        name: "World Wildlife Fund",
        ein: "52-1693387",
        initials: "WWF",
        colour: "#2d6a4f",
    },
    Seed { slug: "khan-academy", name: "Khan Academy", ein: "26-1544963", initials: "KA", colour: "#14bf96" },
    Seed { slug: "feeding-america", name: "Feeding America", ein: "36-3673599", initials: "FA", colour: "#e87722" },
];

pub fn seed(slug: &str) -> Option<&'static Seed> {
    SEEDS.iter().find(|s| s.slug == slug)
}

/// Thread-safe slug → organization JSON map.
pub struct Directory {
    api_base: String,
    orgs: Mutex<HashMap<String, Value>>,
}

impl Directory {
    /// `api_base` (e.g. `http://127.0.0.1:8787`) makes the seeded logo URLs
    /// point at this sandbox's own logo route.
    pub fn new(api_base: String) -> Self {
        let directory = Self { api_base, orgs: Mutex::new(HashMap::new()) };
        directory.reset();
        directory
    }

    /// Drops every added organization and restores the seeds.
    pub fn reset(&self) {
        let seeded = SEEDS.iter().map(|s| (s.slug.to_owned(), self.seed_json(s))).collect();
        *lock(&self.orgs) = seeded;
    }

    fn seed_json(&self, seed: &Seed) -> Value {
        json!({
            "id": format!("org_{}", seed.slug.replace('-', "_")),
            "slug": seed.slug,
            "name": seed.name,
            "logoUrl": format!("{}/logos/{}.svg", self.api_base, seed.slug),
            "ein": seed.ein,
            "status": "ACTIVE",
        })
    }

    pub fn get(&self, slug: &str) -> Option<Value> {
        lock(&self.orgs).get(slug).cloned()
    }

    pub fn contains(&self, slug: &str) -> bool {
        lock(&self.orgs).contains_key(slug)
    }

    /// The display name of an organization, falling back to its slug.
    pub fn display_name(&self, slug: &str) -> String {
        self.get(slug)
            .and_then(|org| org.get("name").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_else(|| slug.to_owned())
    }

    /// Adds or replaces an organization given as a JSON object with a string
    /// `slug`. Returns the stored object.
    pub fn upsert(&self, org: Map<String, Value>) -> Result<Value, String> {
        let slug = match org.get("slug") {
            Some(Value::String(s)) if is_valid_slug(s) => s.clone(),
            Some(Value::String(_)) => {
                return Err("slug must be 1 to 128 characters of a-z, A-Z, 0-9, '-', '_' or '.'".to_owned());
            }
            _ => return Err("slug is required and must be a string".to_owned()),
        };
        let value = Value::Object(org);
        lock(&self.orgs).insert(slug, value.clone());
        Ok(value)
    }
}

/// Slugs travel in URL paths, so keep them to characters that need no escaping.
fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 128
        && slug.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_have_absolute_logo_urls_on_the_sandbox() {
        let dir = Directory::new("http://127.0.0.1:9".to_owned());
        let arc = dir.get("american-red-cross").unwrap();
        assert_eq!(arc["name"], "American Red Cross");
        assert_eq!(arc["logoUrl"], "http://127.0.0.1:9/logos/american-red-cross.svg");
        assert_eq!(arc["status"], "ACTIVE");
        assert!(SEEDS.len() >= 5);
    }

    #[test]
    fn upsert_keeps_the_body_verbatim_and_reset_restores_seeds() {
        let dir = Directory::new("http://x".to_owned());
        let body = json!({"slug":"american-red-cross","name":"Changed","EIN":"1","logo":"https://l/x.png","extra":[1]});
        let Value::Object(map) = body.clone() else { unreachable!() };
        assert_eq!(dir.upsert(map).unwrap(), body);
        assert_eq!(dir.get("american-red-cross").unwrap(), body);
        dir.reset();
        assert_eq!(dir.display_name("american-red-cross"), "American Red Cross");
    }

    #[test]
    fn upsert_requires_a_usable_slug() {
        let dir = Directory::new("http://x".to_owned());
        assert!(dir.upsert(Map::new()).is_err());
        let Value::Object(bad) = json!({"slug": "has space"}) else { unreachable!() };
        assert!(dir.upsert(bad).is_err());
        let Value::Object(num) = json!({"slug": 7}) else { unreachable!() };
        assert!(dir.upsert(num).is_err());
    }
}
