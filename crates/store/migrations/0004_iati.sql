-- IATI exchange (issue 7): which plan each imported activity became and what the import saw,
-- so that a re-import changes only what changed and never overwrites an edit made in
-- Handover unless told to; the file's budgets, kept for the export until the plan has cost
-- lines; and the roles of the plan's parties in the activity.

CREATE TABLE iati_links (
    plan_id TEXT PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    identifier TEXT NOT NULL UNIQUE,
    -- SHA-256 (hex) of the activity as imported
    content_hash TEXT NOT NULL,
    -- the plan's version, framework version and number of audit entries right after the import:
    -- any difference later means the plan was changed in Handover
    plan_version BIGINT NOT NULL,
    framework_version BIGINT NOT NULL,
    audit_entries BIGINT NOT NULL,
    -- the activity's own dates (activity-date types 1-4)
    planned_start TEXT,
    actual_start TEXT,
    planned_end TEXT,
    actual_end TEXT,
    -- the file it came from, for the record
    source TEXT,
    imported_at TEXT NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE iati_budgets (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    -- exact decimal as text
    value TEXT,
    currency TEXT,
    value_date TEXT,
    -- BudgetType and BudgetStatus codes
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE iati_party_roles (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- OrganisationRole code 1-4
    role TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (plan_id, organisation_id, role)
);
