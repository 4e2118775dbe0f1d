import type { DataSource } from 'typeorm';
import { historyCutoff } from './history-limit';
import { SEARCH_QUERY_MAX } from '@pa/shared-domain';
import {
  isUuid,
  CoreErrorCode,
  coreError,
  encodeCursor,
  decodeCursor,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  type Page,
} from '@pa/server-core';
import { ConversationsErrorCode, conversationsError } from './conversations.errors';
import { toMessage } from './conversation.rows';
import type { MessageSearchHit, SearchMessagesArgs, SnippetPart } from './conversation.inputs';
import type { AuthorEnum } from './message.entity';

// Highlight delimiters no message can contain in a way that matters: control characters are split
// out again below, so a body holding "<b>" or these very bytes is never turned into markup.
// ts_headline drops anything that looks like an HTML tag, so "<" is hidden from it (as U+E000) and
// restored afterwards: a snippet shows the words as they were typed.
const LT = '\uE000';
const START = '\u0002';
const STOP = '\u0003';
const isOffset = (v: unknown[]): v is [number] =>
  v.length === 1 && Number.isInteger(v[0]) && (v[0] as number) >= 0 && (v[0] as number) <= 10_000;

interface HitRow {
  id: string;
  conversation_id: string;
  user_id: string;
  author: AuthorEnum;
  body: string;
  parent_id: string | null;
  client_id: string | null;
  created_at: Date;
  rank: number;
  headline: string;
}

/** Full-text search over the caller's own messages (PostgreSQL tsvector + GIN), best match first. */
export class MessageSearchService {
  constructor(private readonly ds: DataSource) {}

  async search(userId: string, args: SearchMessagesArgs): Promise<Page<MessageSearchHit>> {
    const text = args.query.trim();
    if (text.length === 0 || text.length > SEARCH_QUERY_MAX)
      throw conversationsError(ConversationsErrorCode.INVALID_SEARCH);
    if (args.last != null || args.before != null)
      throw coreError(
        CoreErrorCode.BAD_REQUEST,
        { field: 'last' },
        { message: 'Search results page forward only (first/after).' },
      );
    const limit = args.first ?? PAGE_SIZE_DEFAULT;
    if (!Number.isInteger(limit) || limit < 0 || limit > PAGE_SIZE_MAX)
      throw coreError(
        CoreErrorCode.BAD_REQUEST,
        { field: 'first', max: PAGE_SIZE_MAX },
        { message: `A page holds between 0 and ${PAGE_SIZE_MAX} items.` },
      );
    // Relevance order is not stable under new messages, so the cursor is a position in the results.
    const offset = args.after ? decodeCursor(args.after, isOffset)[0] : 0;
    const params: unknown[] = [userId, text];
    const where = [`m.user_id = $1`, `m.search @@ q.query`];
    // History beyond the plan's limit is hidden from search too (not deleted).
    const cutoff = await historyCutoff(this.ds, userId);
    if (cutoff) {
      params.push(cutoff);
      where.push(`m.created_at >= $${params.length}`);
    }
    const f = args.filter ?? {};
    if (f.conversationId != null) {
      if (!isUuid(f.conversationId)) return { edges: [], pageInfo: emptyPage(offset) };
      params.push(f.conversationId);
      where.push(`m.conversation_id = $${params.length}`);
    }
    if (f.from) {
      params.push(f.from);
      where.push(`m.created_at >= $${params.length}`);
    }
    if (f.to) {
      params.push(f.to);
      where.push(`m.created_at < $${params.length}`);
    }
    params.push(limit + 1, offset);
    const rows = (await this.ds.query(
      `WITH q AS (SELECT websearch_to_tsquery('simple', $2) AS query)
       SELECT m.id, m.conversation_id, m.user_id, m.author, m.body, m.parent_id, m.client_id, m.created_at,
              ts_rank(m.search, q.query) AS rank,
              ts_headline('simple', replace(m.body, '<', chr(57344)), q.query,
                'StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=0') AS headline
         FROM messages m, q
        WHERE ${where.join(' AND ')}
        ORDER BY rank DESC, m.created_at DESC, m.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as HitRow[];
    const more = rows.length > limit;
    const edges = rows.slice(0, limit).map((r, i) => ({
      cursor: encodeCursor([offset + i + 1]),
      node: {
        userId: r.user_id,
        message: toMessage(r),
        snippet: snippetParts(r.headline),
        rank: Number(r.rank),
      },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}

function emptyPage(offset: number) {
  return { hasNextPage: false, hasPreviousPage: offset > 0, startCursor: null, endCursor: null };
}

/** Splits a headline with START/STOP marks into plain and highlighted pieces. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let text = '';
  for (const ch of headline) {
    if (ch === START || ch === STOP) {
      if (text) parts.push({ text, highlighted });
      text = '';
      highlighted = ch === START;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, highlighted });
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(LT, '<') }));
}
