CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    org_type TEXT NOT NULL,
    region TEXT,
    union_id TEXT REFERENCES organisations (id),
    iati_id TEXT UNIQUE,
    ministry BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    -- '' for templates of the whole deployment (the built-in ones), else the owning organisation.
    owner_key TEXT NOT NULL,
    builtin BIGINT NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (owner_key, code)
);

CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES organisations (id),
    start_date TEXT NOT NULL,
    quarters BIGINT NOT NULL,
    currency TEXT NOT NULL,
    languages TEXT NOT NULL,
    status TEXT NOT NULL,
    template_code TEXT,
    report_due_days BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE plan_parties (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (plan_id, organisation_id)
);
CREATE INDEX plan_parties_by_org ON plan_parties (organisation_id);

CREATE TABLE plan_needs (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (plan_id, key)
);

CREATE TABLE periods (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    label TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    UNIQUE (plan_id, seq)
);

CREATE TABLE milestones (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    key TEXT,
    title TEXT NOT NULL,
    objective TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX milestones_by_plan ON milestones (plan_id, number);

CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    key TEXT,
    number BIGINT NOT NULL,
    instance BIGINT,
    title TEXT NOT NULL,
    rationale TEXT NOT NULL,
    needs TEXT NOT NULL,
    financial_description TEXT NOT NULL,
    repeatable BIGINT NOT NULL,
    planned_start BIGINT NOT NULL,
    planned_end BIGINT NOT NULL,
    actual_start BIGINT,
    actual_end BIGINT,
    status TEXT NOT NULL,
    leads TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX activities_by_plan ON activities (plan_id, number, instance);

CREATE TABLE activity_status_history (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    by_actor TEXT NOT NULL,
    note TEXT
);
CREATE INDEX status_history_by_activity ON activity_status_history (activity_id, at);

CREATE TABLE result_nodes (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_kind TEXT NOT NULL,
    parent_id TEXT,
    level TEXT NOT NULL,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    assumptions TEXT NOT NULL,
    responsible TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX result_nodes_by_plan ON result_nodes (plan_id, position);

CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    result_id TEXT NOT NULL REFERENCES result_nodes (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    code TEXT NOT NULL,
    statement TEXT NOT NULL,
    measure TEXT NOT NULL,
    unit TEXT,
    direction TEXT,
    cumulation TEXT NOT NULL,
    baselines TEXT NOT NULL,
    data_source TEXT NOT NULL,
    collection_method TEXT NOT NULL,
    frequency TEXT NOT NULL,
    responsible TEXT NOT NULL,
    proposed_by TEXT,
    validated_by TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX indicators_by_plan ON indicators (plan_id, position);

CREATE TABLE indicator_values (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period_id TEXT NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- exact decimal as text for numeric measures, narrative otherwise
    value TEXT NOT NULL,
    is_number BIGINT NOT NULL,
    -- canonical JSON of the dimensions ({} when not disaggregated)
    dimensions TEXT NOT NULL,
    comment TEXT NOT NULL,
    evidence TEXT,
    reported_by TEXT,
    reported_at TEXT,
    version BIGINT NOT NULL,
    UNIQUE (indicator_id, period_id, kind, dimensions)
);
CREATE INDEX indicator_values_by_plan ON indicator_values (plan_id);

CREATE TABLE risks (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    activity_id TEXT REFERENCES activities (id) ON DELETE CASCADE,
    result_id TEXT REFERENCES result_nodes (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    likelihood BIGINT NOT NULL,
    impact BIGINT NOT NULL,
    mitigation TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    review_date TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX risks_by_plan ON risks (plan_id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    plan_id TEXT,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_by_plan ON audit_log (plan_id, at);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at);
