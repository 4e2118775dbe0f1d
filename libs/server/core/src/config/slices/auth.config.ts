import { z } from 'zod';
import { bool, int, slice } from '../schema';

/** Accounts, tokens, sessions, MFA and rate limits (libs/server/auth). */
export const authConfig = slice({
  JWT_SECRET: {
    schema: z
      .string()
      .min(32, 'use at least 32 characters')
      .default('dev-only-jwt-secret-do-not-use-in-production-0123456789'),
    doc: 'HMAC key (HS256) that signs access tokens. Development default; must be set in production.',
    secret: true,
  },
  JWT_ISSUER: {
    schema: z.string().min(1).default('personal-assistant-tdah'),
    doc: 'Access tokens `iss`.',
  },
  JWT_AUDIENCE: { schema: z.string().min(1).default('pa-clients'), doc: 'Access tokens `aud`.' },
  ACCESS_TOKEN_TTL_SECONDS: {
    schema: int(60, 3600).default(900),
    doc: 'Access token lifetime (15 min).',
  },
  REFRESH_REUSE_GRACE_SECONDS: {
    schema: int(0, 120).default(10),
    doc: 'A rotated refresh token presented again within this time gets the same successor (a client that lost the answer); later, it revokes the whole family and its session.',
  },
  SESSION_ABSOLUTE_TTL_SECONDS: {
    schema: int(300, 30 * 86400).default(86_400),
    doc: 'A session (and its refresh tokens) ends this long after sign-in, whatever happens (24 h).',
  },
  SESSION_IDLE_TIMEOUT_SECONDS: {
    schema: int(60, 30 * 86400).default(7200),
    doc: 'A session unused for this long ends (2 h).',
  },
  SESSION_MAX_PER_USER: {
    schema: int(1, 100).default(5),
    doc: 'Concurrent sessions per user; signing in once more ends the oldest.',
  },
  SESSION_PENDING_MAX_PER_USER: {
    schema: int(1, 100).default(3),
    doc: 'Sign-ins waiting for their second factor, per user, counted apart from full sessions (which they never end); one more ends the oldest pending one.',
  },
  INITIAL_ADMIN_EMAIL: {
    schema: z.string().trim().toLowerCase().email().max(254).optional(),
    doc: 'The account with this email becomes an administrator once its address is verified (the first administrator of a new installation; later ones are appointed in the admin area or with `npm run db -- set-role`).',
  },
  REAUTH_WINDOW_SECONDS: {
    schema: int(30, 86_400).default(300),
    doc: 'Sensitive changes (password, email, phone, MFA) need a sign-in or second factor this recent.',
  },
  COOKIE_SECURE: {
    schema: bool.default(true),
    doc: 'Mark the refresh-token cookie Secure (browsers accept it on http://localhost too).',
  },
  MFA_ENCRYPTION_KEY: {
    schema: z
      .string()
      .refine((v) => /^[A-Za-z0-9+/]{43}=?$/.test(v) && Buffer.from(v, 'base64').length === 32, {
        message: 'expected 32 random bytes in base64 (`openssl rand -base64 32`)',
      })
      // Public development key ("pa-development-mfa-key-NOT-PROD!"): production must set its own.
      .default('cGEtZGV2ZWxvcG1lbnQtbWZhLWtleS1OT1QtUFJPRCE='),
    doc: 'AES-256-GCM key (32 bytes, base64) that encrypts TOTP secrets at rest and keys the backup-code hashes. Development default; must be set in production.',
    secret: true,
  },
  RATE_LIMIT_REGISTER_PER_HOUR: {
    schema: int(1, 10_000).default(5),
    doc: 'Sign-ups allowed per IP address per hour (raise it for a shared network or an end-to-end test run).',
  },
  RATE_LIMIT_TOKEN_PER_MINUTE: {
    schema: int(1, 100_000).default(600),
    doc: 'Requests (HTTP requests, WebSocket connections and operations) one personal access token may make per minute; past it, RATE_LIMITED with a retry delay.',
  },
  RATE_LIMIT_REDIS_TIMEOUT_MS: {
    schema: int(20, 10_000).default(250),
    doc: 'A rate-limit check that Redis does not answer within this time falls back to per-process in-memory limits (never fails open, never hangs a sign-in).',
  },
});
