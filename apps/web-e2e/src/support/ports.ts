// The development tools' ports, moved together with the app's by E2E_PORT_BASE (playwright.config.ts).
const base = Number(process.env['E2E_PORT_BASE'] ?? 4310);

/** The development mail box's HTTP API. */
export const MAIL_API = `http://127.0.0.1:${base + 2}/api/messages`;
/** The Twilio sandbox (numbers, texts). */
export const SANDBOX = `http://127.0.0.1:${base + 3}`;
/** The texts the sandbox has sent. */
export const SMS_API = `${SANDBOX}/sandbox/messages`;
