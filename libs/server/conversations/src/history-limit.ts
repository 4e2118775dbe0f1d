import type { DataSource, EntityManager } from 'typeorm';
import { isRole, limitsOf } from '@pa/shared-domain';

const DAY_MS = 86_400_000;

/**
 * The oldest moment of history the person's plan shows (`RoleLimits.historyDays`), or null for all
 * of it. Older messages are hidden from reads and search, never deleted (docs/privacy.md): an
 * upgrade shows them again, and the data export holds everything.
 */
export async function historyCutoff(
  db: DataSource | EntityManager,
  userId: string,
  now: number = Date.now(),
): Promise<Date | null> {
  const [person] = (await db.query(
    `SELECT COALESCE(ur.role, 'user') AS role FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id WHERE u.id = $1`,
    [userId],
  )) as { role: string }[];
  const days = limitsOf(isRole(person?.role) ? person.role : 'user').historyDays;
  return days === null ? null : new Date(now - days * DAY_MS);
}
