# templates pages: the templates, one template, and a new plan from a template.
templates-title = Templates
templates-intro = A plan starts as a copy of a template: its milestones, activities, outputs, indicators, risks and timeline. Changing the plan later never changes the template.
templates-new-plan = New plan from a template
templates-empty = There are no templates yet.
templates-col-name = Template
templates-col-code = Code
templates-col-kind = Kind
templates-col-source = Source
templates-col-milestones = Milestones
templates-col-activities = Activities
templates-col-actions = Actions
templates-builtin = Built in
templates-own = Your organisation's
templates-use = New plan
templates-use-this = New plan from this template
templates-kind-rto_transition = RTO transition
templates-kind-generic = Programme or project
templates-quarters = Quarters
templates-languages = Languages
templates-contents = Contents
templates-n-milestones = { $n ->
    [one] { $count } milestone
   *[other] { $count } milestones
}
templates-n-activities = { $n ->
    [one] { $count } activity
   *[other] { $count } activities
}
templates-n-indicators = { $n ->
    [one] { $count } indicator
   *[other] { $count } indicators
}
templates-n-risks = { $n ->
    [one] { $count } risk
   *[other] { $count } risks
}
templates-output-facts = { $indicators }, { $risks }
templates-needs = Needs the activities address
templates-milestones = Milestones and activities
templates-no-milestones = This template has no milestones.
templates-col-activity = Activity
templates-col-lead = Led by
templates-col-timeline = Indicative timeline
templates-col-outputs = Outputs
templates-repeatable = repeatable
templates-rationale = Rationale
templates-quarter-range = { $from }–{ $to }
templates-lead-local_authority = The local authority
templates-lead-partner = The development partner
templates-lead-joint = Jointly
templates-new-title = New plan from a template
templates-new-intro = The plan is copied from the template with its calendar laid out from the start date. It starts as a draft that the parties can change before endorsing it.
templates-new-template = Template
templates-new-template-hint = The framework the plan is copied from.
templates-new-name = Name of the plan
templates-new-name-hint = In the language of this page; the other languages can be added later.
templates-new-code = Code
templates-new-code-hint = A short code used in the plan's web addresses: 2 to 40 lower-case letters, digits and dashes. Made from the name when left empty.
templates-new-local-authority = Local authority
templates-new-local-authority-hint = The municipality or union of municipalities that owns the plan.
templates-new-choose = Choose…
templates-new-own-organisations = Your organisations
templates-new-other-authorities = Other local authorities
templates-new-partners = Development partners
templates-new-partners-hint = The partners who co-own the plan with the local authority.
templates-new-no-partners = The directory has no development partners yet.
templates-new-start = Start
templates-new-start-hint = The first day of a month: the first quarter of the plan starts on it.
templates-new-currency = Reporting currency
templates-new-currency-hint = The three letters of an ISO 4217 currency, for example USD, EUR or LBP.
templates-new-submit = Create the plan
templates-new-other = The plan
templates-new-problem-template = Choose one of the templates.
templates-new-problem-code = Use 2 to 40 lower-case letters, digits and dashes, starting with a letter or a digit.
templates-new-problem-code-taken = Another plan already uses this code: choose another.
templates-new-problem-name = Give the plan a name.
templates-new-problem-local-authority = Choose a municipality or a union of municipalities from the directory.
templates-new-problem-party = You act for { $organisation }: it must be the local authority or one of the partners of the plan.
templates-new-problem-partners = Choose each partner once, from the directory, and not the local authority itself.
templates-new-problem-start = Choose the first day of a month: a plan starts on the 1st.
templates-new-problem-currency = Give the three letters of an ISO 4217 currency, for example USD or LBP.
templates-new-problem-other = The plan could not be made from this template as it is.
templates-org-type-municipality = Municipality
templates-org-type-union_of_municipalities = Union of municipalities
templates-org-type-ministry = Ministry
templates-org-type-development_partner = Development partner
templates-org-type-private_company = Private company
templates-org-type-business_association = Business association
templates-org-type-ngo = Non-governmental organisation
templates-org-type-faith_based = Faith-based organisation
templates-org-type-community_based = Community-based organisation
templates-org-type-workers_organisation = Workers' organisation
templates-org-type-employers_organisation = Employers' organisation
templates-org-type-development_bank = Development bank
templates-org-type-research_or_training = Research or training institution
templates-org-type-other = Other organisation
