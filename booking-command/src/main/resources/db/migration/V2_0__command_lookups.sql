-- Command-side lookups: what an aggregate cannot answer alone. Written by subscribing event
-- handlers (processing group "command-lookups") in the command's own transaction.

CREATE TABLE cmd_members (
    member_id uuid PRIMARY KEY,
    email     text    NOT NULL,
    role      text    NOT NULL,
    active    boolean NOT NULL,
    time_zone text
);
-- second line of defence behind the registration check: one email, one member
CREATE UNIQUE INDEX cmd_members_email_key ON cmd_members (lower(email));

CREATE TABLE cmd_bookings (
    booking_id    uuid PRIMARY KEY,
    instructor_id uuid        NOT NULL,
    member_id     uuid        NOT NULL,
    start_time    timestamptz NOT NULL,
    end_time      timestamptz NOT NULL,
    status        text        NOT NULL
);
CREATE INDEX cmd_bookings_instructor_status ON cmd_bookings (instructor_id, status, start_time);
CREATE INDEX cmd_bookings_member_status ON cmd_bookings (member_id, status);
