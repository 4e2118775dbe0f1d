import type { DataSource } from 'typeorm';
import {
  isUuid,
  CoreErrorCode,
  coreError,
  pageRequest,
  toPage,
  type Page,
  type PageArgs,
} from '@pa/server-core';
import { AuditOutcome, type AuditLogEntry, type AuditLogFilter } from './audit-log.types';

const isIdKey = (v: unknown[]): v is [string] =>
  v.length === 1 && typeof v[0] === 'string' && /^\d{1,19}$/.test(v[0]);

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  subject_id: string | null;
  action: string;
  outcome: AuditOutcome;
  permission: string | null;
  resource_type: string | null;
  resource_id: string | null;
  correlation_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

function badFilter(field: string): never {
  throw coreError(
    CoreErrorCode.BAD_REQUEST,
    { field },
    { message: `The audit filter ${field} is not valid.` },
  );
}

/** Reads the audit trail, newest first, with keyset pagination (stable while new entries arrive). */
export class AuditLogService {
  constructor(private readonly ds: DataSource) {}

  /** One entry by id (for the live feed), or undefined. */
  async get(id: string): Promise<AuditLogEntry | undefined> {
    if (!/^\d{1,19}$/.test(id)) return undefined;
    const rows = (await this.ds.query(`${SELECT} WHERE id = $1`, [id])) as Row[];
    return rows[0] && toEntry(rows[0]);
  }

  /**
   * A page of entries matching `filter`. `involving` limits it to one person's own trail (entries
   * they did or that were about them) — the view a person gets of their own account.
   */
  async list(
    args: PageArgs,
    filter: AuditLogFilter | null | undefined,
    involving?: string,
  ): Promise<Page<AuditLogEntry>> {
    const req = pageRequest(args, isIdKey);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const f = filter ?? {};
    for (const [key, column] of [
      ['actorId', 'actor_id'],
      ['subjectId', 'subject_id'],
    ] as const) {
      const v = f[key];
      if (v == null) continue;
      if (!isUuid(v)) badFilter(key);
      add(`${column} = ?`, v);
    }
    for (const [key, column] of [
      ['action', 'action'],
      ['permission', 'permission'],
      ['correlationId', 'correlation_id'],
    ] as const) {
      const v = f[key];
      if (v == null) continue;
      if (v.length > 200) badFilter(key);
      add(`${column} = ?`, v);
    }
    if (f.outcome) add(`outcome = ?`, f.outcome);
    if (f.from) add(`at >= ?`, f.from);
    if (f.to) add(`at < ?`, f.to);
    if (involving) {
      params.push(involving);
      where.push(`(actor_id = $${params.length} OR subject_id = $${params.length})`);
    }
    // Newest first: "forward" walks to older ids, "backward" to newer ones.
    const forward = req.direction === 'forward';
    if (req.after) add(forward ? `id < ?` : `id > ?`, req.after[0]);
    params.push(req.limit + 1);
    const rows = (await this.ds.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_log.id ${forward ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    )) as Row[];
    return toPage(rows.map(toEntry), req, (e) => [e.id] as [string]);
  }
}

const SELECT = `SELECT id::text, at, actor_id, subject_id, action, outcome, permission, resource_type, resource_id,
       correlation_id, host(ip) AS ip, details FROM audit_log`;

function toEntry(r: Row): AuditLogEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    subjectId: r.subject_id,
    action: r.action,
    outcome: r.outcome,
    permission: r.permission,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    correlationId: r.correlation_id,
    ip: r.ip,
    details: r.details,
  };
}
