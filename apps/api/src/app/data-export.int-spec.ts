import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { createSmtpMailSender, type SmtpMailSender } from '@pa/server-mail';
import { startSmtpCatcher, type SmtpCatcher } from '@pa/smtp-catcher';
import { startWorker, type WorkerAppHandle } from '@pa/worker';
import { waitFor } from '@pa/server-testing';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_PASSWORD, as, codeOf, signUp, type Person } from '../testing/people';

const REQUEST = `mutation E($input: ConfirmIdentityInput!) { requestDataExport(input: $input) { id status downloadPath } }`;
const LIST = '{ dataExports { id status sizeBytes downloadPath expiresAt } }';

interface Listed {
  dataExports: { id: string; status: string; sizeBytes: number | null; downloadPath: string | null }[];
}

/** Every entry of a ZIP, as text. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

let catcher: SmtpCatcher;
let t: TestApi;
let mail: SmtpMailSender;
let worker: WorkerAppHandle;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pa-exports-'));
  catcher = await startSmtpCatcher({ smtpPort: 0, httpPort: 0 });
  t = await startTestApi({
    SMTP_URL: catcher.smtpUrl,
    PUBLIC_WEB_URL: 'http://app.example.test',
    DATA_DIR: dataDir,
    RATE_LIMIT_REGISTER_PER_HOUR: '10000',
  });
  mail = createSmtpMailSender(t.config);
  worker = await startWorker({ runtime: t.runtime, mail });
});
afterAll(async () => {
  await worker.stop();
  mail.close();
  await t.close();
  await catcher.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function withData(p: Person): Promise<void> {
  const conv = await as<{ createConversation: { id: string } }>(
    t,
    p,
    'mutation { createConversation(title: "plans") { id } }',
  );
  const conversationId = conv.body.data?.createConversation.id ?? '';
  for (let i = 0; i < 3; i += 1)
    await as(t, p, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { id } }', {
      input: { conversationId, body: `note, "quoted" ${i}`, clientId: `c-${p.id}-${i}` },
    });
  await as(t, p, 'mutation { createTask(title: "file taxes") { id } }');
  await as(t, p, 'mutation R($input: CreateReminderInput!) { createReminder(input: $input) { id } }', {
    input: { text: 'stretch', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
}

const download = (url: string, exportPath: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${exportPath}`, { headers });

it('builds a ZIP of everything about the person (every table holding their id, from the schema), mails them, and serves it to them only', async () => {
  const p = await signUp(t);
  const other = await signUp(t);
  await withData(p);
  expect(codeOf(await as(t, p, REQUEST, { input: { password: 'wrong-password' } }))).toBe(
    'INVALID_CREDENTIALS',
  );
  const asked = await as<{ requestDataExport: { id: string; status: string } }>(t, p, REQUEST, {
    input: { password: TEST_PASSWORD },
  });
  expect(asked.body.data?.requestDataExport.status).toBe('PENDING');
  // Once a day.
  expect(codeOf(await as(t, p, REQUEST, { input: { password: TEST_PASSWORD } }))).toBe('EXPORT_TOO_SOON');

  const listed = await waitFor(
    async () => (await as<Listed>(t, p, LIST)).body.data?.dataExports ?? [],
    (list) => list[0]?.status !== 'PENDING',
    30_000,
  );
  const ready = listed[0];
  expect(ready).toMatchObject({
    status: 'READY',
    downloadPath: `/exports/${asked.body.data?.requestDataExport.id}`,
  });
  const letter = await catcher.waitForMessage(
    (m) => m.to.includes(p.email) && /ready to download/.test(m.subject),
    10_000,
  );
  expect(letter.text).toContain('http://app.example.test/settings');

  const exportPath = ready?.downloadPath ?? '';
  expect((await download(t.url, exportPath)).status).toBe(401);
  const foreign = await download(t.url, exportPath, other.headers);
  expect(foreign.status).toBe(404);
  expect(
    ((await foreign.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
  ).toBe('EXPORT_NOT_FOUND');
  // Someone else does not even see it listed.
  expect((await as<Listed>(t, other, LIST)).body.data?.dataExports).toEqual([]);

  const res = await download(t.url, exportPath, p.headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const zip = Buffer.from(await res.arrayBuffer());
  expect(zip.length).toBe(ready?.sizeBytes);
  const entries = await unzip(zip);
  expect(entries.get('README.md')).toContain('Left out on purpose');

  // Every table that holds a user_id (read from the schema now, independently of the export) is in
  // the ZIP with exactly the person's rows: a new table the export forgot fails here.
  const ds = t.runtime.dataSource;
  const tables = (await ds.query(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY 1`,
  )) as { table_name: string }[];
  expect(tables.length).toBeGreaterThan(15);
  for (const { table_name: table } of tables) {
    const entry = entries.get(`data/${table}.json`);
    expect({ table, present: entry !== undefined }).toEqual({ table, present: true });
    const [count] = (await ds.query(`SELECT count(*)::int AS n FROM "${table}" WHERE user_id = $1`, [
      p.id,
    ])) as {
      n: number;
    }[];
    const rows = JSON.parse(entry ?? '[]') as { user_id: string }[];
    expect({ table, rows: rows.length }).toEqual({ table, rows: count?.n });
    expect(rows.every((r) => r.user_id === p.id)).toBe(true);
  }
  const account = JSON.parse(entries.get('data/users.json') ?? '[]') as Record<string, unknown>[];
  expect(account).toEqual([expect.objectContaining({ id: p.id, email: p.email })]);
  expect(JSON.parse(entries.get('data/messages.json') ?? '[]')).toHaveLength(
    (
      (await ds.query(`SELECT count(*)::int AS n FROM messages WHERE user_id = $1`, [p.id])) as {
        n: number;
      }[]
    )[0]?.n ?? -1,
  );
  expect(entries.get('csv/messages.csv')).toContain('"note, ""quoted"" 0"');
  // No credentials: not the password hash, nor any column named like a secret.
  const [hash] = (await ds.query(`SELECT password_hash FROM users WHERE id = $1`, [p.id])) as {
    password_hash: string;
  }[];
  const all = [...entries.values()].join('\n');
  expect(all).not.toContain(hash?.password_hash ?? 'missing');
  expect(all).not.toMatch(/"(password_hash|token_hash|code_hash|secret[a-z_]*)":/);
}, 120_000);
