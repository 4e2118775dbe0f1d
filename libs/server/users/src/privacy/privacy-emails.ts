import { PRODUCT_NAME } from '@pa/shared-domain';

export interface PrivacyEmail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function mail(subject: string, name: string, lines: string[], link: string, action: string): PrivacyEmail {
  return {
    subject,
    text: `Hi ${name},\n\n${lines.join('\n')}\n\n${action}: ${link}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">
<p>Hi ${escape(name)},</p>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}
<p><a href="${escape(link)}" style="display:inline-block;padding:12px 20px;background:#1d6b57;color:#fff;border-radius:8px;text-decoration:none">${escape(action)}</a></p>
<p style="color:#52606d;font-size:14px">${escape(PRODUCT_NAME)}</p></body></html>`,
  };
}

/** Sent when a person asks to delete their account: when it happens, and how to stop it. */
export function erasureScheduledMessage(name: string, dueAt: Date, link: string): PrivacyEmail {
  const when = dueAt.toUTCString();
  return mail(
    `Your ${PRODUCT_NAME} account will be deleted on ${when}`,
    name,
    [
      `You asked to delete your account. On ${when} it goes, with your conversations, tasks, reminders, phone numbers and settings. This cannot be undone after that date.`,
      'Changed your mind? Sign in before then, or open Settings and choose "Keep my account".',
      'If this was not you, sign in now and change your password.',
    ],
    link,
    'Keep my account',
  );
}

/** Sent when a data export is ready: the link needs a sign-in and expires. */
export function exportReadyMessage(name: string, expiresAt: Date, link: string): PrivacyEmail {
  return mail(
    `Your ${PRODUCT_NAME} data is ready to download`,
    name,
    [
      'The copy of your data you asked for is ready: a ZIP file with a README, JSON of everything we hold about you and CSV of the main tables.',
      `Download it from Settings until ${expiresAt.toUTCString()}. You will need to be signed in.`,
    ],
    link,
    'Open Settings',
  );
}
