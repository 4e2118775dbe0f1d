import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { CoreErrorCode, coreError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (ids from clients are checked before they reach SQL). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A keyset position of (timestamp, uuid): what time-ordered lists page by. */
export type TimeIdKey = [string, string];

/** Checks a decoded (timestamp, uuid) cursor. */
export const isTimeIdKey = (v: unknown[]): v is TimeIdKey =>
  v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && isUuid(v[1]);

/**
 * SQL for a timestamp column as cursor text, to the microsecond as stored: a JS Date (milliseconds)
 * would make the row a cursor points at compare as "after" itself.
 */
export function cursorTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Relay page information. */
@ObjectType({ description: 'Where this page sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;

/** Relay-style arguments: `first`/`after` walks forward, `last`/`before` walks backward. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `At most ${PAGE_SIZE_MAX}.` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `At most ${PAGE_SIZE_MAX}.` })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

/** What a keyset query needs: a direction, how many rows, and the key to start after (exclusive). */
export interface PageRequest<K> {
  direction: 'forward' | 'backward';
  limit: number;
  after: K | undefined;
}

/** Opaque cursors: a keyset position as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor back, checking its shape; a bad cursor is a clear BAD_REQUEST, not a crash. */
export function decodeCursor<K extends readonly (string | number)[]>(
  cursor: string,
  check: (value: unknown[]) => value is [...K],
): K {
  let value: unknown;
  try {
    value = cursor.length <= 512 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !check(value))
    throw coreError(
      CoreErrorCode.BAD_REQUEST,
      { field: 'cursor' },
      { message: 'That page cursor is not valid.' },
    );
  return value as unknown as K;
}

/** Turns page arguments into a keyset request (forward by default). */
export function pageRequest<K extends readonly (string | number)[]>(
  args: PageArgs,
  check: (value: unknown[]) => value is [...K],
): PageRequest<K> {
  if (args.first != null && args.last != null)
    throw coreError(
      CoreErrorCode.BAD_REQUEST,
      { field: 'last' },
      { message: 'Use either first or last, not both.' },
    );
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? PAGE_SIZE_DEFAULT;
  if (!Number.isInteger(size) || size < 0 || size > PAGE_SIZE_MAX)
    throw coreError(
      CoreErrorCode.BAD_REQUEST,
      { field: backward ? 'last' : 'first', max: PAGE_SIZE_MAX },
      { message: `A page holds between 0 and ${PAGE_SIZE_MAX} items.` },
    );
  const cursor = backward ? args.before : args.after;
  return {
    direction: backward ? 'backward' : 'forward',
    limit: size,
    after: cursor ? decodeCursor(cursor, check) : undefined,
  };
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * Builds a page from rows fetched with `limit + 1` in the request's direction (the extra row tells
 * whether there is more). Backward rows come newest-last, so they are put back in list order.
 */
export function toPage<T, K extends readonly (string | number)[]>(
  rows: T[],
  req: PageRequest<K>,
  keyOf: (row: T) => K,
): Page<T> {
  const more = rows.length > req.limit;
  const slice = rows.slice(0, req.limit);
  if (req.direction === 'backward') slice.reverse();
  const edges = slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: req.direction === 'forward' ? more : req.after !== undefined,
      hasPreviousPage: req.direction === 'backward' ? more : req.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A `XConnection` object type with `XEdge`s for a node type. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}
