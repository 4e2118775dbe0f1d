import {
  ERASURE_GRACE_DAYS,
  EXPORT_LINK_HOURS,
  RETENTION_DAYS,
  SMS_WITHDRAWAL_EFFECT,
  type DomainConsentKind as ConsentKind,
} from '@pa/web-data-access';

/** One document as the app shows it: short sections in plain words. */
export interface LegalText {
  summary: string;
  sections: { heading: string; paragraphs: string[] }[];
}

// The texts of each version. When one changes in substance, bump its version in
// libs/shared/domain/src/consent.ts: everyone is asked to accept it again at their next visit.
export const LEGAL_TEXTS: Readonly<Record<ConsentKind, LegalText>> = {
  terms: {
    summary: 'What the assistant does for you, what it does not, and how we both behave.',
    sections: [
      {
        heading: 'The service',
        paragraphs: [
          'Personal Assistant TDAH helps you keep track of tasks, reminders and check-ins, in the app and, if you want, by text message. It is a helper, not a medical service: it does not diagnose or treat anything.',
          'The free plan shows the last 90 days of conversation history; premium shows all of it. Older history is hidden, never deleted, and is always in your data export.',
        ],
      },
      {
        heading: 'Your account',
        paragraphs: [
          'Keep your password to yourself. You can sign out other devices, add a second sign-in step, download your data and delete your account at any time in Settings.',
          `Deleting your account takes effect after ${ERASURE_GRACE_DAYS} days; signing in before then keeps it.`,
        ],
      },
      {
        heading: 'Fair use',
        paragraphs: [
          'Do not use the assistant or your number to harass anyone, send spam or break the law. We may suspend an account that does.',
        ],
      },
    ],
  },
  privacy: {
    summary: 'What we keep about you, why, for how long, and what you can do about it.',
    sections: [
      {
        heading: 'What we keep',
        paragraphs: [
          'Your account (email, name, time zone), your preferences, your conversations, tasks and reminders, your phone number if you add one, the devices you sign in from, and a log of sign-ins and account changes.',
        ],
      },
      {
        heading: 'How long',
        paragraphs: [
          `Texts from strangers to your number: ${RETENTION_DAYS.refusedTexts} days. Full network addresses in the activity log: ${RETENTION_DAYS.auditIp} days, then shortened. Used sign-in codes and links: ${RETENTION_DAYS.expiredTokens} day. Everything else: as long as you keep your account.`,
        ],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          `Download a copy of everything (Settings → Your data; the link works for ${EXPORT_LINK_HOURS} hours), correct your profile, withdraw your consent to texts, or delete your account. We never sell your data.`,
        ],
      },
    ],
  },
  sms: {
    summary: 'Texts from the assistant: reminders, check-ins and answers to your texts.',
    sections: [
      {
        heading: 'What you agree to',
        paragraphs: [
          'The assistant may text your verified phone from your own number: reminders and check-ins you chose, and answers to the texts you send it. Standard carrier rates may apply.',
        ],
      },
      {
        heading: 'Stopping',
        paragraphs: [
          `Turn texts off in Settings → Your data at any time. ${SMS_WITHDRAWAL_EFFECT}`,
          'Texting STOP to your number also blocks texts from that number at the carrier; START undoes it.',
        ],
      },
    ],
  },
};
