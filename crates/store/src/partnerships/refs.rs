//! Small shared pieces: how an organisation or a partnership is named in a record, and reading
//! typed values back from portable columns.

use super::PartnershipId;
use crate::StoreResult;
use crate::codec::{self, from_json};
use crate::rows::Get;
use handover_core::ids::OrgId;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use time::Date;

/// An organisation of the directory as a record names it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct OrgRef {
    /// Its id.
    pub id: OrgId,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
}

impl OrgRef {
    /// Reads `{prefix}id`, `{prefix}code` and `{prefix}name`.
    pub(crate) fn from_row(r: &AnyRow, prefix: &str) -> StoreResult<Self> {
        Ok(Self {
            id: codec::id(&r.text(&format!("{prefix}id"))?)?,
            code: r.text(&format!("{prefix}code"))?,
            name: r.text(&format!("{prefix}name"))?,
        })
    }
}

/// A partnership as another record names it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct PartnershipRef {
    /// Its id.
    pub id: PartnershipId,
    /// Its code.
    pub code: String,
    /// Its name, one text per language.
    pub name: Text,
}

impl PartnershipRef {
    /// Reads `{prefix}id`, `{prefix}code` and `{prefix}name`.
    pub(crate) fn from_row(r: &AnyRow, prefix: &str) -> StoreResult<Self> {
        Ok(Self {
            id: codec::id(&r.text(&format!("{prefix}id"))?)?,
            code: r.text(&format!("{prefix}code"))?,
            name: text(r, &format!("{prefix}name"))?,
        })
    }
}

/// A text-per-language column.
pub(crate) fn text(r: &AnyRow, col: &str) -> StoreResult<Text> {
    from_json(&r.text(col)?, col)
}

/// A nullable date column.
pub(crate) fn opt_date(r: &AnyRow, col: &str) -> StoreResult<Option<Date>> {
    r.opt_text(col)?.map(|d| codec::parse_date(&d)).transpose()
}

/// A date column.
pub(crate) fn date(r: &AnyRow, col: &str) -> StoreResult<Date> {
    codec::parse_date(&r.text(col)?)
}

/// A column holding a keyed enum's key.
pub(crate) fn keyed<T>(
    r: &AnyRow,
    col: &str,
    parse: fn(&str) -> Result<T, String>,
) -> StoreResult<T> {
    codec::parsed(parse(&r.text(col)?))
}

/// Parses an optional `YYYY-MM-DD` typed by a person: blank is `None`; a bad date is recorded
/// under `field`.
pub(crate) fn typed_date(
    p: &mut handover_core::error::Problems,
    field: &str,
    raw: Option<&str>,
) -> Option<Date> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    p.take(field, handover_core::calendar::parse_date(raw))
}
