import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ReauthCancelled, withReauth } from './withReauth';

const apiError = (code: string) =>
  new CombinedGraphQLErrors({ errors: [{ message: code, extensions: { code } }] });

describe('withReauth', () => {
  it('runs the action once when no password is needed', async () => {
    const action = jest.fn(async () => 'done');
    const confirm = jest.fn(async () => true);
    await expect(withReauth(action, confirm)).resolves.toBe('done');
    expect(action).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks for the password on REAUTHENTICATION_REQUIRED, then retries once', async () => {
    const action = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(apiError('REAUTHENTICATION_REQUIRED'))
      .mockResolvedValueOnce('done');
    const confirm = jest.fn(async () => true);
    await expect(withReauth(action, confirm)).resolves.toBe('done');
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('stops quietly when the prompt is cancelled', async () => {
    const action = jest.fn(async () => {
      throw apiError('REAUTHENTICATION_REQUIRED');
    });
    await expect(withReauth(action, async () => false)).rejects.toBeInstanceOf(ReauthCancelled);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('passes any other error through without asking', async () => {
    const confirm = jest.fn(async () => true);
    const failing = async () => {
      throw apiError('MFA_CODE_INVALID');
    };
    await expect(withReauth(failing, confirm)).rejects.toBeInstanceOf(CombinedGraphQLErrors);
    expect(confirm).not.toHaveBeenCalled();
  });
});
