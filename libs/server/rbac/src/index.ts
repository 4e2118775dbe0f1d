import type { AccessService } from './access.service';
import type { AuditLogService } from './audit/audit-log.service';
import type { PersonalAccessTokenService } from './tokens/personal-access-token.service';

declare module '@pa/server-core' {
  interface Services {
    /** Roles and permissions: who may do what, read per request. */
    access: AccessService;
    /** The audit trail, for reading. */
    auditLog: AuditLogService;
    /** Personal access tokens: made, listed, revoked, checked. */
    tokens: PersonalAccessTokenService;
  }
}

export { AccessService, type Access } from './access.service';
export type { AccessChangedPayload } from './access.topics';
export { AuditLogService } from './audit/audit-log.service';
export { AuditLogEntry, AuditLogConnection, AuditOutcome } from './audit/audit-log.types';
export { AuditLogResolver, UserAuditResolver } from './audit/audit-log.resolver';
export { hasPermission, isOwner, isOwnerOr, isSelfOr, type PermissionRuleOptions } from './rbac.rules';
export { rbacRules } from './rbac.rules-map';
export { rbacMigrations } from './migrations';
export { PersonalAccessToken } from './tokens/personal-access-token.entity';
export { PersonalAccessTokenResolver } from './tokens/personal-access-token.resolver';
export {
  PersonalAccessTokenService,
  tokenSessionId,
  type CreateTokenInput,
  type CreatedToken,
} from './tokens/personal-access-token.service';
export { TokenErrorCode, tokenError } from './tokens/personal-access-token.errors';
export { tokenRules } from './tokens/personal-access-token.rules';
