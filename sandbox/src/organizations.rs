//! The nonprofit directory: five seeded organizations plus whatever the
//! control API adds. Seeds have the documented shape ([`Nonprofit`]); added
//! organizations are kept as the JSON objects they were posted as, so tests
//! can serve the variations the real service may send (`logo`, `EIN`, extra
//! members, see `CONTRACT.md`) verbatim.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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

/// `GET /v1/partner/organizations/:slug` for a seeded nonprofit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Nonprofit {
    /// `org_` + the slug with `_` for `-`.
    pub id: String,
    pub slug: String,
    pub name: String,
    /// Absolute URL of the generated logo on the sandbox's own listener.
    pub logo_url: String,
    pub ein: String,
    pub status: String,
}

/// What the directory serves for a slug.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Organization {
    Seeded(Nonprofit),
    /// Added through the control API: any JSON object with a usable `slug`,
    /// served exactly as it was posted.
    Added(Map<String, Value>),
}

impl Organization {
    /// The `name`, if it is a string.
    pub fn name(&self) -> Option<&str> {
        match self {
            Organization::Seeded(org) => Some(&org.name),
            Organization::Added(org) => org.get("name").and_then(Value::as_str),
        }
    }

    /// The first string among `logoUrl` and its alias `logo`.
    pub fn logo(&self) -> Option<&str> {
        match self {
            Organization::Seeded(org) => Some(&org.logo_url),
            Organization::Added(org) => ["logoUrl", "logo"].iter().find_map(|m| org.get(*m).and_then(Value::as_str)),
        }
    }
}

/// Thread-safe slug → organization map.
pub struct Directory {
    api_base: String,
    orgs: Mutex<HashMap<String, Organization>>,
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
        let seeded = SEEDS.iter().map(|s| (s.slug.to_owned(), Organization::Seeded(self.nonprofit(s)))).collect();
        *lock(&self.orgs) = seeded;
    }

    fn nonprofit(&self, seed: &Seed) -> Nonprofit {
        Nonprofit {
            id: format!("org_{}", seed.slug.replace('-', "_")),
            slug: seed.slug.to_owned(),
            name: seed.name.to_owned(),
            logo_url: format!("{}/logos/{}.svg", self.api_base, seed.slug),
            ein: seed.ein.to_owned(),
            status: "ACTIVE".to_owned(),
        }
    }

    pub fn get(&self, slug: &str) -> Option<Organization> {
        lock(&self.orgs).get(slug).cloned()
    }

    pub fn contains(&self, slug: &str) -> bool {
        lock(&self.orgs).contains_key(slug)
    }

    /// The display name of an organization, falling back to its slug.
    pub fn display_name(&self, slug: &str) -> String {
        self.get(slug).and_then(|org| org.name().map(str::to_owned)).unwrap_or_else(|| slug.to_owned())
    }

    /// Adds or replaces an organization given as a JSON object with a string
    /// `slug`. Returns the stored organization.
    pub fn upsert(&self, org: Map<String, Value>) -> Result<Organization, String> {
        let slug = match org.get("slug") {
            Some(Value::String(s)) if is_valid_slug(s) => s.clone(),
            Some(Value::String(_)) => {
                return Err("slug must be 1 to 128 characters of a-z, A-Z, 0-9, '-', '_' or '.'".to_owned());
            }
            _ => return Err("slug is required and must be a string".to_owned()),
        };
        let stored = Organization::Added(org);
        lock(&self.orgs).insert(slug, stored.clone());
        Ok(stored)
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
    use serde_json::json;

    #[test]
    fn seeds_have_the_documented_shape_and_absolute_logo_urls() {
        let dir = Directory::new("http://127.0.0.1:9".to_owned());
        let arc = serde_json::to_value(dir.get("american-red-cross").unwrap()).unwrap();
        assert_eq!(
            arc,
            json!({
                "id": "org_american_red_cross",
                "slug": "american-red-cross",
                "name": "American Red Cross",
                "logoUrl": "http://127.0.0.1:9/logos/american-red-cross.svg",
                "ein": "53-0196605",
                "status": "ACTIVE",
            })
        );
        assert!(SEEDS.len() >= 5);
    }

    #[test]
    fn upsert_keeps_the_body_verbatim_and_reset_restores_seeds() {
        let dir = Directory::new("http://x".to_owned());
        let body = json!({"slug":"american-red-cross","name":"Changed","EIN":"1","logo":"https://l/x.png","extra":[1]});
        let Value::Object(map) = body.clone() else { unreachable!() };
        assert_eq!(serde_json::to_value(dir.upsert(map).unwrap()).unwrap(), body);
        let stored = dir.get("american-red-cross").unwrap();
        assert_eq!(serde_json::to_value(&stored).unwrap(), body);
        assert_eq!((stored.name(), stored.logo()), (Some("Changed"), Some("https://l/x.png")));
        dir.reset();
        assert_eq!(dir.display_name("american-red-cross"), "American Red Cross");
    }

    #[test]
    fn logo_prefers_a_string_logo_url_over_the_alias() {
        let Value::Object(both) = json!({"logoUrl": "https://a", "logo": "https://b"}) else { unreachable!() };
        assert_eq!(Organization::Added(both).logo(), Some("https://a"));
        let Value::Object(null_url) = json!({"logoUrl": null, "logo": "https://b"}) else { unreachable!() };
        assert_eq!(Organization::Added(null_url).logo(), Some("https://b"));
        assert_eq!(Organization::Added(Map::new()).logo(), None);
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
