import type { AccessService } from './access.service';
import type { AuditLogService } from './audit/audit-log.service';

declare module '@pa/server-core' {
  interface Services {
    /** Roles and permissions: who may do what, read per request. */
    access: AccessService;
    /** The audit trail, for reading. */
    auditLog: AuditLogService;
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
