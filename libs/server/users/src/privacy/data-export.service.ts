import { createReadStream, type ReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, type AuthContext, type ClientInfo, type Logger } from '@pa/server-core';
import type { AuditService, AuthService, MfaMethod } from '@pa/server-auth';
import type { JobQueue, JobWorkers } from '@pa/server-jobs';
import { EXPORT_LINK_HOURS, EXPORT_MIN_INTERVAL_HOURS } from '@pa/shared-domain';
import { UsersErrorCode, usersError } from '../users.errors';
import { DataExportStatusEnum, type DataExport } from './data-export.types';
import { buildExportZip } from './export-builder';
import { exportReadyMessage } from './privacy-emails';

const HOUR_MS = 3_600_000;

interface ExportRow {
  id: string;
  status: DataExportStatusEnum;
  requested_at: Date;
  ready_at: Date | null;
  expires_at: Date | null;
  size_bytes: string | null;
}

const toExport = (r: ExportRow): DataExport => ({
  id: r.id,
  status: r.status,
  requestedAt: r.requested_at,
  readyAt: r.ready_at,
  expiresAt: r.expires_at,
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  downloadPath: r.status === DataExportStatusEnum.READY ? `/exports/${r.id}` : null,
});

/** Where an export's file lives: DATA_DIR/exports/<id>.zip (shared by the API and the worker). */
export function exportFile(dataDir: string, exportId: string): string {
  return path.resolve(dataDir, 'exports', `${exportId}.zip`);
}

/** A person's copies of their data (GDPR art. 15 and 20): asked for here, built by the worker. */
export class DataExportService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks for a new export (password, and second step if any; one a day); the worker builds it. */
  async request(
    auth: AuthContext,
    proof: { password: string; mfaMethod?: MfaMethod | null; mfaCode?: string | null },
    client: ClientInfo,
  ): Promise<DataExport> {
    const second =
      proof.mfaMethod && proof.mfaCode ? { method: proof.mfaMethod, code: proof.mfaCode } : undefined;
    await this.auth.confirmIdentity(auth, proof.password, second, client);
    const row = await this.ds.transaction(async (m) => {
      // Serialises two requests of the same person.
      await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [auth.userId]);
      const [last] = (await m.query(
        `SELECT requested_at FROM data_exports WHERE user_id = $1 AND status <> 'failed' ORDER BY requested_at DESC LIMIT 1`,
        [auth.userId],
      )) as { requested_at: Date }[];
      const next = last ? last.requested_at.getTime() + EXPORT_MIN_INTERVAL_HOURS * HOUR_MS : 0;
      if (next > this.now())
        throw usersError(UsersErrorCode.EXPORT_TOO_SOON, {
          retryAfterSeconds: Math.ceil((next - this.now()) / 1000),
        });
      const [created] = (await m.query(
        `INSERT INTO data_exports (user_id, requested_at) VALUES ($1, $2)
         RETURNING id, status, requested_at, ready_at, expires_at, size_bytes`,
        [auth.userId, new Date(this.now())],
      )) as ExportRow[];
      return created;
    });
    if (!row) throw new Error('export not stored');
    await this.audit.record({ action: 'export_request', outcome: 'success', actorId: auth.userId, client });
    await this.jobs.enqueue('export.build', { exportId: row.id }, { jobId: `export-${row.id}` });
    return toExport(row);
  }

  /** The person's exports, newest first (the last ten). */
  async list(userId: string): Promise<DataExport[]> {
    const rows = (await this.ds.query(
      `SELECT id, status, requested_at, ready_at, expires_at, size_bytes FROM data_exports
        WHERE user_id = $1 ORDER BY requested_at DESC LIMIT 10`,
      [userId],
    )) as ExportRow[];
    return rows.map(toExport);
  }

  /** The file of a ready, unexpired export of this person, or EXPORT_NOT_FOUND (for anyone else's too). */
  async open(
    userId: string,
    exportId: string,
    client: ClientInfo,
  ): Promise<{ stream: ReadStream; name: string }> {
    const rows = isUuid(exportId)
      ? ((await this.ds.query(
          `SELECT requested_at FROM data_exports
            WHERE id = $1 AND user_id = $2 AND status = 'ready' AND expires_at > $3`,
          [exportId, userId, new Date(this.now())],
        )) as { requested_at: Date }[])
      : [];
    const row = rows[0];
    if (!row) throw usersError(UsersErrorCode.EXPORT_NOT_FOUND);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR/exports/<id>.zip, where the id is a UUID (checked, or read from data_exports), never a path from a request
    const stream = createReadStream(exportFile(this.dataDir, exportId));
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', () => reject(usersError(UsersErrorCode.EXPORT_NOT_FOUND)));
    });
    await this.audit.record({
      action: 'export_download',
      outcome: 'success',
      actorId: userId,
      client,
      resourceType: 'data_export',
      resourceId: exportId,
    });
    return { stream, name: `my-data-${row.requested_at.toISOString().slice(0, 10)}.zip` };
  }
}

/** The worker's side: builds the ZIP, marks it ready, mails the person. */
export class DataExportBuilder {
  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobQueue,
    private readonly dataDir: string,
    private readonly webUrl: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Builds one export (idempotent: a ready or gone export is left alone). */
  async build(exportId: string): Promise<void> {
    const [row] = (await this.ds.query(
      `SELECT e.user_id, e.status, u.email, u.display_name FROM data_exports e JOIN users u ON u.id = e.user_id
        WHERE e.id = $1`,
      [exportId],
    )) as { user_id: string; status: string; email: string; display_name: string }[];
    if (!row || row.status !== 'pending') return;
    const file = exportFile(this.dataDir, exportId);
    const started = new Date(this.now());
    try {
      const size = await buildExportZip(this.ds, row.user_id, file, started);
      const expiresAt = new Date(this.now() + EXPORT_LINK_HOURS * HOUR_MS);
      await this.ds.query(
        `UPDATE data_exports SET status = 'ready', ready_at = $2, expires_at = $3, size_bytes = $4 WHERE id = $1`,
        [exportId, new Date(this.now()), expiresAt, size],
      );
      const mail = exportReadyMessage(row.display_name, expiresAt, `${this.webUrl}/settings`);
      await this.jobs.enqueue('email.send', { to: row.email, ...mail, idempotencyKey: `export-${exportId}` });
    } catch (err) {
      this.logger.error({ err, exportId }, 'data export failed');
      await rm(file, { force: true });
      await this.ds.query(`UPDATE data_exports SET status = 'failed', error = $2 WHERE id = $1`, [
        exportId,
        (err as Error).message.slice(0, 500),
      ]);
    }
  }

  /** Deletes the files of expired exports (the retention sweep); returns how many went. */
  async expire(limit = 500): Promise<number> {
    const rows = (await this.ds.query(
      `UPDATE data_exports SET status = 'expired' WHERE id IN (
         SELECT id FROM data_exports WHERE status = 'ready' AND expires_at <= $1 LIMIT $2) RETURNING id`,
      [new Date(this.now()), limit],
    )) as unknown[];
    const ids = (Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[])).map(
      (r) => r.id,
    );
    for (const id of ids) await rm(exportFile(this.dataDir, id), { force: true });
    return ids.length;
  }
}

/** The worker's `export.build` processor. */
export function registerExportJobs(workers: JobWorkers, builder: DataExportBuilder): void {
  workers.register('export.build', (payload) => builder.build(payload.exportId), { concurrency: 1 });
}

/** A deletion hook: the person's export files go with them (before the rows cascade away). */
export function removeExportFiles(dataDir: string) {
  return async (m: EntityManager, userId: string): Promise<void> => {
    const rows = (await m.query(`SELECT id FROM data_exports WHERE user_id = $1`, [userId])) as {
      id: string;
    }[];
    for (const r of rows) await rm(exportFile(dataDir, r.id), { force: true });
  };
}
