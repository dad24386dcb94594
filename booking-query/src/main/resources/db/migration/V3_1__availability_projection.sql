-- Read side: availability (projection "availability-projection"), the seed's tables without
-- foreign keys (replay order must not matter). Rows are deleted when removed.
-- The seed's UNIQUE (instructor_id, day_of_week, start_time) is left out: A1 allows two windows
-- with the same start whose effective ranges do not meet, and A2 allows a block and extra hours
-- starting at the same time; the command side enforces the real rules.
CREATE TABLE instructor_availability (
    id                    UUID PRIMARY KEY,
    instructor_id         UUID        NOT NULL,
    day_of_week           INT         NOT NULL CHECK (day_of_week BETWEEN 0 AND 6), -- 0 = Sunday
    start_time            TIME        NOT NULL,
    end_time              TIME        NOT NULL,
    slot_duration_minutes INT         NOT NULL DEFAULT 60,
    is_active             BOOLEAN     NOT NULL DEFAULT TRUE,
    effective_from        DATE        NOT NULL,
    effective_until       DATE,                 -- NULL = indefinite
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT valid_time_range CHECK (start_time < end_time)
);

CREATE INDEX idx_instructor_avail_instructor
    ON instructor_availability (instructor_id, day_of_week, start_time);

CREATE TABLE availability_overrides (
    id                    UUID PRIMARY KEY,
    instructor_id         UUID        NOT NULL,
    override_date         DATE        NOT NULL,
    start_time            TIME,                 -- NULL = entire day blocked
    end_time              TIME,
    is_available          BOOLEAN     NOT NULL DEFAULT FALSE, -- false = blocked, true = extra hours
    reason                TEXT,
    slot_duration_minutes INT,
    created_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT valid_override_range CHECK (start_time IS NULL OR end_time IS NULL OR start_time < end_time)
);

CREATE INDEX idx_avail_overrides_instructor
    ON availability_overrides (instructor_id, override_date, start_time);
