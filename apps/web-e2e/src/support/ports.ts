// The ports of the run (playwright.config.ts): E2E_PORT (default 4310) and the tools beside it.
const base = Number(process.env['E2E_PORT'] ?? 4310);

/** The caught emails of the development mail server. */
export const MAIL_API = `http://127.0.0.1:${base + 2}/api/messages`;
/** The development Twilio sandbox (numbers, texts). */
export const SANDBOX = `http://127.0.0.1:${base + 3}`;
/** The texts the sandbox has sent. */
export const SMS_API = `${SANDBOX}/sandbox/messages`;
