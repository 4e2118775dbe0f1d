import type { AuthContext, ClientInfo } from '@pa/server-core';
import { CONSENT_VERSIONS } from '@pa/shared-domain';
import { AuthErrorCode, authError } from '../auth.errors';
import type { AuthCore } from '../auth.core';
import {
  assertStrongPassword,
  normaliseEmail,
  parseDisplayName,
  parseEmail,
  parseTimeZone,
} from '../auth.validation';
import type { EmailFlowsService } from '../email/email-flows.service';
import type { MfaFactors, MfaMethod } from '../mfa/mfa-factors';
import { hashPassword, needsRehash, verifyPassword } from '../passwords/password-hasher';
import type { SessionService, SignedIn } from '../sessions/session.service';

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  timeZone: string;
  acceptedTermsVersion: string;
  acceptedPrivacyVersion: string;
  smsConsent?: boolean;
}

/** Sign-up needs the current terms and privacy notice accepted (a page shown before a bump is refused). */
function assertCurrentConsents(input: RegisterInput): void {
  if (
    input.acceptedTermsVersion === CONSENT_VERSIONS.terms &&
    input.acceptedPrivacyVersion === CONSENT_VERSIONS.privacy
  )
    return;
  throw authError(AuthErrorCode.CONSENT_REQUIRED, {
    current: { terms: CONSENT_VERSIONS.terms, privacy: CONSENT_VERSIONS.privacy },
  });
}

/** Accounts and passwords: register, sign in, re-authenticate, change the password. */
export class AccountService {
  constructor(
    private readonly core: AuthCore,
    private readonly factors: MfaFactors,
    private readonly sessionService: SessionService,
    private readonly emails: EmailFlowsService,
  ) {}

  /** Creates an account and signs it in. */
  async register(input: RegisterInput, client: ClientInfo): Promise<SignedIn> {
    await this.core.rateLimits.consumeRegister(client.ip ?? 'unknown');
    const email = parseEmail(input.email);
    const displayName = parseDisplayName(input.displayName);
    const timeZone = parseTimeZone(input.timeZone);
    assertStrongPassword(input.password, [email, displayName]);
    assertCurrentConsents(input);
    const passwordHash = await hashPassword(input.password);
    const committed: (() => void)[] = [];
    const id = await this.core.runtime.dataSource.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, passwordHash, displayName, timeZone],
      )) as { id: string }[];
      const created = inserted[0]?.id;
      if (created) {
        // What the person accepted, recorded with the account (docs/privacy.md).
        const kinds = input.smsConsent ? ['terms', 'privacy', 'sms'] : ['terms', 'privacy'];
        await m.query(
          `INSERT INTO consents (user_id, kind, version, source)
           SELECT $1, kind, $3::jsonb ->> kind, 'sign_up' FROM unnest($2::text[]) AS kind`,
          [created, kinds, JSON.stringify(CONSENT_VERSIONS)],
        );
      }
      if (created)
        for (const hook of this.core.hooks.created)
          await hook(m, { id: created, email, timeZone }, (fn) => committed.push(fn));
      return created;
    });
    for (const fn of committed) fn();
    if (!id) throw authError(AuthErrorCode.EMAIL_TAKEN);
    await this.core.audit.record({ action: 'register', outcome: 'success', actorId: id, client });
    const user = await this.core.users().findOneByOrFail({ id });
    // The account exists either way: a queue outage must not lose the sign-up (the link can be resent).
    await this.emails
      .sendVerificationEmail(user)
      .catch((err: unknown) => this.core.runtime.logger.error({ err }, 'verification email not queued'));
    return this.sessionService.startSession(user, client, 'aal1');
  }

  /** Signs in with email and password. Unknown email and wrong password look exactly alike. */
  async login(rawEmail: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(rawEmail);
    // Counted per attempt (each alias of a batched request too); locked accounts answer like unknown ones.
    await this.core.rateLimits.checkLoginAllowed(email, client.ip ?? 'unknown');
    const row = await this.core
      .users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(row?.passwordHash, password.slice(0, 1024));
    if (!row || !ok || row.disabledAt) {
      await this.core.rateLimits.recordLoginFailure(email);
      await this.core.audit.record({
        action: 'login',
        outcome: 'failure',
        subjectId: row?.id ?? null,
        client,
        details: { reason: !row ? 'unknown_email' : row.disabledAt ? 'disabled' : 'bad_password' },
      });
      // Only someone who knows the password learns that the account is disabled.
      throw authError(
        ok && row?.disabledAt ? AuthErrorCode.ACCOUNT_DISABLED : AuthErrorCode.INVALID_CREDENTIALS,
      );
    }
    if (needsRehash(row.passwordHash)) {
      await this.core.runtime.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        row.id,
        await hashPassword(password),
      ]);
    }
    const methods = await this.factors.mfaMethods(row.id);
    if (methods.length === 0) {
      await this.core.rateLimits.recordLoginSuccess(email);
      await this.core.signedIn(row.id);
    }
    await this.core.audit.record({
      action: 'login',
      outcome: 'success',
      actorId: row.id,
      client,
      details: { mfaPending: methods.length > 0 },
    });
    return this.sessionService.startSession(row, client, 'aal1', methods);
  }

  /** Proves the person is still there (password): sensitive changes are allowed for a few minutes. */
  async reauthenticate(auth: AuthContext, password: string, client: ClientInfo): Promise<void> {
    const ok = await this.core.checkPassword(auth.userId, password);
    await this.core.audit.record({
      action: 'reauthenticate',
      outcome: ok ? 'success' : 'failure',
      actorId: auth.userId,
      client,
    });
    if (!ok) throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    await this.core.sessions.update(auth.sessionId, { authenticatedAt: this.core.now() });
  }

  /**
   * The strongest proof the person is there, for irreversible requests (erasing the account): the
   * password and, when the account has second factors, a code from one of them. Wrong codes count
   * towards the account's lock-out like wrong passwords.
   */
  async confirmIdentity(
    auth: AuthContext,
    password: string,
    second: { method: MfaMethod; code: string } | undefined,
    client: ClientInfo,
  ): Promise<void> {
    const user = await this.core.me(auth);
    await this.core.rateLimits.checkMfaAllowed(auth.sessionId, user.email);
    const fail = async (reason: string, code: AuthErrorCode) => {
      await this.core.rateLimits.recordLoginFailure(user.email);
      await this.core.audit.record({
        action: 'reauthenticate',
        outcome: 'failure',
        actorId: auth.userId,
        client,
        details: { reason },
      });
      return authError(code);
    };
    if (!(await this.core.checkPassword(auth.userId, password)))
      throw await fail('bad_password', AuthErrorCode.INVALID_CREDENTIALS);
    const methods = await this.factors.mfaMethods(auth.userId);
    if (methods.length > 0) {
      if (!second) throw authError(AuthErrorCode.MFA_REQUIRED);
      if (!methods.includes(second.method)) throw authError(AuthErrorCode.MFA_NOT_ENABLED);
      if (!(await this.factors.checkSecondFactor(auth.userId, second.method, second.code, auth.sessionId)))
        throw await fail('bad_code', AuthErrorCode.MFA_CODE_INVALID);
    }
    await this.core.sessions.update(auth.sessionId, { authenticatedAt: this.core.now() });
    await this.core.audit.record({
      action: 'reauthenticate',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { secondFactor: second && methods.length > 0 ? second.method : null },
    });
  }

  /** Changes the password (the current one is the re-authentication) and ends every other session. */
  async changePassword(
    auth: AuthContext,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<number> {
    if (!(await this.core.checkPassword(auth.userId, currentPassword))) {
      await this.core.audit.record({
        action: 'password_change',
        outcome: 'failure',
        actorId: auth.userId,
        client,
      });
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    const user = await this.core.me(auth);
    assertStrongPassword(newPassword, [user.email, user.displayName]);
    await this.core.runtime.dataSource.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [auth.userId, await hashPassword(newPassword)],
    );
    const ended = await this.sessionService.logoutAll(auth, client, true);
    await this.core.sessions.update(auth.sessionId, { authenticatedAt: this.core.now() });
    await this.core.audit.record({
      action: 'password_change',
      outcome: 'success',
      actorId: auth.userId,
      client,
      details: { otherSessionsEnded: ended },
    });
    return ended;
  }
}
