-- Read side: private-lesson bookings (projection "bookings-projection"), the seed's table
-- without foreign keys (replay order must not matter) and with its exclusion constraint: the
-- second line of defence against two overlapping confirmed lessons of one instructor. The
-- projection is written in the command's transaction, so a violation fails the command.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE booking_status AS ENUM (
    'pending',
    'confirmed',
    'declined',
    'expired',
    'cancelled_by_member',
    'cancelled_by_instructor',
    'completed',
    'no_show'
);

CREATE TABLE private_lesson_bookings (
    id                  UUID PRIMARY KEY,
    instructor_id       UUID           NOT NULL,
    member_id           UUID           NOT NULL,
    start_time          TIMESTAMPTZ    NOT NULL,
    end_time            TIMESTAMPTZ    NOT NULL,
    status              booking_status NOT NULL DEFAULT 'pending',
    notes               TEXT,

    cancelled_at        TIMESTAMPTZ,
    cancelled_by        UUID,
    cancellation_reason TEXT,

    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,

    CONSTRAINT valid_booking_time CHECK (end_time > start_time),

    -- its GIST index also serves the confirmed-intervals query of slots and calendar
    CONSTRAINT no_instructor_overlap EXCLUDE USING GIST (
        instructor_id WITH =,
        tstzrange(start_time, end_time) WITH &&
    ) WHERE (status = 'confirmed')
);

CREATE INDEX idx_bookings_instructor_start ON private_lesson_bookings (instructor_id, start_time);
CREATE INDEX idx_bookings_member_start ON private_lesson_bookings (member_id, start_time);
CREATE INDEX idx_bookings_start ON private_lesson_bookings (start_time);
