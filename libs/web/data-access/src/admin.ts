// Secondary entry point (@pa/web-data-access/admin) for the administration pages, which load lazily:
// its hooks and their documents (src/gql/lazy) are not reachable from the first chunk.
export {
  useAdminUser,
  useAdminUserActions,
  useAdminUsers,
  type AdminUser,
  type AdminUserActions,
  type AdminUserDetail,
  type AdminUsersArgs,
  type AdminUsersView,
  type AdminUserView,
  type PageInfo,
} from './hooks/useAdminUsers';
export { useAuditLog, type AuditEntry, type AuditLogArgs, type AuditLogView } from './hooks/useAuditLog';
