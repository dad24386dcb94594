-- Password hashes live apart from the event store (passwords never enter an event).
CREATE TABLE member_credentials (
    member_id     uuid        PRIMARY KEY,
    password_hash text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
