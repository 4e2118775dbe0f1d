import { Users1764100000000 } from './1764100000000-users';
import { Mfa1764100001000 } from './1764100001000-mfa';
import { RefreshTokens1764100002000 } from './1764100002000-refresh-tokens';
import { SmsCodes1764100003000 } from './1764100003000-sms-codes';
import { EmailTokens1764100004000 } from './1764100004000-email-tokens';
import { RefreshTokenAal1764800000000 } from './1764800000000-refresh-token-aal';

/** Auth migrations, in order (other auth parts append theirs). */
export const authMigrations = [
  Users1764100000000,
  Mfa1764100001000,
  RefreshTokens1764100002000,
  SmsCodes1764100003000,
  EmailTokens1764100004000,
  RefreshTokenAal1764800000000,
];
