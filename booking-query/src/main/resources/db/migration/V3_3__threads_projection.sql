-- Read side: booking threads and unread state (projection "threads-projection", M1/M2). The seed's
-- two tables, without foreign keys (replay order must not matter), every value from the events.

-- Every message of every booking's thread, in the order of the booking's event stream.
CREATE TABLE booking_messages (
    id              UUID PRIMARY KEY,
    booking_id      UUID        NOT NULL,
    sender_id       UUID        NOT NULL,
    content         TEXT        NOT NULL CHECK (char_length(content) BETWEEN 1 AND 2000),
    created_at      TIMESTAMPTZ NOT NULL,
    -- the MessagePosted event's sequence number in the booking's stream: the thread's order, even
    -- when two messages share a timestamp
    sequence_number BIGINT      NOT NULL
);

CREATE INDEX idx_booking_messages_booking ON booking_messages (booking_id, sequence_number);

-- Per booking and participant: when they last read the thread, and the latest message from the
-- other side they have not read yet (null: nothing unread). Only participants get rows.
CREATE TABLE booking_message_reads (
    booking_id        UUID NOT NULL,
    member_id         UUID NOT NULL,
    last_read_at      TIMESTAMPTZ,
    unread_message_id UUID,
    PRIMARY KEY (booking_id, member_id)
);

-- the banner: a reader's unread threads
CREATE INDEX idx_booking_message_reads_unread ON booking_message_reads (member_id)
    WHERE unread_message_id IS NOT NULL;
