import type { MigrationInterface, QueryRunner } from 'typeorm';

const E164 = `'^\\+[1-9][0-9]{1,14}$'`;

/**
 * Dedicated numbers, every text in and out (stored once per Twilio MessageSid), what they cost, the
 * webhooks each number should have, and local opt-outs (STOP) mirrored from the carrier rules.
 */
export class Sms1764600000000 implements MigrationInterface {
  name = 'Sms1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_phone_numbers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone_number text NOT NULL CHECK (phone_number ~ ${E164}),
        twilio_sid text CHECK (twilio_sid ~ '^PN[0-9a-fA-F]{32}$'),
        country char(2) NOT NULL,
        -- provisioning: being bought; active: someone's; spare: in the pool; released: given back to Twilio.
        status text NOT NULL CHECK (status IN ('provisioning', 'active', 'spare', 'released')),
        user_id uuid REFERENCES users(id),
        monthly_cost numeric(10, 4) NOT NULL CHECK (monthly_cost >= 0),
        currency char(3) NOT NULL,
        acquired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        assigned_at timestamptz,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Someone's number has an owner; a spare or released one has none; a purchase may be for either.
        CONSTRAINT user_phone_numbers_owner CHECK (
          (status <> 'active' OR user_id IS NOT NULL) AND (status NOT IN ('spare', 'released') OR user_id IS NULL)
        ),
        CONSTRAINT user_phone_numbers_sid CHECK (status = 'provisioning' OR twilio_sid IS NOT NULL)
      )`);
    // A number belongs to one person (or the pool) at a time; released rows are history.
    await q.query(
      `CREATE UNIQUE INDEX user_phone_numbers_live_number ON user_phone_numbers (phone_number) WHERE status <> 'released'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX user_phone_numbers_live_sid ON user_phone_numbers (twilio_sid) WHERE status <> 'released'`,
    );
    await q.query(
      `CREATE INDEX user_phone_numbers_owner_idx ON user_phone_numbers (user_id, assigned_at) WHERE user_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE webhook_configurations (
        number_id uuid PRIMARY KEY REFERENCES user_phone_numbers(id) ON DELETE CASCADE,
        sms_url text NOT NULL,
        sms_method text NOT NULL DEFAULT 'POST',
        status_callback_url text NOT NULL,
        configured_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_checked_at timestamptz,
        last_drift_at timestamptz,
        last_drift text,
        repairs integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`
      CREATE TABLE sms_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_sid text UNIQUE CHECK (message_sid ~ '^(SM|MM)[0-9a-fA-F]{32}$'),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        -- The number's owner when the text went through; null for a text to a number nobody has.
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        number_id uuid REFERENCES user_phone_numbers(id),
        from_number text NOT NULL,
        to_number text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        -- Inbound: what the router did with it (routed, refused, unknown_number, opt_out, opt_in, help).
        outcome text,
        segments integer NOT NULL DEFAULT 0 CHECK (segments >= 0),
        error_code integer,
        -- The conversation message it carries (inbound: the person's; outbound: the assistant's).
        message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        -- Outbound: one logical text split in parts, sent in order, each once (source_key is unique).
        source_key text UNIQUE,
        part integer NOT NULL DEFAULT 1,
        parts integer NOT NULL DEFAULT 1,
        attempted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT sms_messages_outbound_key CHECK (direction = 'inbound' OR source_key IS NOT NULL),
        CONSTRAINT sms_messages_inbound_sid CHECK (direction = 'outbound' OR message_sid IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX sms_messages_user_created ON sms_messages (user_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX sms_messages_message ON sms_messages (message_id) WHERE message_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX sms_messages_refusals ON sms_messages (from_number, to_number, created_at DESC) WHERE outcome = 'refused'`,
    );
    await q.query(`
      CREATE TABLE sms_usage_logs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('message', 'rental')),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        number_id uuid NOT NULL REFERENCES user_phone_numbers(id),
        direction text CHECK (direction IN ('inbound', 'outbound')),
        message_sid text UNIQUE,
        segments integer NOT NULL DEFAULT 0 CHECK (segments >= 0),
        -- What it cost, as a positive amount (Twilio reports "-0.00790"); null until Twilio says.
        price numeric(12, 5) CHECK (price >= 0),
        currency char(3),
        status text,
        -- Rentals: the month they pay for (first day).
        period date,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT sms_usage_logs_shape CHECK (
          (kind = 'message' AND direction IS NOT NULL AND message_sid IS NOT NULL AND period IS NULL)
          OR (kind = 'rental' AND direction IS NULL AND message_sid IS NULL AND period IS NOT NULL AND price IS NOT NULL)
        )
      )`);
    await q.query(
      `CREATE UNIQUE INDEX sms_usage_logs_rental_once ON sms_usage_logs (number_id, period) WHERE kind = 'rental'`,
    );
    await q.query(`CREATE INDEX sms_usage_logs_occurred ON sms_usage_logs (occurred_at)`);
    await q.query(`CREATE INDEX sms_usage_logs_user ON sms_usage_logs (user_id, occurred_at)`);
    await q.query(`CREATE INDEX sms_usage_logs_number ON sms_usage_logs (number_id, occurred_at)`);
    await q.query(`
      CREATE TABLE sms_opt_outs (
        phone_number text NOT NULL,
        number text NOT NULL,
        opted_out_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (phone_number, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_opt_outs`);
    await q.query(`DROP TABLE sms_usage_logs`);
    await q.query(`DROP TABLE sms_messages`);
    await q.query(`DROP TABLE webhook_configurations`);
    await q.query(`DROP TABLE user_phone_numbers`);
  }
}
