import type { AuditOutcome } from '@pa/web-data-access';
import type { AuditLogArgs } from '@pa/web-data-access/admin';

/** How many entries one page of the audit trail shows. */
export const AUDIT_PAGE_SIZE = 25;

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'DENIED', 'FAILURE'];

/** The audit filter as the form edits it: dates are local calendar days (yyyy-mm-dd), '' = any. */
export interface AuditFilterForm {
  action: string;
  outcome: string;
  actorId: string;
  subjectId: string;
  from: string;
  to: string;
}

export type AuditFilterField = keyof AuditFilterForm;

const PARAM: Record<AuditFilterField, string> = {
  action: 'action',
  outcome: 'outcome',
  actorId: 'actor',
  subjectId: 'subject',
  from: 'from',
  to: 'to',
};

const FIELDS = Object.keys(PARAM) as AuditFilterField[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The filter in the address. */
export function auditFilterFrom(params: URLSearchParams): AuditFilterForm {
  const form = Object.fromEntries(
    FIELDS.map((f) => [f, params.get(PARAM[f]) ?? '']),
  ) as unknown as AuditFilterForm;
  if (!AUDIT_OUTCOMES.some((o) => o === form.outcome)) form.outcome = '';
  return form;
}

/** The address of the first page for a filter. */
export function auditParamsFor(form: AuditFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = form[field].trim();
    if (value) params.set(PARAM[field], value);
  }
  return params;
}

/** Local midnight of a yyyy-mm-dd day, `plusDays` later, as an ISO instant; null when not a day. */
export function localDayStart(day: string, plusDays = 0): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Problems the form can see before asking (the API checks again and answers BAD_REQUEST). */
export function validateAuditFilter(form: AuditFilterForm): Partial<Record<AuditFilterField, string>> {
  const errors: Partial<Record<AuditFilterField, string>> = {};
  for (const field of ['actorId', 'subjectId'] as const) {
    const value = form[field].trim();
    if (value && !UUID.test(value))
      errors[field] = 'Paste a full account id (like 3f0c…-…), or leave it empty.';
  }
  if (form.from && form.to && form.from > form.to) errors.to = 'The end date comes before the start date.';
  return errors;
}

/** The query variables for the page the address names; the end day is included whole. */
export function auditArgsFrom(params: URLSearchParams, pageSize = AUDIT_PAGE_SIZE): AuditLogArgs {
  const form = auditFilterFrom(params);
  const filter: NonNullable<AuditLogArgs['filter']> = {};
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.outcome) filter.outcome = form.outcome as AuditOutcome;
  if (form.actorId.trim()) filter.actorId = form.actorId.trim();
  if (form.subjectId.trim()) filter.subjectId = form.subjectId.trim();
  const from = localDayStart(form.from);
  const to = localDayStart(form.to, 1);
  if (from) filter.from = from;
  if (to) filter.to = to;
  const before = params.get('before');
  const after = params.get('after');
  return { filter, ...(before ? { last: pageSize, before } : { first: pageSize, after: after || null }) };
}
