import { startWorkerStack, waitFor, type StoreMode, type WorkerStack } from '../testing/worker-stack';

const email = (to: string, key: string, extra: Record<string, string> = {}) => ({
  to,
  subject: `Reminder ${key}`,
  text: `Take your meds (${key})`,
  html: `<p>Take your <b>meds</b> (${key})</p>`,
  idempotencyKey: key,
  ...extra,
});

describe.each<StoreMode>(['redis', 'single-process'])('worker on %s: email jobs over real SMTP', (mode) => {
  let stack: WorkerStack;
  afterEach(async () => {
    await stack.cleanup();
  });

  it('sends an enqueued email; the catcher shows it with the right recipient, subject and body', async () => {
    stack = await startWorkerStack(mode);
    await stack.producer.enqueue('email.send', email('ada@example.com', 'k1'));
    const [mail] = await waitFor(
      () => stack.mailsTo('ada@example.com'),
      (m) => m.length === 1,
    );
    expect(mail).toMatchObject({
      to: ['ada@example.com'],
      subject: 'Reminder k1',
      text: 'Take your meds (k1)',
      html: '<p>Take your <b>meds</b> (k1)</p>',
      from: 'no-reply@localhost',
    });
  });

  it('sends one mail for the same jobId enqueued twice, and one for two jobs with the same idempotency key', async () => {
    stack = await startWorkerStack(mode);
    await stack.producer.enqueue('email.send', email('ada@example.com', 'dup-job'), { jobId: 'mail-1' });
    await stack.producer.enqueue('email.send', email('ada@example.com', 'dup-job'), { jobId: 'mail-1' });
    // Different jobs, same key: the second finds the key sent and skips.
    await stack.producer.enqueue('email.send', email('bob@example.com', 'dup-key'), { jobId: 'mail-2' });
    await stack.producer.enqueue('email.send', email('bob@example.com', 'dup-key'), { jobId: 'mail-3' });
    const counts = await waitFor(
      () => stack.producer.counts('email.send'),
      (c) => c.completed === 3,
    );
    expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(await stack.mailsTo('ada@example.com')).toHaveLength(1);
    expect(await stack.mailsTo('bob@example.com')).toHaveLength(1);
  });

  it('retries with backoff while the SMTP server is down and sends once it is back', async () => {
    stack = await startWorkerStack(mode, { JOBS_BACKOFF_MS: '200' });
    await stack.stopCatcher();
    await stack.producer.enqueue('email.send', email('ada@example.com', 'retry'));
    // The first attempt fails (connection refused) and the job waits in the delayed set.
    await waitFor(
      async () =>
        (await stack.runtime.metrics.registry.getSingleMetricAsString('pa_jobs_failed_total')) ?? '',
      (text) => /pa_jobs_failed_total\{queue="email.send",final="false"\} [1-9]/.test(text),
    );
    expect((await stack.producer.counts('email.send')).failed).toBe(0);
    await stack.restartCatcher();
    const [mail] = await waitFor(
      () => stack.mailsTo('ada@example.com'),
      (m) => m.length === 1,
      15_000,
    );
    expect(mail?.subject).toBe('Reminder retry');
    await waitFor(
      () => stack.producer.counts('email.send'),
      (c) => c.completed === 1,
    );
  });

  it('puts the job in the failed set after its attempts when the SMTP server stays down', async () => {
    stack = await startWorkerStack(mode, { JOBS_ATTEMPTS: '3', JOBS_BACKOFF_MS: '50' });
    await stack.stopCatcher();
    const { jobId } = await stack.producer.enqueue('email.send', email('ada@example.com', 'gone'));
    await waitFor(
      () => stack.producer.counts('email.send'),
      (c) => c.failed === 1,
      15_000,
    );
    const [failed] = await stack.producer.listFailed('email.send');
    expect(failed).toMatchObject({ jobId, attemptsMade: 3 });
    expect(failed?.failedReason).toMatch(/^MAIL_UNAVAILABLE \(E[A-Z]+\): /);
  });

  it('fails a mail the server refuses for good at once, without retrying it', async () => {
    stack = await startWorkerStack(mode);
    // Over the catcher's 64 KiB limit: 552, a permanent refusal.
    await stack.producer.enqueue(
      'email.send',
      email('ada@example.com', 'huge', { text: 'x'.repeat(100_000) }),
    );
    await waitFor(
      () => stack.producer.counts('email.send'),
      (c) => c.failed === 1,
    );
    const [failed] = await stack.producer.listFailed('email.send');
    expect(failed).toMatchObject({ attemptsMade: 1 });
    expect(failed?.failedReason).toMatch(/^MAIL_REJECTED/);
  });

  it('reports the email queue depth in the metrics', async () => {
    stack = await startWorkerStack(mode);
    for (const k of ['d1', 'd2']) {
      await stack.producer.enqueue('email.send', email('ada@example.com', k), { delayMs: 60_000 });
    }
    const text = await stack.runtime.metrics.registry.metrics();
    expect(text).toContain('pa_jobs_depth{queue="email.send",state="delayed"} 2');
    expect(text).toContain('pa_jobs_depth{queue="email.send",state="active"} 0');
  });

  it('on stop, finishes the mail being sent within the drain bound', async () => {
    let sending = false;
    stack = await startWorkerStack(
      mode,
      {},
      {
        drainTimeoutMs: 5000,
        wrapMail: (mail) => ({
          ...mail,
          async send(m) {
            sending = true;
            await new Promise((r) => setTimeout(r, 700));
            return mail.send(m);
          },
        }),
      },
    );
    await stack.producer.enqueue('email.send', email('ada@example.com', 'drain'));
    await waitFor(
      () => sending,
      (s) => s,
    );
    const started = Date.now();
    expect(await stack.worker.stop()).toEqual({ drained: true });
    expect(Date.now() - started).toBeLessThan(5000);
    // The mail went out before stop returned.
    expect(stack.catcher.messages({ to: 'ada@example.com' })).toHaveLength(1);
  });

  it('on stop, gives up on a stuck send at the drain bound', async () => {
    let sending = false;
    const timers: NodeJS.Timeout[] = [];
    stack = await startWorkerStack(
      mode,
      {},
      {
        drainTimeoutMs: 300,
        wrapMail: (mail) => ({
          ...mail,
          async send(m) {
            sending = true;
            await new Promise((r) => timers.push(setTimeout(r, 10_000)));
            return mail.send(m);
          },
        }),
      },
    );
    await stack.producer.enqueue('email.send', email('ada@example.com', 'stuck'));
    await waitFor(
      () => sending,
      (s) => s,
    );
    const started = Date.now();
    expect(await stack.worker.stop()).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(2000);
    for (const t of timers) clearTimeout(t);
  });
});
