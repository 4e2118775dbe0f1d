import type { DataSource } from 'typeorm';
import {
  CONSENT_KINDS,
  CONSENT_PATHS,
  CONSENT_TITLES,
  CONSENT_VERSIONS,
  HISTORY_WARNING_DAYS,
  REQUIRED_CONSENTS,
  isRole,
  limitsOf,
  type ConsentKind,
} from '@pa/shared-domain';
import { UsersErrorCode, usersError } from '../users.errors';
import {
  ConsentKindEnum,
  ConsentSourceEnum,
  type Consent,
  type HistoryLimit,
  type LegalDocument,
} from './consent.types';

interface ConsentRow {
  id: string;
  user_id: string;
  kind: ConsentKind;
  version: string;
  granted_at: Date;
  withdrawn_at: Date | null;
  source: ConsentSourceEnum;
}

const toConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as ConsentKindEnum,
  version: r.version,
  grantedAt: r.granted_at,
  withdrawnAt: r.withdrawn_at,
  source: r.source,
  current: r.version === CONSENT_VERSIONS[r.kind],
});

/** The documents as they stand now (versions from the shared domain). */
export function legalDocuments(): LegalDocument[] {
  return CONSENT_KINDS.map((kind) => ({
    kind: kind as ConsentKindEnum,
    version: CONSENT_VERSIONS[kind],
    title: CONSENT_TITLES[kind],
    path: CONSENT_PATHS[kind],
    required: (REQUIRED_CONSENTS as readonly string[]).includes(kind),
  }));
}

/**
 * A person's consents (docs/privacy.md): the terms and privacy notice at their current versions,
 * and texts from the assistant, given and withdrawn at any time. Also their plan's history limit.
 */
export class ConsentService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every consent the person gave, newest first (withdrawn and superseded ones included). */
  async list(userId: string): Promise<Consent[]> {
    const rows = (await this.ds.query(
      `SELECT id, user_id, kind, version, granted_at, withdrawn_at, source FROM consents
        WHERE user_id = $1 ORDER BY granted_at DESC, id`,
      [userId],
    )) as ConsentRow[];
    return rows.map(toConsent);
  }

  /** The required documents the person has not accepted at their current version. */
  async pending(userId: string): Promise<LegalDocument[]> {
    const rows = (await this.ds.query(
      `SELECT kind FROM consents WHERE user_id = $1 AND withdrawn_at IS NULL
          AND (kind, version) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [userId, [...REQUIRED_CONSENTS], REQUIRED_CONSENTS.map((k) => CONSENT_VERSIONS[k])],
    )) as { kind: string }[];
    const accepted = new Set(rows.map((r) => r.kind));
    return legalDocuments().filter((d) => d.required && !accepted.has(d.kind));
  }

  /**
   * Records acceptances at the versions the person was shown; an older version than the current
   * one is refused (CONSENT_OUTDATED) so nobody accepts a text they did not see. Idempotent.
   */
  async accept(
    userId: string,
    accepted: { kind: ConsentKindEnum; version: string }[],
    source: ConsentSourceEnum.PROMPT | ConsentSourceEnum.SETTINGS,
  ): Promise<Consent[]> {
    const stale = accepted.filter((a) => a.version !== CONSENT_VERSIONS[a.kind]);
    if (stale.length > 0)
      throw usersError(UsersErrorCode.CONSENT_OUTDATED, {
        current: Object.fromEntries(stale.map((a) => [a.kind, CONSENT_VERSIONS[a.kind]])),
      });
    if (accepted.length > 0)
      await this.ds.query(
        `INSERT INTO consents (user_id, kind, version, source)
         SELECT $1, kind, version, $4 FROM unnest($2::text[], $3::text[]) AS a(kind, version)
         ON CONFLICT (user_id, kind, version) WHERE withdrawn_at IS NULL DO NOTHING`,
        [userId, accepted.map((a) => a.kind), accepted.map((a) => a.version), source],
      );
    return this.list(userId);
  }

  /**
   * Withdraws a consent. Only texts can be withdrawn: the assistant stops texting at once (the SMS
   * outbox checks consent before every text). The terms and privacy notice end with the account.
   */
  async withdraw(userId: string, kind: ConsentKindEnum): Promise<Consent[]> {
    if (kind !== ConsentKindEnum.SMS) throw usersError(UsersErrorCode.CONSENT_NOT_WITHDRAWABLE);
    await this.ds.query(
      `UPDATE consents SET withdrawn_at = clock_timestamp() WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL`,
      [userId, kind],
    );
    return this.list(userId);
  }

  /** The person's plan's history limit, and how many of their messages it hides now and soon. */
  async historyLimit(userId: string): Promise<HistoryLimit> {
    const [person] = (await this.ds.query(
      `SELECT COALESCE(ur.role, 'user') AS role FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { role: string }[];
    const days = limitsOf(isRole(person?.role) ? person.role : 'user').historyDays;
    if (days === null) return { days, hiddenMessages: 0, hidingSoon: 0, warningDays: HISTORY_WARNING_DAYS };
    const dayMs = 86_400_000;
    const cutoff = new Date(this.now() - days * dayMs);
    const soon = new Date(cutoff.getTime() + HISTORY_WARNING_DAYS * dayMs);
    const [counts] = (await this.ds.query(
      `SELECT count(*) FILTER (WHERE created_at < $2)::int AS hidden,
              count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS soon
         FROM messages WHERE user_id = $1 AND created_at < $3`,
      [userId, cutoff, soon],
    )) as { hidden: number; soon: number }[];
    return {
      days,
      hiddenMessages: counts?.hidden ?? 0,
      hidingSoon: counts?.soon ?? 0,
      warningDays: HISTORY_WARNING_DAYS,
    };
  }
}
