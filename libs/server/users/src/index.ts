import type { PreferencesService } from './preferences/preferences.service';
import type { ProfileService } from './profile/profile.service';
import type { AdminUsersService } from './admin/admin-users.service';
import type { AccountErasureService } from './privacy/account-erasure.service';
import type { DataExportService } from './privacy/data-export.service';
import type { ConsentService } from './consent/consent.service';

declare module '@pa/server-core' {
  interface Services {
    preferences: PreferencesService;
    profile: ProfileService;
    adminUsers: AdminUsersService;
    accountErasure: AccountErasureService;
    dataExports: DataExportService;
    consents: ConsentService;
  }
}

export { PreferencesService } from './preferences/preferences.service';
export { UserPreferences } from './preferences/preferences.entity';
export { EscalationStep, EscalationStepInput } from './preferences/escalation.types';
export type { PreferencesChangedPayload } from './preferences/preferences.topics';
export { ProfileService } from './profile/profile.service';
export { AdminUsersService } from './admin/admin-users.service';
export { AccountDeletion, type PersonIdentifiers } from './admin/account-deletion';
export { AccountErasureService, AccountEraser, registerErasureJobs } from './privacy/account-erasure.service';
export { PrivacyResolver } from './privacy/privacy.resolver';
export { AccountDeletionRequest, ConfirmIdentityInput } from './privacy/erasure.types';
export type { AccountErasePayload } from './privacy/erasure.jobs';
export { UsersResolver, AdminUsersResolver } from './users.resolver';
export { usersRules } from './users.rules';
export { usersMigrations } from './migrations';
export { UsersErrorCode, usersError, validationFailed } from './users.errors';
export { RoleEnum, UserStatusEnum, ReminderChannelEnum } from './users.enums';
export { PERSONAL_JOB_QUEUES, forgetQueuedJobs } from './privacy/personal-jobs';
export {
  DataExportBuilder,
  DataExportService,
  exportFile,
  registerExportJobs,
  removeExportFiles,
} from './privacy/data-export.service';
export { DataExport, DataExportStatusEnum, type ExportBuildPayload } from './privacy/data-export.types';
export { personalTables } from './privacy/export-builder';
export { RetentionService, type RetentionCounts } from './privacy/retention.service';
export { ConsentService, legalDocuments } from './consent/consent.service';
export { ConsentResolver } from './consent/consent.resolver';
export {
  Consent,
  ConsentAcceptanceInput,
  ConsentKindEnum,
  ConsentSourceEnum,
  HistoryLimit,
  LegalDocument,
} from './consent/consent.types';
