import { MESSAGE_BODY_MAX } from '@pa/shared-domain/conversations';
import { sendFailureText } from './chatErrors';

describe('sendFailureText', () => {
  it('explains each failure calmly, with the shared limits', () => {
    expect(sendFailureText({ code: 'NETWORK_ERROR', message: '' })).toMatch(/^Not sent/);
    expect(sendFailureText({ code: 'INVALID_MESSAGE', message: '' })).toContain(String(MESSAGE_BODY_MAX));
    expect(sendFailureText({ code: 'CONVERSATION_ARCHIVED', message: '' })).toMatch(/archived/);
  });

  it('falls back to the API’s own sentence for codes it does not know', () => {
    expect(sendFailureText({ code: 'SOMETHING_NEW', message: 'A new reason.' })).toBe('A new reason.');
  });
});
