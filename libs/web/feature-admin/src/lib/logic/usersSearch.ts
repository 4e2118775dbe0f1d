import { ROLES } from '@pa/shared-domain/access';
import { fromApiEnum, toApiEnum, type UserStatus } from '@pa/web-data-access';
import { type AdminUsersArgs } from '@pa/web-data-access/admin';

/** How many people one page of the list shows. */
export const USERS_PAGE_SIZE = 20;

const STATUSES: readonly UserStatus[] = ['ACTIVE', 'DISABLED'];

/** The filter of the people list as the form edits it ('' = any). */
export interface UsersFilterForm {
  search: string;
  role: string;
  status: string;
}

/** The filter in the address (so a reload, a shared link and Back keep it). */
export function usersFilterFrom(params: URLSearchParams): UsersFilterForm {
  const role = fromApiEnum(params.get('role') ?? '', ROLES);
  const status = STATUSES.find((s) => s === (params.get('status') ?? '').toUpperCase());
  return { search: params.get('q') ?? '', role: role ?? '', status: status ?? '' };
}

/** The query variables for the page the address names: forward after a cursor, or back before one. */
export function usersArgsFrom(params: URLSearchParams, pageSize = USERS_PAGE_SIZE): AdminUsersArgs {
  const form = usersFilterFrom(params);
  const role = fromApiEnum(form.role, ROLES);
  const filter: NonNullable<AdminUsersArgs['filter']> = {};
  if (form.search.trim()) filter.search = form.search.trim();
  if (role) filter.role = toApiEnum(role);
  if (form.status) filter.status = form.status as UserStatus;
  const before = params.get('before');
  const after = params.get('after');
  const page: AdminUsersArgs = before
    ? { last: pageSize, before }
    : { first: pageSize, after: after || null };
  return { filter, ...page };
}

/** The address of the first page for a new filter (cursors belong to the old one). */
export function usersParamsFor(form: UsersFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  if (form.search.trim()) params.set('q', form.search.trim());
  if (form.role) params.set('role', form.role);
  if (form.status) params.set('status', form.status.toLowerCase());
  return params;
}

/** Same filter, another page: after `cursor` (next) or before it (previous). */
export function pageParams(
  params: URLSearchParams,
  direction: 'next' | 'previous',
  cursor: string,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('after');
  next.delete('before');
  next.set(direction === 'next' ? 'after' : 'before', cursor);
  return next;
}
