import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isSelfOr } from './rbac.rules';

/** Who may read the audit trail: administrators everything, a person their own account's entries. */
export const rbacRules: RuleMap = {
  Query: { auditLog: hasPermission('audit:read:any', { auditAllowed: true, resourceType: 'audit_log' }) },
  Subscription: { auditEntryAdded: hasPermission('audit:read:any') },
  User: { auditEntries: isSelfOr('audit:read:any') },
  // Entries reach a caller only through the two fields above.
  AuditLogEntry: allow,
  AuditLogEdge: allow,
  AuditLogConnection: allow,
  PageInfo: allow,
};
