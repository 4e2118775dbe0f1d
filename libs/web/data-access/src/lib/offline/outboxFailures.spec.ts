import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { judgeOutboxFailure } from './outboxFailures';
import type { OutboxItem } from './outboxTypes';

const item = (kind: 'sendMessage' | 'deleteTask' | 'completeTask', attempts = 0): OutboxItem => ({
  seq: 1,
  userId: 'u1',
  clientId: 'client-0001',
  action:
    kind === 'sendMessage'
      ? { kind, conversationId: 'c1', parentId: null, body: 'hi' }
      : { kind, taskId: 't1', title: 'x' },
  queuedAt: '2026-11-25T10:00:00.000Z',
  state: 'sending',
  attempts,
});

const graphqlError = (code: string) =>
  new CombinedGraphQLErrors({ errors: [{ message: `${code} said`, extensions: { code } }] });
const serverError = (statusCode: number) =>
  new ServerError('failed', { response: new Response('', { status: statusCode }), bodyText: '' });

describe('judgeOutboxFailure', () => {
  it('waits and tries again after no answer, a busy server or an expired session', () => {
    for (const error of [
      new TypeError('Failed to fetch'),
      serverError(503),
      serverError(429),
      graphqlError('SERVICE_UNAVAILABLE'),
      graphqlError('UNAUTHENTICATED'),
    ])
      expect(judgeOutboxFailure(error, item('sendMessage')).verdict).toBe('retry');
  });

  it('keeps a refused change as failed with the reason (to retry or discard), never dropping it', () => {
    expect(judgeOutboxFailure(graphqlError('CONVERSATION_ARCHIVED'), item('sendMessage'))).toEqual({
      verdict: 'failed',
      failure: { code: 'CONVERSATION_ARCHIVED', message: 'CONVERSATION_ARCHIVED said' },
    });
    expect(judgeOutboxFailure(graphqlError('TASK_NOT_FOUND'), item('completeTask')).verdict).toBe('failed');
  });

  it('counts deleting a task already gone (an earlier attempt whose answer was lost) as done', () => {
    expect(judgeOutboxFailure(graphqlError('TASK_NOT_FOUND'), item('deleteTask')).verdict).toBe('landed');
  });

  it('tries a server error a few times, then shows it as failed', () => {
    expect(judgeOutboxFailure(graphqlError('INTERNAL_SERVER_ERROR'), item('sendMessage', 0)).verdict).toBe(
      'retry',
    );
    expect(judgeOutboxFailure(graphqlError('INTERNAL_SERVER_ERROR'), item('sendMessage', 4)).verdict).toBe(
      'failed',
    );
  });
});
