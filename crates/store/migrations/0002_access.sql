-- Accounts, sessions and tokens; the reporting cycle; endorsement and the handover schedule.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled BIGINT NOT NULL DEFAULT 0,
    -- per-account sign-in limit: failures since the last success, and when the last one was
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,
    last_failed_at TEXT,
    preferred_language TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_by_org ON memberships (organisation_id);

-- Browser sessions: the cookie holds a random secret; only its SHA-256 is stored.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- API tokens for scripts: shown once, stored as SHA-256.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

ALTER TABLE plans ADD COLUMN framework_version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE endorsements (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    framework_version BIGINT NOT NULL,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    UNIQUE (plan_id, organisation_id, framework_version)
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    period_id TEXT NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '{}',
    review_comment TEXT,
    submitted_by TEXT,
    submitted_at TEXT,
    reviewed_by TEXT,
    reviewed_at TEXT,
    version BIGINT NOT NULL,
    UNIQUE (plan_id, period_id, organisation_id)
);

-- Which organisation reported an actual (its report locks it once approved).
ALTER TABLE indicator_values ADD COLUMN organisation_id TEXT REFERENCES organisations (id);

CREATE TABLE handover_items (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    due_date TEXT NOT NULL,
    owner_confirmed_by TEXT,
    owner_confirmed_at TEXT,
    partner_confirmed_by TEXT,
    partner_confirmed_at TEXT,
    version BIGINT NOT NULL
);
CREATE INDEX handover_items_by_plan ON handover_items (plan_id, due_date);
