import { ROLE_DEFINITIONS, ROLES, type Role } from '@pa/shared-domain/access';
import { toApiEnum, type ApiRole, type AuditOutcome, type UserStatus } from '@pa/web-data-access';

/** "Administrator": a role (API or domain spelling) as people read it. */
export function roleLabel(role: ApiRole | Role): string {
  const lower = role.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Every role, lowest first, with what it is for (from the shared matrix). */
export const ROLE_OPTIONS: ReadonlyArray<{ value: ApiRole; label: string; description: string }> = ROLES.map(
  (role) => ({
    value: toApiEnum(role),
    label: roleLabel(role),
    description: ROLE_DEFINITIONS[role].description,
  }),
);

const STATUS_LABELS: Record<UserStatus, string> = { ACTIVE: 'Active', DISABLED: 'Disabled' };
const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  SUCCESS: 'Success',
  DENIED: 'Denied',
  FAILURE: 'Failure',
};

/** "Active", "Disabled". */
export const statusLabel = (status: UserStatus) => STATUS_LABELS[status];
/** "Success", "Denied", "Failure". */
export const outcomeLabel = (outcome: AuditOutcome) => OUTCOME_LABELS[outcome];
