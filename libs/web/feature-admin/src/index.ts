export { AdminLayout, UsersPage, UserDetailPage, AuditLogPage } from './lazyPages';
export { RequirePermission } from './lib/components/RequirePermission';
