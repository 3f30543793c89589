-- Finance (SPEC §4): cost lines, exchange rates, budget versions, spending, finance settings
-- and the Agreement of Cooperation record. Exact decimals are TEXT (rust_decimal's canonical
-- string, scale kept: 1507.50 stays 1507.50); totals are summed in Rust, never in SQL.

CREATE TABLE cost_lines (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    -- JSON text per language
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    currency TEXT NOT NULL,
    funder_id TEXT NOT NULL REFERENCES organisations (id),
    -- JSON object: quarter number -> exact quantity as a string
    quantities TEXT NOT NULL,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX cost_lines_by_plan ON cost_lines (plan_id, activity_id, position);

-- Deployment-wide reference data: one rate per pair, type and day.
CREATE TABLE exchange_rates (
    id TEXT PRIMARY KEY,
    base TEXT NOT NULL,
    quote TEXT NOT NULL,
    rate_type TEXT NOT NULL,
    date TEXT NOT NULL,
    rate TEXT NOT NULL,
    source TEXT,
    version BIGINT NOT NULL,
    UNIQUE (base, quote, rate_type, date)
);
CREATE INDEX exchange_rates_by_date ON exchange_rates (date);

-- Frozen budgets: the lines as they stood, as JSON, never changed afterwards.
CREATE TABLE budget_versions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    frozen_by TEXT NOT NULL,
    frozen_at TEXT NOT NULL,
    line_count BIGINT NOT NULL,
    lines TEXT NOT NULL,
    UNIQUE (plan_id, number),
    UNIQUE (plan_id, name)
);

-- Money paid against a cost line. A line with spending cannot be deleted (nor, through it,
-- its activity): financial records never vanish with a change to the framework.
CREATE TABLE expenditures (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    cost_line_id TEXT NOT NULL REFERENCES cost_lines (id),
    date TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    evidence TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX expenditures_by_plan ON expenditures (plan_id, date);
CREATE INDEX expenditures_by_line ON expenditures (cost_line_id);

CREATE TABLE finance_settings (
    plan_id TEXT PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    rate_type TEXT NOT NULL,
    version BIGINT NOT NULL
);

-- The Agreement of Cooperation record (SPEC §6); agreement_id is set by the partnerships module.
CREATE TABLE agreements_of_cooperation (
    plan_id TEXT PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    activity_id TEXT REFERENCES activities (id) ON DELETE SET NULL,
    baseline_id TEXT REFERENCES budget_versions (id),
    handover_revision_id TEXT REFERENCES budget_versions (id),
    agreement_id TEXT,
    signed_on TEXT,
    version BIGINT NOT NULL
);
