import type { DataSource } from 'typeorm';
import { stringify } from 'csv-stringify/sync';
import { isUuid } from '@pa/server-core';
import { NumbersErrorCode, numbersError } from '../numbers/numbers.errors';

export type UsageGrouping = 'day' | 'month';

/** Volumes and costs over one period (or a whole range). Amounts are exact decimal strings. */
export interface UsageFigures {
  period: string;
  inboundMessages: number;
  outboundMessages: number;
  inboundSegments: number;
  outboundSegments: number;
  messageCost: string;
  rentalCost: string;
  totalCost: string;
  /** Messages Twilio has not priced yet (not in the costs). */
  unpricedMessages: number;
}

export interface UsageReport {
  from: Date;
  to: Date;
  currency: string;
  totals: UsageFigures;
  periods: UsageFigures[];
}

export interface UserUsage extends UsageFigures {
  userId: string | null;
  displayName: string | null;
  email: string | null;
}

export interface NumberUsage extends UsageFigures {
  numberId: string;
  phoneNumber: string;
  status: string;
}

export interface AdminUsageReport extends UsageReport {
  topUsers: UserUsage[];
  perNumber: NumberUsage[];
}

const MAX_RANGE_MS = 2 * 366 * 24 * 60 * 60_000;

// Sums in PostgreSQL numeric: exact, never a float; returned as text.
const FIGURES = `
  count(*) FILTER (WHERE kind = 'message' AND direction = 'inbound')::int AS inbound_messages,
  count(*) FILTER (WHERE kind = 'message' AND direction = 'outbound')::int AS outbound_messages,
  COALESCE(sum(segments) FILTER (WHERE kind = 'message' AND direction = 'inbound'), 0)::int AS inbound_segments,
  COALESCE(sum(segments) FILTER (WHERE kind = 'message' AND direction = 'outbound'), 0)::int AS outbound_segments,
  COALESCE(sum(price) FILTER (WHERE kind = 'message'), 0)::numeric(14, 5)::text AS message_cost,
  COALESCE(sum(price) FILTER (WHERE kind = 'rental'), 0)::numeric(14, 5)::text AS rental_cost,
  COALESCE(sum(price), 0)::numeric(14, 5)::text AS total_cost,
  count(*) FILTER (WHERE kind = 'message' AND price IS NULL)::int AS unpriced_messages`;

interface FigureRow {
  period?: string;
  inbound_messages: number;
  outbound_messages: number;
  inbound_segments: number;
  outbound_segments: number;
  message_cost: string;
  rental_cost: string;
  total_cost: string;
  unpriced_messages: number;
}

function figures(r: FigureRow | undefined, period = ''): UsageFigures {
  return {
    period: r?.period ?? period,
    inboundMessages: r?.inbound_messages ?? 0,
    outboundMessages: r?.outbound_messages ?? 0,
    inboundSegments: r?.inbound_segments ?? 0,
    outboundSegments: r?.outbound_segments ?? 0,
    messageCost: r?.message_cost ?? '0.00000',
    rentalCost: r?.rental_cost ?? '0.00000',
    totalCost: r?.total_cost ?? '0.00000',
    unpricedMessages: r?.unpriced_messages ?? 0,
  };
}

/** SMS volumes and costs from `sms_usage_logs`: a person's own, and the administrators' views. */
export class SmsUsageService {
  constructor(
    private readonly ds: DataSource,
    private readonly currency: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private range(from?: Date | null, to?: Date | null): { from: Date; to: Date } {
    const end = to ?? this.now();
    const start = from ?? new Date(end.getTime() - 30 * 24 * 60 * 60_000);
    if (
      Number.isNaN(start.getTime()) ||
      Number.isNaN(end.getTime()) ||
      start.getTime() >= end.getTime() ||
      end.getTime() - start.getTime() > MAX_RANGE_MS
    )
      throw numbersError(NumbersErrorCode.INVALID_DATE_RANGE);
    return { from: start, to: end };
  }

  private async report(
    where: string,
    params: unknown[],
    from: Date,
    to: Date,
    group: UsageGrouping,
    tz: string,
  ) {
    const base = [...params, from, to];
    const n = params.length;
    const scope = `${where ? `${where} AND` : ''} occurred_at >= $${n + 1} AND occurred_at < $${n + 2}`;
    const fmt = group === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
    const periods = (await this.ds.query(
      `SELECT to_char(date_trunc('${group}', occurred_at AT TIME ZONE $${n + 3}), '${fmt}') AS period, ${FIGURES}
         FROM sms_usage_logs WHERE ${scope} GROUP BY 1 ORDER BY 1`,
      [...base, tz],
    )) as FigureRow[];
    const [totals] = (await this.ds.query(
      `SELECT ${FIGURES} FROM sms_usage_logs WHERE ${scope}`,
      base,
    )) as FigureRow[];
    return {
      from,
      to,
      currency: this.currency,
      totals: figures(totals, 'total'),
      periods: periods.map((p) => figures(p)),
    };
  }

  /** A person's texts and costs over a range (default: the last 30 days), by day or month in their zone. */
  async mine(
    userId: string,
    args: { from?: Date | null; to?: Date | null; groupBy?: UsageGrouping },
  ): Promise<UsageReport> {
    const { from, to } = this.range(args.from, args.to);
    const [person] = (await this.ds.query(`SELECT time_zone FROM users WHERE id = $1`, [userId])) as {
      time_zone: string;
    }[];
    return this.report('user_id = $1', [userId], from, to, args.groupBy ?? 'day', person?.time_zone ?? 'UTC');
  }

  /** Totals, series, top users and per-number figures for administrators (UTC periods). */
  async analytics(args: {
    from?: Date | null;
    to?: Date | null;
    groupBy?: UsageGrouping;
    top?: number;
  }): Promise<AdminUsageReport> {
    const { from, to } = this.range(args.from, args.to);
    const report = await this.report('', [], from, to, args.groupBy ?? 'day', 'UTC');
    const top = Math.min(Math.max(args.top ?? 10, 1), 100);
    const users = (await this.ds.query(
      `SELECT l.user_id, u.display_name, u.email, ${FIGURES.replace(/\b(kind|direction|segments|price)\b/g, 'l.$1')}
         FROM sms_usage_logs l LEFT JOIN users u ON u.id = l.user_id
        WHERE l.occurred_at >= $1 AND l.occurred_at < $2 AND l.user_id IS NOT NULL
        GROUP BY l.user_id, u.display_name, u.email
        ORDER BY sum(l.price) DESC NULLS LAST, count(*) DESC LIMIT $3`,
      [from, to, top],
    )) as (FigureRow & { user_id: string; display_name: string | null; email: string | null })[];
    const numbers = (await this.ds.query(
      `SELECT n.id, n.phone_number, n.status, ${FIGURES.replace(/\b(kind|direction|segments|price)\b/g, 'l.$1')}
         FROM sms_usage_logs l JOIN user_phone_numbers n ON n.id = l.number_id
        WHERE l.occurred_at >= $1 AND l.occurred_at < $2
        GROUP BY n.id, n.phone_number, n.status ORDER BY sum(l.price) DESC NULLS LAST, n.phone_number LIMIT 500`,
      [from, to],
    )) as (FigureRow & { id: string; phone_number: string; status: string })[];
    return {
      ...report,
      topUsers: users.map((u) => ({
        ...figures(u, 'range'),
        userId: u.user_id,
        displayName: u.display_name,
        email: u.email,
      })),
      perNumber: numbers.map((n) => ({
        ...figures(n, 'range'),
        numberId: n.id,
        phoneNumber: n.phone_number,
        status: n.status,
      })),
    };
  }

  /** Every usage row of a range as CSV (one line per message or rental), oldest first. */
  async csv(args: { from?: Date | null; to?: Date | null; userId?: string | null }): Promise<string> {
    const { from, to } = this.range(args.from, args.to);
    const params: unknown[] = [from, to];
    let who = '';
    if (args.userId) {
      if (!isUuid(args.userId)) return stringify([HEADER]);
      params.push(args.userId);
      who = 'AND l.user_id = $3';
    }
    const rows = (await this.ds.query(
      `SELECT l.occurred_at, l.kind, l.direction, u.email, n.phone_number, l.segments, l.price::text AS price,
              l.currency, l.status, l.message_sid, l.period::text AS period
         FROM sms_usage_logs l JOIN user_phone_numbers n ON n.id = l.number_id LEFT JOIN users u ON u.id = l.user_id
        WHERE l.occurred_at >= $1 AND l.occurred_at < $2 ${who}
        ORDER BY l.occurred_at, l.id LIMIT 100000`,
      params,
    )) as {
      occurred_at: Date;
      kind: string;
      direction: string | null;
      email: string | null;
      phone_number: string;
      segments: number;
      price: string | null;
      currency: string | null;
      status: string | null;
      message_sid: string | null;
      period: string | null;
    }[];
    return stringify([
      HEADER,
      ...rows.map((r) => [
        r.occurred_at.toISOString(),
        r.kind,
        r.direction ?? '',
        spreadsheetSafe(r.email ?? ''),
        r.phone_number,
        r.segments,
        r.price ?? '',
        r.currency?.trim() ?? '',
        r.status ?? '',
        r.message_sid ?? '',
        r.period ?? '',
      ]),
    ]);
  }
}

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab/CR) is a formula to Excel and
 * LibreOffice, so it gets a leading apostrophe (OWASP's advice for CSV injection). Phone numbers are
 * written by us in E.164 and left as they are.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const HEADER = [
  'occurred_at',
  'kind',
  'direction',
  'user_email',
  'number',
  'segments',
  'price',
  'currency',
  'status',
  'message_sid',
  'period',
];
