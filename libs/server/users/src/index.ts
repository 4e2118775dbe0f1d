import type { PreferencesService } from './preferences/preferences.service';
import type { ProfileService } from './profile/profile.service';
import type { AdminUsersService } from './admin/admin-users.service';

declare module '@pa/server-core' {
  interface Services {
    preferences: PreferencesService;
    profile: ProfileService;
    adminUsers: AdminUsersService;
  }
}

export { PreferencesService } from './preferences/preferences.service';
export { UserPreferences } from './preferences/preferences.entity';
export { EscalationStep, EscalationStepInput } from './preferences/escalation.types';
export type { PreferencesChangedPayload } from './preferences/preferences.topics';
export { ProfileService } from './profile/profile.service';
export { AdminUsersService } from './admin/admin-users.service';
export { AccountDeletion } from './admin/account-deletion';
export { UsersResolver, AdminUsersResolver } from './users.resolver';
export { usersRules } from './users.rules';
export { usersMigrations } from './migrations';
export { UsersErrorCode, usersError, validationFailed } from './users.errors';
export { RoleEnum, UserStatusEnum, ReminderChannelEnum } from './users.enums';
