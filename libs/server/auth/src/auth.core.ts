import type { EntityManager } from 'typeorm';
import { productMetrics, type AuthContext, type Runtime } from '@pa/server-core';
import { createSmsSender } from '@pa/server-sms';
import type { JobQueue } from '@pa/server-jobs';
import { AuthErrorCode, authError } from './auth.errors';
import { AuditService } from './audit/audit.service';
import { verifyPassword } from './passwords/password-hasher';
import {
  MemorySessionStore,
  RedisSessionStore,
  type SessionLimits,
  type SessionStore,
} from './sessions/session-store';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { User } from './users/user.entity';
import { BackupCodeService } from './mfa/backup-codes.service';
import { SecretBox } from './mfa/secret-box';
import { TotpService } from './mfa/totp.service';
import { createRateLimits, type RateLimits } from './rate-limit/rate-limits.service';
import { SmsCodeService } from './mfa-sms/sms-code.service';
import { EmailTokenService } from './email/email-token.service';

/**
 * What other features do when an account is created or its email confirmed, inside the same
 * transaction (e.g. the default role and preferences), so an account never exists half-made.
 */
export interface AccountHooks {
  /** `afterCommit` runs its callback once the account is committed (e.g. to schedule its first check-in). */
  created: ((
    m: EntityManager,
    user: { id: string; email: string; timeZone: string },
    afterCommit: (fn: () => void) => void,
  ) => Promise<void>)[];
  /** `afterCommit` runs its callback once the verification is committed (e.g. to announce a role). */
  emailVerified: ((
    m: EntityManager,
    user: { id: string; email: string },
    afterCommit: (fn: () => void) => void,
  ) => Promise<void>)[];
  /** After a completed sign-in (password, and the second factor when the account has one). */
  signedIn: ((userId: string) => Promise<void>)[];
}

/** The stores, clock, hooks and account look-ups that every auth flow shares (built once per AuthService). */
export class AuthCore {
  readonly sessions: SessionStore;
  readonly refreshTokens: RefreshTokenService;
  readonly audit: AuditService;
  readonly rateLimits: RateLimits;
  readonly totp: TotpService;
  readonly backupCodes: BackupCodeService;
  readonly smsCodes: SmsCodeService;
  readonly emailTokens: EmailTokenService;
  readonly hooks: AccountHooks = { created: [], emailVerified: [], signedIn: [] };
  constructor(
    readonly runtime: Runtime,
    readonly jobs: JobQueue,
    readonly now: () => number,
  ) {
    this.sessions = runtime.redis ? new RedisSessionStore(runtime.redis) : new MemorySessionStore();
    this.refreshTokens = new RefreshTokenService(runtime.dataSource, runtime.config);
    this.audit = new AuditService(runtime.dataSource, runtime.logger, productMetrics(runtime.metrics));
    this.rateLimits = createRateLimits(runtime, {
      policies: {
        registerPerIp: { points: runtime.config.RATE_LIMIT_REGISTER_PER_HOUR },
        tokenRequests: { points: runtime.config.RATE_LIMIT_TOKEN_PER_MINUTE },
      },
    });
    const box = SecretBox.fromConfig(runtime.config);
    this.totp = new TotpService(box, { now });
    this.backupCodes = new BackupCodeService(box);
    this.smsCodes = new SmsCodeService(runtime.dataSource, box, createSmsSender(runtime.config), now);
    this.emailTokens = new EmailTokenService(runtime.dataSource, now);
  }

  /** Session lifetimes from the config. */
  get limits(): SessionLimits {
    return {
      absoluteTtlSeconds: this.runtime.config.SESSION_ABSOLUTE_TTL_SECONDS,
      idleTimeoutSeconds: this.runtime.config.SESSION_IDLE_TIMEOUT_SECONDS,
    };
  }

  /** The users repository. */
  users() {
    return this.runtime.dataSource.getRepository(User);
  }

  /** The signed-in user; a disabled or deleted account is UNAUTHENTICATED. */
  async me(auth: AuthContext): Promise<User> {
    const user = await this.users().findOneBy({ id: auth.userId });
    if (!user || user.disabledAt) throw authError(AuthErrorCode.UNAUTHENTICATED);
    return user;
  }

  /** Whether `password` is the user's current password. */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const row = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOne();
    return verifyPassword(row?.passwordHash, password.slice(0, 1024));
  }

  /** Runs the signedIn hooks; a failing hook is logged and does not fail the sign-in. */
  async signedIn(userId: string): Promise<void> {
    for (const hook of this.hooks.signedIn) {
      await hook(userId).catch((err: unknown) =>
        this.runtime.logger.error({ err, userId }, 'sign-in hook failed'),
      );
    }
  }

  /** Refuses a sensitive change unless the caller proved who they are within REAUTH_WINDOW_SECONDS. */
  assertRecentAuth(auth: AuthContext): void {
    if (this.now() - auth.authenticatedAt > this.runtime.config.REAUTH_WINDOW_SECONDS * 1000) {
      throw authError(AuthErrorCode.REAUTHENTICATION_REQUIRED);
    }
  }
}
