import type { DataSource, EntityManager } from 'typeorm';
import { historyCutoff } from './history-limit';
import {
  CLIENT_ID_PATTERN,
  DEFAULT_CONVERSATION_TITLE,
  MESSAGE_BODY_MAX,
  normaliseMessageBody,
  titleFromMessage,
} from '@pa/shared-domain';
import {
  cursorTime,
  decodeCursor,
  isTimeIdKey,
  isUuid,
  pageRequest,
  toPage,
  type Page,
  type PageArgs,
  type ProductMetrics,
  type PubSub,
  type TimeIdKey,
} from '@pa/server-core';
import { ChannelEnum, type Conversation } from './conversation.entity';
import { AuthorEnum, type Message } from './message.entity';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  parseTitle,
  toConversation,
  toMessage,
  type ConversationRow,
  type MessageRow,
} from './conversation.rows';
import { ConversationsErrorCode, conversationsError } from './conversations.errors';
import type { SendMessageInput } from './conversation.inputs';
import './conversations.topics';

/** What happened when a message was sent: the stored message, and whether this call stored it. */
export interface SentMessage {
  message: Message;
  created: boolean;
}

/** A message stored in a transaction not yet committed (see `announce`). */
/** What `storeIn` stores: a message by `author` in one of `userId`'s conversations. */
export interface StoreMessageInput {
  userId: string;
  conversationId: string;
  author: AuthorEnum;
  body: string;
  /** A message of the same conversation: the reply joins its thread. */
  parentId?: string | null;
  /** The sender's idempotency key: the same key stores once. */
  clientId?: string | null;
}

export interface StoredMessage extends SentMessage {
  conversation: Conversation | undefined;
}

/**
 * Conversations and messages, always scoped by their owner: another person's conversation or message
 * reads as "not found". Changes are published after their transaction commits.
 */
export class ConversationService {
  /** Called after a person's message is stored (also for a retried send): the assistant answers it. */
  readonly messageSent: ((sent: SentMessage) => Promise<void>)[] = [];
  /** Called once per new message after its commit, whatever its author (e.g. webhook events). Must not throw. */
  readonly messageStored: ((message: Message) => void)[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly pubSub: PubSub,
    /** Counts each message stored (by channel and author) once it is committed. */
    private readonly metrics?: ProductMetrics,
  ) {}

  /** The caller's conversations, most recent activity first. */
  async list(userId: string, args: PageArgs & { archived?: boolean }): Promise<Page<Conversation>> {
    const req = pageRequest(args, isTimeIdKey);
    const forward = req.direction === 'forward';
    const params: unknown[] = [userId, req.limit + 1];
    let after = '';
    if (req.after) {
      params.push(req.after[0], req.after[1]);
      after = `AND (last_activity_at, id) ${forward ? '<' : '>'} ($3::timestamptz, $4::uuid)`;
    }
    const rows = (await this.ds.query(
      `SELECT ${CONVERSATION_COLUMNS}, ${cursorTime('last_activity_at')} AS cursor_at FROM conversations
        WHERE user_id = $1 AND archived_at IS ${args.archived ? 'NOT NULL' : 'NULL'} ${after}
        ORDER BY last_activity_at ${forward ? 'DESC' : 'ASC'}, id ${forward ? 'DESC' : 'ASC'} LIMIT $2`,
      params,
    )) as ConversationRow[];
    const cursors = new Map(rows.map((r) => [r.id, r.cursor_at ?? '']));
    return toPage(rows.map(toConversation), req, (c) => [cursors.get(c.id) ?? '', c.id] as TimeIdKey);
  }

  /** One of the caller's conversations, or CONVERSATION_NOT_FOUND. */
  async get(
    userId: string,
    id: string,
    m: EntityManager | DataSource = this.ds,
    lock = false,
  ): Promise<Conversation> {
    const rows = isUuid(id)
      ? ((await m.query(
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1 AND user_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
          [id, userId],
        )) as ConversationRow[])
      : [];
    const row = rows[0];
    if (!row) throw conversationsError(ConversationsErrorCode.CONVERSATION_NOT_FOUND);
    return toConversation(row);
  }

  /** Starts a conversation. */
  async create(
    userId: string,
    title?: string | null,
    channel: ChannelEnum = ChannelEnum.WEB,
  ): Promise<Conversation> {
    const clean = title == null ? DEFAULT_CONVERSATION_TITLE : parseTitle(title);
    const rows = (await this.ds.query(
      `INSERT INTO conversations (user_id, title, channel) VALUES ($1, $2, $3) RETURNING ${CONVERSATION_COLUMNS}`,
      [userId, clean, channel],
    )) as ConversationRow[];
    const conversation = toConversation(rows[0] as ConversationRow);
    this.publishConversation(conversation, false);
    return conversation;
  }

  async rename(userId: string, id: string, title: string): Promise<Conversation> {
    const clean = parseTitle(title);
    return this.update(userId, id, `title = $3`, [clean]);
  }

  async setArchived(userId: string, id: string, archived: boolean): Promise<Conversation> {
    return this.update(userId, id, `archived_at = ${archived ? 'COALESCE(archived_at, now())' : 'NULL'}`, []);
  }

  /** Deletes a conversation with all its messages. */
  async delete(userId: string, id: string): Promise<void> {
    const rows = isUuid(id)
      ? ((await this.ds.query(
          `DELETE FROM conversations WHERE id = $1 AND user_id = $2 RETURNING ${CONVERSATION_COLUMNS}`,
          [id, userId],
        )) as [ConversationRow[], number] | ConversationRow[])
      : [];
    const deleted = (Array.isArray(rows[0]) ? rows[0] : rows) as ConversationRow[];
    const row = deleted[0];
    if (!row) throw conversationsError(ConversationsErrorCode.CONVERSATION_NOT_FOUND);
    this.publishConversation(toConversation(row), true);
  }

  private async update(userId: string, id: string, set: string, extra: unknown[]): Promise<Conversation> {
    const [rows] = isUuid(id)
      ? ((await this.ds.query(
          `UPDATE conversations SET ${set}, updated_at = now() WHERE id = $1 AND user_id = $2
           RETURNING ${CONVERSATION_COLUMNS}`,
          [id, userId, ...extra],
        )) as [ConversationRow[], number])
      : [[] as ConversationRow[]];
    const row = rows[0];
    if (!row) throw conversationsError(ConversationsErrorCode.CONVERSATION_NOT_FOUND);
    const conversation = toConversation(row);
    this.publishConversation(conversation, false);
    return conversation;
  }

  /** A conversation's messages (thread replies excluded), oldest first; `last: 50` is the latest 50. */
  async messages(userId: string, conversationId: string, args: PageArgs): Promise<Page<Message>> {
    return this.pageOfMessages(
      args,
      `conversation_id = $1 AND user_id = $2 AND parent_id IS NULL AND created_at >= $3`,
      [conversationId, userId, await this.visibleSince(userId)],
    );
  }

  // The plan's history limit (hidden, not deleted): the epoch when the plan shows everything.
  private async visibleSince(userId: string): Promise<Date> {
    return (await historyCutoff(this.ds, userId)) ?? new Date(0);
  }

  /**
   * Every message of a conversation stored after a cursor (threads included, as messageAdded sends
   * them), oldest first, at most `limit` (null when there are more: the client must refetch instead).
   */
  async messagesSince(
    userId: string,
    conversationId: string,
    cursor: string,
    limit: number,
  ): Promise<Message[] | null> {
    const [at, id] = decodeCursor(cursor, isTimeIdKey);
    const rows = (await this.ds.query(
      `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM messages
        WHERE conversation_id = $1 AND user_id = $2 AND (created_at, id) > ($3::timestamptz, $4::uuid)
          AND created_at >= $6
        ORDER BY created_at, id LIMIT $5`,
      [conversationId, userId, at, id, limit + 1, await this.visibleSince(userId)],
    )) as MessageRow[];
    return rows.length > limit ? null : rows.map(toMessage);
  }

  /** A thread: the replies to one message, oldest first. */
  async replies(userId: string, parentId: string, args: PageArgs): Promise<Page<Message>> {
    return this.pageOfMessages(args, `parent_id = $1 AND user_id = $2 AND created_at >= $3`, [
      parentId,
      userId,
      await this.visibleSince(userId),
    ]);
  }

  private async pageOfMessages(args: PageArgs, where: string, base: unknown[]): Promise<Page<Message>> {
    const req = pageRequest(args, isTimeIdKey);
    const forward = req.direction === 'forward';
    const params = [...base, req.limit + 1];
    let after = '';
    if (req.after) {
      params.push(req.after[0], req.after[1]);
      const n = params.length;
      after = `AND (created_at, id) ${forward ? '>' : '<'} ($${n - 1}::timestamptz, $${n}::uuid)`;
    }
    const rows = (await this.ds.query(
      `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM messages
        WHERE ${where} ${after}
        ORDER BY created_at ${forward ? 'ASC' : 'DESC'}, id ${forward ? 'ASC' : 'DESC'} LIMIT $${base.length + 1}`,
      params,
    )) as MessageRow[];
    const cursors = new Map(rows.map((r) => [r.id, r.cursor_at ?? '']));
    return toPage(rows.map(toMessage), req, (msg) => [cursors.get(msg.id) ?? '', msg.id] as TimeIdKey);
  }

  /** One of the caller's messages, or MESSAGE_NOT_FOUND. */
  async message(userId: string, id: string): Promise<Message> {
    const rows = isUuid(id)
      ? ((await this.ds.query(
          `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = $1 AND user_id = $2 AND created_at >= $3`,
          [id, userId, await this.visibleSince(userId)],
        )) as MessageRow[])
      : [];
    if (!rows[0]) throw conversationsError(ConversationsErrorCode.MESSAGE_NOT_FOUND);
    return toMessage(rows[0]);
  }

  /** The latest message outside threads of each of these conversations, in one query. */
  async lastMessages(conversationIds: readonly string[]): Promise<Map<string, Message>> {
    const rows = (await this.ds.query(
      `SELECT m.* FROM unnest($1::uuid[]) AS c(id)
         CROSS JOIN LATERAL (
           SELECT ${MESSAGE_COLUMNS} FROM messages
            WHERE conversation_id = c.id AND parent_id IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 1
         ) m`,
      [conversationIds],
    )) as MessageRow[];
    return new Map(rows.map((r) => [r.conversation_id, toMessage(r)]));
  }

  /** How many replies each of these messages has, in one query. */
  async replyCounts(messageIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.ds.query(
      `SELECT parent_id, count(*)::int AS n FROM messages WHERE parent_id = ANY($1::uuid[]) GROUP BY parent_id`,
      [messageIds],
    )) as { parent_id: string; n: number }[];
    return new Map(rows.map((r) => [r.parent_id, r.n]));
  }

  /**
   * Stores a person's message once per client id: sending again with the same client id (an offline
   * client retrying) returns the stored message and stores nothing new.
   */
  async send(userId: string, input: SendMessageInput): Promise<SentMessage> {
    const body = normaliseMessageBody(input.body);
    if (body === null) throw conversationsError(ConversationsErrorCode.INVALID_MESSAGE);
    if (!CLIENT_ID_PATTERN.test(input.clientId))
      throw conversationsError(ConversationsErrorCode.INVALID_CLIENT_ID);
    const sent = await this.store({
      userId,
      conversationId: input.conversationId,
      author: AuthorEnum.USER,
      body,
      parentId: input.parentId,
      clientId: input.clientId,
    });
    for (const hook of this.messageSent) await hook(sent);
    return sent;
  }

  /** Stores a message of the assistant (or the system) in the person's conversation. */
  async post(
    userId: string,
    conversationId: string,
    author: AuthorEnum.ASSISTANT | AuthorEnum.SYSTEM,
    text: string,
    options: { parentId?: string | null; clientId?: string | null } = {},
  ): Promise<SentMessage> {
    const body = normaliseMessageBody(text.slice(0, MESSAGE_BODY_MAX));
    if (body === null) throw conversationsError(ConversationsErrorCode.INVALID_MESSAGE);
    return this.store({ userId, conversationId, author, body, ...options });
  }

  private async store(input: StoreMessageInput): Promise<SentMessage> {
    const stored = await this.ds.transaction((m) => this.storeIn(m, input));
    return this.announce(stored);
  }

  /**
   * Stores a message inside the caller's transaction (the assistant applies a whole reply at once).
   * Call `announce` with the result after the commit.
   */
  async storeIn(m: EntityManager, input: StoreMessageInput): Promise<StoredMessage>;
  /** @deprecated Pass a `StoreMessageInput` (kept until the assistant's callers switch). */
  async storeIn(
    m: EntityManager,
    userId: string,
    conversationId: string,
    author: AuthorEnum,
    body: string,
    parentId: string | null,
    clientId: string | null,
  ): Promise<StoredMessage>;
  async storeIn(
    m: EntityManager,
    first: StoreMessageInput | string,
    ...rest: [string?, AuthorEnum?, string?, (string | null)?, (string | null)?]
  ): Promise<StoredMessage> {
    const [conversationId = '', author = AuthorEnum.USER, body = '', parentId = null, clientId = null] = rest;
    const input =
      typeof first === 'string' ? { userId: first, conversationId, author, body, parentId, clientId } : first;
    const result = await this.insertOrFind(m, input);
    const message = toMessage(result.row);
    if (message.conversationId !== input.conversationId)
      throw conversationsError(ConversationsErrorCode.CLIENT_ID_REUSED);
    return {
      message,
      created: result.created,
      conversation: result.conversation ? toConversation(result.conversation) : undefined,
    };
  }

  /** Inserts the message, or finds the one its client id already stored (`created: false`). */
  private async insertOrFind(
    m: EntityManager,
    input: StoreMessageInput,
  ): Promise<{ row: MessageRow; created: boolean; conversation: ConversationRow | undefined }> {
    const { userId, conversationId, author, body } = input;
    const parentId = input.parentId ?? null;
    const clientId = input.clientId ?? null;
    if (clientId) {
      const existing = (await m.query(
        `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM messages WHERE user_id = $1 AND client_id = $2`,
        [userId, clientId],
      )) as MessageRow[];
      if (existing[0]) return { row: existing[0], created: false, conversation: undefined };
    }
    // Locks the conversation: concurrent sends serialise their activity updates.
    const conversation = await this.get(userId, conversationId, m, true);
    if (author === AuthorEnum.USER && conversation.archivedAt)
      throw conversationsError(ConversationsErrorCode.CONVERSATION_ARCHIVED);
    let threadRoot: string | null = null;
    if (parentId) {
      const parents = isUuid(parentId)
        ? ((await m.query(
            `SELECT id, parent_id FROM messages WHERE id = $1 AND user_id = $2 AND conversation_id = $3`,
            [parentId, userId, conversationId],
          )) as { id: string; parent_id: string | null }[])
        : [];
      const parent = parents[0];
      if (!parent) throw conversationsError(ConversationsErrorCode.MESSAGE_NOT_FOUND);
      // Threads are one level deep: a reply to a reply joins the same thread.
      threadRoot = parent.parent_id ?? parent.id;
    }
    const inserted = (await m.query(
      `INSERT INTO messages (conversation_id, user_id, author, body, parent_id, client_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
       RETURNING ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at`,
      [conversationId, userId, author, body, threadRoot, clientId],
    )) as MessageRow[];
    if (!inserted[0]) {
      // A concurrent send with the same client id won the race: answer with its message.
      const winner = (await m.query(
        `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM messages WHERE user_id = $1 AND client_id = $2`,
        [userId, clientId],
      )) as MessageRow[];
      return { row: winner[0] as MessageRow, created: false, conversation: undefined };
    }
    // A web conversation still under the default title takes it from the person's first message.
    const title =
      author === AuthorEnum.USER && !threadRoot && conversation.channel === ChannelEnum.WEB
        ? titleFromMessage(body)
        : null;
    const updated = (await m.query(
      `UPDATE conversations SET last_activity_at = GREATEST(last_activity_at, $2), updated_at = now(),
          title = CASE WHEN $3::text IS NOT NULL AND title = $4 THEN $3 ELSE title END
        WHERE id = $1 RETURNING ${CONVERSATION_COLUMNS}`,
      [conversationId, inserted[0].created_at, title, DEFAULT_CONVERSATION_TITLE],
    )) as [ConversationRow[], number];
    return { row: inserted[0], created: true, conversation: updated[0][0] };
  }

  /**
   * Stores many of the assistant's own messages inside the caller's transaction, in a fixed number of
   * statements whatever their count (many reminders fall due on the same second). An item without a
   * conversation lands in its person's most recent web conversation, created when they have none.
   * A client id already used returns the stored message (`created: false`). Results follow `items`.
   * Call `announce` with each result after the commit.
   */
  async storeAssistantMessages(
    m: EntityManager,
    items: { userId: string; conversationId: string | null; body: string; clientId: string }[],
  ): Promise<StoredMessage[]> {
    if (items.length === 0) return [];
    const homeless = [...new Set(items.filter((i) => !i.conversationId).map((i) => i.userId))];
    const home = new Map<string, string>();
    if (homeless.length > 0) {
      const latest = (await m.query(
        `SELECT DISTINCT ON (user_id) id, user_id FROM conversations
          WHERE user_id = ANY($1::uuid[]) AND channel = 'web' AND archived_at IS NULL
          ORDER BY user_id, last_activity_at DESC`,
        [homeless],
      )) as { id: string; user_id: string }[];
      for (const r of latest) home.set(r.user_id, r.id);
      const missing = homeless.filter((u) => !home.has(u));
      if (missing.length > 0) {
        const created = (await m.query(
          `INSERT INTO conversations (user_id, title, channel)
           SELECT u, 'Reminders and check-ins', 'web' FROM unnest($1::uuid[]) AS u RETURNING id, user_id`,
          [missing],
        )) as { id: string; user_id: string }[];
        for (const r of created) home.set(r.user_id, r.id);
      }
    }
    const target = items.map((i) => i.conversationId ?? (home.get(i.userId) as string));
    // Locked in one order: concurrent batches touching the same conversations cannot deadlock.
    await m.query(`SELECT id FROM conversations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [...new Set(target)],
    ]);
    const inserted = (await m.query(
      `INSERT INTO messages (conversation_id, user_id, author, body, client_id)
       SELECT c, u, 'assistant', b, k FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS t(c, u, b, k)
       ON CONFLICT (user_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
       RETURNING ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at`,
      [target, items.map((i) => i.userId), items.map((i) => i.body), items.map((i) => i.clientId)],
    )) as MessageRow[];
    const key = (userId: string, clientId: string | null) => `${userId}:${clientId}`;
    const fresh = new Map(inserted.map((r) => [key(r.user_id, r.client_id), r]));
    const known = new Map<string, MessageRow>();
    const stale = items.filter((i) => !fresh.has(key(i.userId, i.clientId)));
    if (stale.length > 0) {
      const rows = (await m.query(
        `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('created_at')} AS cursor_at FROM messages m
           JOIN unnest($1::uuid[], $2::text[]) AS t(u, k) ON m.user_id = t.u AND m.client_id = t.k
          WHERE m.user_id = ANY($1::uuid[])`,
        [stale.map((i) => i.userId), stale.map((i) => i.clientId)],
      )) as MessageRow[];
      for (const r of rows) known.set(key(r.user_id, r.client_id), r);
    }
    const touched = new Map<string, ConversationRow>();
    if (inserted.length > 0) {
      const [rows] = (await m.query(
        `UPDATE conversations c SET last_activity_at = GREATEST(c.last_activity_at, t.at), updated_at = now()
           FROM (SELECT conversation_id AS id, max(created_at) AS at
                   FROM unnest($1::uuid[], $2::timestamptz[]) AS x(conversation_id, created_at) GROUP BY 1) t
          WHERE c.id = ANY($1::uuid[]) AND c.id = t.id RETURNING ${CONVERSATION_COLUMNS.split(', ')
            .map((col) => `c.${col}`)
            .join(', ')}`,
        [inserted.map((r) => r.conversation_id), inserted.map((r) => r.created_at)],
      )) as [ConversationRow[], number];
      for (const r of rows) touched.set(r.id, r);
    }
    const announced = new Set<string>();
    return items.map((i) => {
      const k = key(i.userId, i.clientId);
      const row = fresh.get(k);
      if (!row) {
        const existing = known.get(k);
        if (!existing) throw new Error(`message ${i.clientId} neither stored nor found`);
        return { message: toMessage(existing), created: false, conversation: undefined };
      }
      // One conversation update per conversation is announced, with its last message.
      const conversation = touched.get(row.conversation_id);
      const first = conversation && !announced.has(row.conversation_id);
      if (first) announced.add(row.conversation_id);
      return {
        message: toMessage(row),
        created: true,
        conversation: first && conversation ? toConversation(conversation) : undefined,
      };
    });
  }

  /** Publishes a committed message (and its conversation's new activity) to every API instance. */
  announce(stored: StoredMessage): SentMessage {
    const { message } = stored;
    if (stored.created && stored.conversation) {
      // Called after the commit: the count never includes a message that rolled back.
      this.metrics?.messagesStored.inc({ channel: stored.conversation.channel, author: message.author });
    }
    if (stored.created) {
      this.pubSub.publish(
        'messageAdded',
        {
          id: message.id,
          conversationId: message.conversationId,
          userId: message.userId,
          author: message.author,
          body: message.body,
          parentId: message.parentId,
          clientId: message.clientId,
          createdAt: message.createdAt.toISOString(),
          ...(message.cursorAt ? { cursorAt: message.cursorAt } : {}),
        },
        message.conversationId,
      );
      if (stored.conversation) this.publishConversation(stored.conversation, false);
      for (const hook of this.messageStored) hook(message);
    }
    return { message, created: stored.created };
  }

  /** The person's most recent web conversation, or a new one (where reminders and check-ins land). */
  async latestConversation(userId: string, m: EntityManager | DataSource = this.ds): Promise<Conversation> {
    const rows = (await m.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE user_id = $1 AND channel = 'web' AND archived_at IS NULL
        ORDER BY last_activity_at DESC LIMIT 1`,
      [userId],
    )) as ConversationRow[];
    return rows[0] ? toConversation(rows[0]) : this.create(userId, 'Reminders and check-ins');
  }

  /**
   * The person's SMS conversation, created on first use (one per person: creation is serialised per
   * person). Inside a transaction (`m`), a new one is announced with the first message stored in it.
   */
  async smsConversation(userId: string, m?: EntityManager): Promise<Conversation> {
    const find = async (db: EntityManager) =>
      (await db.query(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE user_id = $1 AND channel = 'sms'
          ORDER BY created_at LIMIT 1`,
        [userId],
      )) as ConversationRow[];
    const work = async (db: EntityManager) => {
      const existing = await find(db);
      if (existing[0]) return { conversation: toConversation(existing[0]), created: false };
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('sms-conversation:' || $1))`, [userId]);
      const again = await find(db);
      if (again[0]) return { conversation: toConversation(again[0]), created: false };
      const rows = (await db.query(
        `INSERT INTO conversations (user_id, title, channel) VALUES ($1, 'Text messages', 'sms') RETURNING ${CONVERSATION_COLUMNS}`,
        [userId],
      )) as ConversationRow[];
      return { conversation: toConversation(rows[0] as ConversationRow), created: true };
    };
    if (m) return (await work(m)).conversation;
    const { conversation, created } = await this.ds.transaction(work);
    if (created) this.publishConversation(conversation, false);
    return conversation;
  }

  private publishConversation(c: Conversation, deleted: boolean): void {
    this.pubSub.publish('conversationUpdated', {
      id: c.id,
      userId: c.userId,
      title: c.title,
      channel: c.channel,
      archivedAt: c.archivedAt?.toISOString() ?? null,
      lastActivityAt: c.lastActivityAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
      deleted,
    });
  }
}
