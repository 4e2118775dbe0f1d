export { MfaFactor, type MfaFactorKind } from './mfa-factor.entity';
export { BackupCode } from './backup-code.entity';
export { SecretBox, DEV_MFA_ENCRYPTION_KEY } from './secret-box';
export { TotpService, TOTP_ISSUER, type TotpEnrollment, type TotpServiceOptions } from './totp.service';
export { BackupCodeService, BACKUP_CODE_COUNT, normalizeBackupCode } from './backup-codes.service';
export { MfaErrorCode, mfaErrors, mfaError } from './mfa.errors';
