-- Partnerships (SPEC §9, §14; seeds 001 and 002): partnerships and their member organisations,
-- agreements, performance indicators and their dated values, the readiness assessment, maturity
-- rounds with invitations (single-use links stored as SHA-256 only) and answers, each
-- organisation's own stakeholder register, and the RTO network with its communities of practice.
-- Partnership data carries partnership_id (its scope); the register carries keeper_id.

CREATE TABLE partnerships (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    -- JSON text per language
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    convening_id TEXT NOT NULL REFERENCES organisations (id),
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE partnership_members (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    joined_on TEXT,
    left_on TEXT,
    version BIGINT NOT NULL,
    UNIQUE (partnership_id, organisation_id)
);
CREATE INDEX partnership_members_by_org ON partnership_members (organisation_id);

CREATE TABLE partnership_agreements (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    -- JSON list of {organisation_id, role}
    parties TEXT NOT NULL,
    -- exact decimal as text
    value TEXT,
    currency TEXT,
    start_on TEXT,
    end_on TEXT,
    -- JSON list of texts per language
    deliverables TEXT NOT NULL,
    plan_id TEXT REFERENCES plans (id) ON DELETE SET NULL,
    -- JSON employment impact
    employment TEXT,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX partnership_agreements_by_partnership ON partnership_agreements (partnership_id, position);

CREATE TABLE partnership_indicators (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    agreement_id TEXT REFERENCES partnership_agreements (id) ON DELETE SET NULL,
    code TEXT NOT NULL,
    statement TEXT NOT NULL,
    measure TEXT NOT NULL,
    unit TEXT,
    interest TEXT NOT NULL,
    baseline TEXT,
    target TEXT,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL,
    UNIQUE (partnership_id, code)
);

CREATE TABLE partnership_indicator_values (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL REFERENCES partnership_indicators (id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    value TEXT NOT NULL,
    comment TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX partnership_indicator_values_by_indicator ON partnership_indicator_values (indicator_id, on_date);

CREATE TABLE readiness_answers (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    state TEXT NOT NULL,
    answer TEXT NOT NULL,
    evidence TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT,
    version BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, question)
);

CREATE TABLE maturity_rounds (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    closed BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX maturity_rounds_by_partnership ON maturity_rounds (partnership_id, assessed_on);

-- A personal single-use link: only the SHA-256 of its secret is stored.
CREATE TABLE maturity_invitations (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES maturity_rounds (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT,
    -- the lower-cased e-mail, or 'invitation:<id>' when there is none
    respondent_key TEXT NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX maturity_invitations_by_round ON maturity_invitations (round_id, respondent_key);

-- One respondent answers a round once.
CREATE TABLE maturity_responses (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES maturity_rounds (id) ON DELETE CASCADE,
    respondent_key TEXT NOT NULL,
    respondent_name TEXT NOT NULL,
    invitation_id TEXT REFERENCES maturity_invitations (id) ON DELETE SET NULL,
    organisation_id TEXT REFERENCES organisations (id),
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    UNIQUE (round_id, respondent_key)
);

CREATE TABLE maturity_scores (
    response_id TEXT NOT NULL REFERENCES maturity_responses (id) ON DELETE CASCADE,
    round_id TEXT NOT NULL,
    partnership_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    -- 1 to 6; NULL when the respondent cannot judge
    score BIGINT,
    comment TEXT NOT NULL,
    PRIMARY KEY (response_id, dimension)
);
CREATE INDEX maturity_scores_by_round ON maturity_scores (round_id);

-- What an organisation records about others: its own, visible to it alone.
CREATE TABLE stakeholders (
    id TEXT PRIMARY KEY,
    keeper_id TEXT NOT NULL REFERENCES organisations (id),
    organisation_id TEXT REFERENCES organisations (id),
    person_name TEXT,
    position TEXT,
    email TEXT,
    phone TEXT,
    sector TEXT NOT NULL,
    stakeholder_type TEXT NOT NULL,
    interests_for TEXT NOT NULL,
    interests_against TEXT NOT NULL,
    role TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stakeholders_by_keeper ON stakeholders (keeper_id);

-- Added to, never changed; names the partnership as it was, so the history outlives it.
CREATE TABLE stakeholder_involvements (
    id TEXT PRIMARY KEY,
    keeper_id TEXT NOT NULL REFERENCES organisations (id),
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    partnership_id TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    partnership_code TEXT NOT NULL,
    partnership_name TEXT NOT NULL,
    involvement TEXT NOT NULL,
    since TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX stakeholder_involvements_by_stakeholder ON stakeholder_involvements (stakeholder_id, since);

CREATE TABLE network_members (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    joined_on TEXT,
    version BIGINT NOT NULL
);

CREATE TABLE network_communities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- JSON list of texts per language
    themes TEXT NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE network_meetings (
    id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES network_communities (id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    title TEXT NOT NULL,
    -- JSON list of organisation ids
    attendance TEXT NOT NULL,
    head_count BIGINT NOT NULL,
    notes TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX network_meetings_by_community ON network_meetings (community_id, on_date);
