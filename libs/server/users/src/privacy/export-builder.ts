import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { ZipFile } from 'yazl';
import type { DataSource } from 'typeorm';
import { PRODUCT_NAME } from '@pa/shared-domain';

// Columns never exported: credentials and keys (a copy of the data, not a way into the account).
const SECRET_COLUMN = /(password|hash|secret|token|p256dh|^auth$|^endpoint$|encrypted|code$)/i;
// Main tables also given as CSV (opened in a spreadsheet).
const CSV_TABLES = ['conversations', 'messages', 'tasks', 'reminders', 'sms_usage_logs'];
const BATCH = 1000;

/** A table holding the person's rows, found in the schema: where its rows point at them. */
export interface PersonalTable {
  table: string;
  /** SQL condition on the row (alias-free), `$1` being the person's id. */
  where: string;
  columns: string[];
}

/**
 * Every table with a column referencing the person (`user_id`, or the audit log's actor and subject),
 * read from information_schema: a new table with `user_id` is exported the day it appears.
 */
export async function personalTables(ds: DataSource): Promise<PersonalTable[]> {
  const rows = (await ds.query(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      GROUP BY c.table_name ORDER BY c.table_name`,
  )) as { table_name: string; columns: string[] }[];
  const tables: PersonalTable[] = [];
  for (const row of rows) {
    const visible = row.columns.filter((c) => !SECRET_COLUMN.test(c) && c !== 'avatar_image');
    if (row.table_name === 'users') tables.push({ table: 'users', where: 'id = $1', columns: visible });
    else if (row.table_name === 'audit_log')
      tables.push({ table: 'audit_log', where: 'actor_id = $1 OR subject_id = $1', columns: visible });
    else if (row.columns.includes('user_id'))
      tables.push({ table: row.table_name, where: 'user_id = $1', columns: visible });
  }
  return tables;
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function readme(tables: PersonalTable[], at: Date): string {
  return [
    `# Your data from ${PRODUCT_NAME}`,
    '',
    `Made on ${at.toISOString()} at your request (GDPR articles 15 and 20).`,
    '',
    '- `data/<table>.json`: every row we hold about you in that table, as a JSON array.',
    `- \`csv/<table>.csv\`: the main tables (${CSV_TABLES.join(', ')}) for a spreadsheet.`,
    '',
    'Left out on purpose: your password hash, second-factor secrets, backup and sign-in codes, tokens and',
    'push keys. They are credentials, not information about you, and a copy would be a way into your account.',
    '',
    'Tables included:',
    '',
    ...tables.map((t) => `- ${t.table}`),
    '',
  ].join('\n');
}

/** Rows of one table about the person, in batches (keyset on ctid: bounded memory for 100k rows). */
async function* batches(
  ds: DataSource,
  t: PersonalTable,
  userId: string,
): AsyncGenerator<Record<string, unknown>[]> {
  const cols = t.columns.map((c) => `"${c}"`).join(', ');
  let after = '(0,0)';
  for (;;) {
    const rows = (await ds.query(
      `SELECT ctid::text AS __ctid, ${cols} FROM "${t.table}" WHERE (${t.where}) AND ctid > $2::tid ORDER BY ctid LIMIT ${BATCH}`,
      [userId, after],
    )) as (Record<string, unknown> & { __ctid: string })[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.__ctid ?? after;
    yield rows.map(({ __ctid: _skip, ...rest }) => rest);
    if (rows.length < BATCH) return;
  }
}

/** Writes `chunk` into an entry stream, waiting when it is full (backpressure keeps memory flat). */
async function put(stream: PassThrough, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Ends an entry and waits until the ZIP has taken all of it. */
async function finish(stream: PassThrough, last: string): Promise<void> {
  const ended = once(stream, 'end');
  stream.end(last);
  await ended;
}

/**
 * Builds the ZIP of everything held about `userId` at `file` (written to a temporary name first, so a
 * half-written file is never served). Returns its size in bytes.
 */
export async function buildExportZip(
  ds: DataSource,
  userId: string,
  file: string,
  now: Date,
): Promise<number> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR/exports/<id>.zip, where the id is a UUID (checked, or read from data_exports), never a path from a request
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const zip = new ZipFile();
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR/exports/<id>.zip, where the id is a UUID (checked, or read from data_exports), never a path from a request
  const out = createWriteStream(partial);
  zip.outputStream.pipe(out);
  const written = once(out, 'close');
  try {
    const tables = await personalTables(ds);
    zip.addBuffer(Buffer.from(readme(tables, now)), 'README.md', { mtime: now });
    for (const t of tables) {
      const json = new PassThrough();
      zip.addReadStream(json, `data/${t.table}.json`, { mtime: now });
      await put(json, '[');
      let first = true;
      for await (const rows of batches(ds, t, userId)) {
        for (const row of rows) {
          await put(json, `${first ? '' : ','}\n${JSON.stringify(row)}`);
          first = false;
        }
      }
      await finish(json, ']\n');
      if (!CSV_TABLES.includes(t.table)) continue;
      const csv = new PassThrough();
      zip.addReadStream(csv, `csv/${t.table}.csv`, { mtime: now });
      await put(csv, `${t.columns.join(',')}\n`);
      for await (const rows of batches(ds, t, userId)) {
        for (const row of rows) await put(csv, `${t.columns.map((c) => csvCell(row[c])).join(',')}\n`);
      }
      await finish(csv, '');
    }
    zip.end();
    await written;
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR/exports/<id>.zip, where the id is a UUID (checked, or read from data_exports), never a path from a request
    await rename(partial, file);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR/exports/<id>.zip, where the id is a UUID (checked, or read from data_exports), never a path from a request
    return (await stat(file)).size;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}
