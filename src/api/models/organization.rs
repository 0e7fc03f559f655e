//! `GET /v1/partner/organizations/:slug`: a nonprofit, read with the aliases services use.

use serde::{Deserialize, Serialize};

/// `GET /v1/partner/organizations/:slug`: a nonprofit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "OrganizationAnswer")]
pub struct Organization {
    /// The nonprofit's id.
    pub id: String,
    /// Its slug, as used in the path.
    pub slug: String,
    /// Its name, to show.
    pub name: String,
    /// `logoUrl`, or `logo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// `ein`, or `EIN`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ein: Option<String>,
    /// `ACTIVE` and the like, where the service says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// An organization as it arrives. The published names and their aliases are separate members,
/// so an answer that carries both is read (the published one wins) instead of being refused
/// as a duplicate, which a serde `alias` would do.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[derive(Default)]
struct OrganizationAnswer {
    id: String,
    slug: String,
    name: String,
    logo_url: Option<String>,
    logo: Option<String>,
    ein: Option<String>,
    #[serde(rename = "EIN")]
    ein_upper: Option<String>,
    status: Option<String>,
}

impl From<OrganizationAnswer> for Organization {
    fn from(a: OrganizationAnswer) -> Self {
        Organization {
            id: a.id,
            slug: a.slug,
            name: a.name,
            logo_url: a.logo_url.or(a.logo),
            ein: a.ein.or(a.ein_upper),
            status: a.status,
        }
    }
}

impl Organization {
    /// The name to show; the slug when the service sent none.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() { &self.slug } else { &self.name }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::json::decode;

    #[test]
    fn decodes_organization_and_its_variants() {
        let sandbox: Organization = decode(
            r#"{"id":"org_1","slug":"american-red-cross","name":"American Red Cross",
               "logoUrl":"https://x/logo.svg","ein":"53-0196605","status":"ACTIVE"}"#,
        )
        .unwrap();
        assert_eq!(sandbox.logo_url.as_deref(), Some("https://x/logo.svg"));
        assert_eq!(sandbox.ein.as_deref(), Some("53-0196605"));
        let aliased: Organization =
            decode(r#"{"id":"o","slug":"s","name":"N","logo":"https://x/l.png","EIN":"12","extra":{"a":1}}"#).unwrap();
        assert_eq!(aliased.logo_url.as_deref(), Some("https://x/l.png"));
        assert_eq!(aliased.ein.as_deref(), Some("12"));
        let bare: Organization = decode(r#"{"slug":"khan-academy"}"#).unwrap();
        assert_eq!(bare.logo_url, None);
        assert_eq!(bare.display_name(), "khan-academy");
    }
}
