//! Who acts: every change is made by an actor (SPEC §14) — a user acting for one of their
//! organisations with a role there, an invited respondent, or the command line's local
//! operator. The access rules here are the ones the store enforces in its queries.

use crate::ids::OrgId;
use serde::{Deserialize, Serialize};

/// A user's role in an organisation.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Viewer,
    Reporter,
    Editor,
    Administrator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Reporter => "reporter",
            Role::Editor => "editor",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "reporter" => Ok(Role::Reporter),
            "editor" => Ok(Role::Editor),
            "administrator" | "admin" => Ok(Role::Administrator),
            _ => Err(format!(
                "unknown role `{s}`: use administrator, editor, reporter or viewer"
            )),
        }
    }
}

/// Who is making a change or a request.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Actor {
    /// The command line's local operator, administering the whole deployment.
    Operator { system_user: String },
    /// Reads every plan and writes nothing (the public demo view).
    Reader { label: String },
    /// Someone acting for an organisation with a role there: a signed-in user, or the
    /// operator with `--as ORG` (acting as that organisation's administrator).
    Member {
        label: String,
        org: OrgId,
        role: Role,
    },
}

/// What an actor may do with a plan.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Access {
    /// Outside the scope: the plan does not exist for this actor.
    None,
    Read,
    /// May enter actuals, statuses and evidence.
    Report,
    /// May change the framework, timeline and settings.
    Edit,
}

impl Actor {
    /// The operator, named after the system user running the command line.
    pub fn operator(system_user: impl Into<String>) -> Self {
        Actor::Operator {
            system_user: system_user.into(),
        }
    }

    /// How the actor is written in the audit trail.
    pub fn label(&self) -> String {
        match self {
            Actor::Operator { system_user } => format!("operator:{system_user}"),
            Actor::Reader { label } | Actor::Member { label, .. } => label.clone(),
        }
    }

    /// The organisation acted for, if any.
    pub fn org(&self) -> Option<OrgId> {
        match self {
            Actor::Operator { .. } | Actor::Reader { .. } => None,
            Actor::Member { org, .. } => Some(*org),
        }
    }

    pub fn is_operator(&self) -> bool {
        matches!(self, Actor::Operator { .. })
    }

    /// Whether the actor reads every plan of the deployment (operator and reader).
    pub fn reads_everything(&self) -> bool {
        matches!(self, Actor::Operator { .. } | Actor::Reader { .. })
    }

    /// The plan-scope rule (SPEC §14): parties act by role, a ministry reads, others see nothing.
    pub fn plan_access(&self, is_party: bool, org_is_ministry: bool) -> Access {
        match self {
            Actor::Operator { .. } => Access::Edit,
            Actor::Reader { .. } => Access::Read,
            Actor::Member { role, .. } if is_party => match role {
                Role::Administrator | Role::Editor => Access::Edit,
                Role::Reporter => Access::Report,
                Role::Viewer => Access::Read,
            },
            Actor::Member { .. } if org_is_ministry => Access::Read,
            Actor::Member { .. } => Access::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_rules() {
        let org = OrgId::new();
        let m = |role| Actor::Member {
            label: "u".into(),
            org,
            role,
        };
        assert_eq!(m(Role::Editor).plan_access(true, false), Access::Edit);
        assert_eq!(m(Role::Reporter).plan_access(true, false), Access::Report);
        assert_eq!(
            m(Role::Administrator).plan_access(false, false),
            Access::None
        );
        assert_eq!(
            m(Role::Administrator).plan_access(false, true),
            Access::Read
        );
        assert_eq!(Actor::operator("root").label(), "operator:root");
    }
}
