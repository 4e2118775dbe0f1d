import type { AdminPhoneNumbersArgs, PhoneNumberStatus } from '@pa/web-data-access/sms';

/** How many numbers one page of the administrators' list shows. */
export const NUMBERS_PAGE_SIZE = 25;

export const NUMBER_STATUSES: readonly PhoneNumberStatus[] = ['ACTIVE', 'SPARE', 'PROVISIONING', 'RELEASED'];

const STATUS_LABELS: Record<PhoneNumberStatus, string> = {
  ACTIVE: 'In use',
  SPARE: 'In the pool',
  PROVISIONING: 'Being set up',
  RELEASED: 'Given back to Twilio',
};

/** What a status means, in words (any case: the analytics report it in lower case). */
export const numberStatusLabel = (status: string): string =>
  STATUS_LABELS[status.toUpperCase() as PhoneNumberStatus] ?? status;

/** The filter as the form edits it ('' = any). */
export interface NumbersFilterForm {
  search: string;
  status: PhoneNumberStatus | '';
}

/** The filter in the address (?q=&status=&page=), so a reload, a shared link and Back keep it. */
export function numbersFilterFrom(params: URLSearchParams): NumbersFilterForm {
  const status = NUMBER_STATUSES.find((s) => s === (params.get('status') ?? '').toUpperCase());
  return { search: params.get('q') ?? '', status: status ?? '' };
}

/** The page shown (from 1), from the address. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** The query variables for the address: filter and page. */
export function numbersArgsFrom(
  params: URLSearchParams,
  pageSize = NUMBERS_PAGE_SIZE,
): AdminPhoneNumbersArgs {
  const form = numbersFilterFrom(params);
  return {
    search: form.search.trim() || null,
    status: form.status || null,
    limit: pageSize,
    offset: (pageFrom(params) - 1) * pageSize,
  };
}

/** The address of a filter's first page (or of `page`). */
export function numbersParamsFor(form: NumbersFilterForm, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (form.search.trim()) params.set('q', form.search.trim());
  if (form.status) params.set('status', form.status.toLowerCase());
  if (page > 1) params.set('page', String(page));
  return params;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whom a number should go to, as typed: an account id, or an email (or part of a name) to look up. */
export function readRecipient(input: string): { userId: string } | { search: string } | null {
  const value = input.trim();
  if (!value) return null;
  return UUID.test(value) ? { userId: value.toLowerCase() } : { search: value };
}

/** The one person an email names among search results (exact, case-insensitive), if exactly one. */
export function pickByEmail<T extends { email: string }>(people: readonly T[], typed: string): T | null {
  const wanted = typed.trim().toLowerCase();
  const exact = people.filter((p) => p.email.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0] ?? null;
  return people.length === 1 && exact.length === 0 && !wanted.includes('@') ? (people[0] ?? null) : null;
}
