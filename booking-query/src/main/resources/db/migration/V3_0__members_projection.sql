-- Read side: members (projection "members-projection"). Every value comes from the events.
CREATE TABLE members (
    id           UUID PRIMARY KEY,
    email        TEXT        NOT NULL,
    display_name TEXT        NOT NULL,
    role         TEXT        NOT NULL
        CHECK (role IN ('guest', 'member_limited', 'member_full', 'instructor', 'owner')),
    avatar_url   TEXT,
    time_zone    TEXT,                 -- NULL: the studio's zone
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX members_email_lower_key ON members (lower(email));
CREATE INDEX idx_members_display_name ON members (display_name);
