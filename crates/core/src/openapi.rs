//! OpenAPI schemas for the domain's wire types (ids are UUID strings, texts are language maps),
//! so the web crate's response types can derive theirs. Only with the `openapi` feature.

use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};

/// The schema of every id: a UUID string.
pub(crate) fn uuid_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
        .into()
}

impl utoipa::PartialSchema for crate::text::Text {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "One text per language: keys `en`, `fr`, `ar`; a missing translation is absent.",
            ))
            .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
            .into()
    }
}

impl utoipa::ToSchema for crate::text::Text {}

macro_rules! string_schema {
    ($($t:ty => $desc:literal),* $(,)?) => {$(
        impl utoipa::PartialSchema for $t {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new().schema_type(Type::String).description(Some($desc)).into()
            }
        }
        impl utoipa::ToSchema for $t {}
    )*};
}

string_schema!(
    crate::ids::Code => "A short unique code: lower-case letters, digits and dashes.",
    crate::ids::Key => "A stable snake_case key.",
    crate::money::Currency => "An ISO 4217 currency code.",
);

impl utoipa::PartialSchema for crate::risk::Score {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(5))
            .description(Some("A score from 1 to 5."))
            .into()
    }
}

impl utoipa::ToSchema for crate::risk::Score {}
