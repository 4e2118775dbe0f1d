// Privacy limits shared by the settings page and the API that enforces them (docs/privacy.md).

/** Days between asking to delete an account and its erasure; signing in or cancelling stops it. */
export const ERASURE_GRACE_DAYS = 7;

/** How long kept data lives before the worker's retention sweep removes or truncates it, in days. */
export const RETENTION_DAYS = {
  /** Texts from strangers the router refused (kept to spot abuse, then deleted). */
  refusedTexts: 30,
  /** Full IP addresses in the audit log (then truncated to /24 or /48). */
  auditIp: 90,
  /** Used or expired sign-in codes, email links and refresh tokens past their expiry. */
  expiredTokens: 1,
  /** Webhook delivery log entries (they hold no event data, only ids, status and errors). */
  webhookDeliveries: 30,
} as const;

/** Data exports: how long the file can be downloaded, and how often a person may ask for one. */
export const EXPORT_LINK_HOURS = 72;
export const EXPORT_MIN_INTERVAL_HOURS = 24;
