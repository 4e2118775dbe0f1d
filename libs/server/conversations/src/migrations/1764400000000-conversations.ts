import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations and their messages. Every row carries its owner's `user_id` (reads are scoped by
 * it); a client id is unique per person, so an offline client's retry stores one message; message
 * bodies are searchable through a generated tsvector with a GIN index.
 */
export class Conversations1764400000000 implements MigrationInterface {
  name = 'Conversations1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
        channel text NOT NULL CHECK (channel IN ('web', 'sms')),
        archived_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX conversations_user_activity ON conversations (user_id, last_activity_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        author text NOT NULL CHECK (author IN ('user', 'assistant', 'system')),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        parent_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        client_id text CHECK (client_id ~ '^[A-Za-z0-9_-]{8,64}$'),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
      )`);
    await q.query(
      `CREATE UNIQUE INDEX messages_user_client_id ON messages (user_id, client_id) WHERE client_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX messages_conversation_created ON messages (conversation_id, created_at, id) WHERE parent_id IS NULL`,
    );
    await q.query(
      `CREATE INDEX messages_parent_created ON messages (parent_id, created_at, id) WHERE parent_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX messages_user_created ON messages (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX messages_search ON messages USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE conversations`);
  }
}
