import { PRODUCT_NAME } from '@pa/shared-domain';

export interface AuthEmail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(greeting: string, lines: string[], link: string, action: string): AuthEmail['html'] {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">
<p>${escape(greeting)}</p>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}
<p><a href="${escape(link)}" style="display:inline-block;padding:12px 20px;background:#1d6b57;color:#fff;border-radius:8px;text-decoration:none">${escape(action)}</a></p>
<p style="color:#52606d;font-size:14px">${escape(PRODUCT_NAME)}</p></body></html>`;
}

/** The address-confirmation mail: short, kind, one clear button. */
export function verifyEmailMessage(name: string, link: string): AuthEmail {
  const lines = [
    'Please confirm this is your email address. It takes one tap.',
    'The link works for 24 hours.',
  ];
  return {
    subject: `Confirm your email for ${PRODUCT_NAME}`,
    text: `Hi ${name},\n\n${lines.join('\n')}\n\n${link}\n\nIf you did not sign up, you can ignore this email.\n`,
    html: layout(
      `Hi ${name},`,
      [...lines, 'If you did not sign up, you can ignore this email.'],
      link,
      'Confirm my email',
    ),
  };
}

/** The password-reset mail. */
export function resetPasswordMessage(name: string, link: string): AuthEmail {
  const lines = [
    'Someone (hopefully you) asked to reset your password.',
    'The link works for 1 hour and only once. Signing in with the new password signs you out everywhere else.',
  ];
  return {
    subject: `Reset your ${PRODUCT_NAME} password`,
    text: `Hi ${name},\n\n${lines.join('\n')}\n\n${link}\n\nIf this was not you, ignore this email: your password stays the same.\n`,
    html: layout(
      `Hi ${name},`,
      [...lines, 'If this was not you, ignore this email: your password stays the same.'],
      link,
      'Choose a new password',
    ),
  };
}
