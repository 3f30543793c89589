//! The demo's organisation directory: clearly fictional unions and municipalities placed in
//! Lebanon's real governorates, three fictional development partners and a fictional
//! ministry directorate (flagged as a ministry). An organisation already in the directory
//! under the same code is reused.

use anyhow::anyhow;
use handover_core::actor::Actor;
use handover_core::org::{NewOrganisation, Organisation};
use handover_store::{Store, StoreError, orgs};

/// (code, name, type, governorate, union code, IATI identifier)
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// Unions come before their member municipalities.
const DIRECTORY: &[Entry] = &[
    (
        "union-coastal-south",
        "Union of Fictional Coastal Municipalities (South)",
        "union_of_municipalities",
        Some("South"),
        None,
        None,
    ),
    (
        "union-olive-north",
        "Union of Fictional Olive Grove Municipalities (North)",
        "union_of_municipalities",
        Some("North"),
        None,
        None,
    ),
    (
        "union-cedar-valley",
        "Union of Fictional Cedar Valley Municipalities (Baalbek-Hermel)",
        "union_of_municipalities",
        Some("Baalbek-Hermel"),
        None,
        None,
    ),
    (
        "union-plain-bekaa",
        "Union of Fictional Plain Municipalities (Bekaa)",
        "union_of_municipalities",
        Some("Bekaa"),
        None,
        None,
    ),
    (
        "union-hills-akkar",
        "Union of Fictional Hill Municipalities (Akkar)",
        "union_of_municipalities",
        Some("Akkar"),
        None,
        None,
    ),
    (
        "mun-fictional-harbour",
        "Fictional Harbour Municipality",
        "municipality",
        Some("South"),
        Some("union-coastal-south"),
        None,
    ),
    (
        "mun-fictional-orchard",
        "Fictional Orchard Municipality",
        "municipality",
        Some("South"),
        Some("union-coastal-south"),
        None,
    ),
    (
        "mun-fictional-olive-press",
        "Fictional Olive Press Municipality",
        "municipality",
        Some("North"),
        Some("union-olive-north"),
        None,
    ),
    (
        "mun-fictional-springs",
        "Fictional Springs Municipality",
        "municipality",
        Some("Nabatieh"),
        None,
        None,
    ),
    (
        "mun-fictional-pine-ridge",
        "Fictional Pine Ridge Municipality",
        "municipality",
        Some("Mount Lebanon"),
        None,
        None,
    ),
    (
        "mun-fictional-riverside",
        "Fictional Riverside Municipality",
        "municipality",
        Some("Akkar"),
        Some("union-hills-akkar"),
        None,
    ),
    (
        "dp-fictional-cooperation",
        "Fictional Agency for Local Cooperation (demo partner)",
        "development_partner",
        None,
        None,
        Some("XX-DEMO-FALC"),
    ),
    (
        "dp-fictional-fund",
        "Fictional Municipal Development Fund (demo partner)",
        "development_partner",
        None,
        None,
        Some("XX-DEMO-FMDF"),
    ),
    (
        "dp-fictional-services",
        "Fictional Partnership for Local Services (demo NGO)",
        "development_partner",
        None,
        None,
        Some("XX-DEMO-FPLS"),
    ),
    (
        "ministry-fictional-interior",
        "Fictional Directorate of Local Administrations (demo ministry)",
        "ministry",
        Some("Beirut"),
        None,
        None,
    ),
];

/// The fictional ministry, flagged so that it reads every plan.
pub const MINISTRY: &str = "ministry-fictional-interior";

/// The demo organisations, by code.
#[derive(Debug)]
pub struct Directory {
    pub orgs: Vec<Organisation>,
    /// How many were added (the others were already there).
    pub added: usize,
}

impl Directory {
    pub fn get(&self, code: &str) -> anyhow::Result<&Organisation> {
        self.orgs
            .iter()
            .find(|o| o.code.as_str() == code)
            .ok_or_else(|| anyhow!("the demo names organisation {code}, which it did not add"))
    }

    pub fn id(&self, code: &str) -> anyhow::Result<handover_core::ids::OrgId> {
        self.get(code).map(|o| o.id)
    }
}

/// Adds every demo organisation that is not in the directory yet, and flags the ministry.
pub async fn ensure(store: &Store, actor: &Actor) -> anyhow::Result<Directory> {
    let mut dir = Directory {
        orgs: vec![],
        added: 0,
    };
    for (code, name, kind, region, union, iati) in DIRECTORY {
        let org = match orgs::find(store, actor, code).await {
            Ok(o) => o,
            Err(StoreError::NotFound(_)) => {
                let new = NewOrganisation::parse(code, name, kind, *region, *union, *iati)?;
                dir.added += 1;
                orgs::add(store, actor, new).await?
            }
            Err(e) => return Err(e.into()),
        };
        dir.orgs.push(org);
    }
    if !dir.get(MINISTRY)?.ministry {
        let flagged = orgs::flag_ministry(store, actor, MINISTRY, true).await?;
        if let Some(o) = dir.orgs.iter_mut().find(|o| o.code.as_str() == MINISTRY) {
            *o = flagged;
        }
    }
    Ok(dir)
}
