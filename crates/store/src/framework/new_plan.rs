//! A new plan from a template, as a client asks for it: the template, local authority and
//! partners are looked up in the actor's view, every problem is named with its field, and the
//! copy is stored in one audited write (`plans::create`).

use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::{orgs, plans, templates};
use handover_core::actor::{Actor, Role};
use handover_core::calendar::MonthStart;
use handover_core::error::Problems;
use handover_core::ids::Code;
use handover_core::money::Currency;
use handover_core::plan::{PlanKind, PlanTree};
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::{Lang, Text};

/// A new plan as written.
#[derive(Clone, Debug, Default)]
pub struct NewPlanInput {
    /// The template's code or id.
    pub template: String,
    /// Made from the name when absent.
    pub code: Option<String>,
    pub name: Text,
    /// The owning local authority's code or id.
    pub local_authority: String,
    /// Codes or ids of the co-owning development partners.
    pub partners: Vec<String>,
    /// `YYYY-MM-DD`, the first day of a month.
    pub start: String,
    pub currency: String,
    /// The template's languages when empty.
    pub languages: Vec<Lang>,
}

/// Makes and stores a plan from a template; an editor or administrator of one of its parties.
pub async fn create(store: &Store, actor: &Actor, input: NewPlanInput) -> StoreResult<PlanTree> {
    match actor {
        Actor::Reader { .. } => return Err(StoreError::Forbidden("this view is read-only".into())),
        Actor::Member { role, .. } if *role < Role::Editor => {
            return Err(StoreError::Forbidden(
                "creating a plan needs an editor or administrator".into(),
            ));
        }
        _ => {}
    }
    let mut p = Problems::default();
    let template = match templates::get(store, actor, &input.template).await {
        Ok((_, t)) => Some(t),
        Err(StoreError::NotFound(_)) => {
            p.push(
                "template",
                format!("there is no template `{}`", input.template),
            );
            None
        }
        Err(e) => return Err(e),
    };
    let owner = org(
        store,
        actor,
        &mut p,
        "local_authority",
        &input.local_authority,
    )
    .await?;
    if let (Some(t), Some(o)) = (&template, &owner)
        && t.kind == PlanKind::RtoTransition
        && !o.org_type.is_local_authority()
    {
        p.push(
            "local_authority",
            format!("`{}` is a {}, not a municipality or a union of municipalities: an RTO plan is owned by its local authority", o.code, o.org_type.as_str()),
        );
    }
    let mut partners = vec![];
    for (i, r) in input.partners.iter().enumerate() {
        if let Some(o) = org(store, actor, &mut p, &format!("partners[{i}]"), r).await? {
            partners.push(o);
        }
    }
    let start = p.take("start", MonthStart::parse(&input.start));
    let currency = p.take("currency", Currency::parse(&input.currency));
    let lang = input
        .languages
        .first()
        .or(template.as_ref().and_then(|t| t.languages.first()))
        .copied()
        .unwrap_or(Lang::En);
    let code = match &input.code {
        Some(c) => p.take("code", Code::parse(c.trim())),
        None => Some(Code::slugify(input.name.best(lang))),
    };
    if input.name.is_empty() {
        p.push("name", "the plan needs a name in at least one language");
    }
    p.into_result()?;
    let (Some(template), Some(owner), Some(start), Some(currency), Some(code)) =
        (template, owner, start, currency, code)
    else {
        return Err(StoreError::Corrupt("a checked plan input".into()));
    };
    let tree = instantiate(
        &template,
        NewPlan {
            code: code.clone(),
            name: input.name,
            owner,
            partners,
            start,
            currency,
            languages: input.languages,
        },
    )
    .map_err(|mut e| {
        for f in &mut e.0 {
            if f.field.starts_with("template") {
                f.field = "template".into();
            }
        }
        StoreError::Invalid(e)
    })?;
    plans::create(store, actor, &tree)
        .await
        .map_err(|e| match e {
            StoreError::Duplicate { .. } => StoreError::Duplicate {
                field: "code".into(),
                value: code.to_string(),
            },
            other => other,
        })?;
    Ok(tree)
}

/// An organisation of the directory, or a problem at `field`.
async fn org(
    store: &Store,
    actor: &Actor,
    p: &mut Problems,
    field: &str,
    r: &str,
) -> StoreResult<Option<handover_core::org::Organisation>> {
    match orgs::find(store, actor, r).await {
        Ok(o) => Ok(Some(o)),
        Err(StoreError::NotFound(_)) => {
            p.push(
                field,
                format!("there is no organisation `{r}` in the directory"),
            );
            Ok(None)
        }
        Err(e) => Err(e),
    }
}
