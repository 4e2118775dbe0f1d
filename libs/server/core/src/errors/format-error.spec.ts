import { GraphQLError } from 'graphql';
import { runWithContext } from '../logging/request-context';
import { AppError, CoreErrorCode, ErrorCategory, coreError, defineErrors } from './app-error';
import { toClientError } from './format-error';

const logger = () => ({ error: jest.fn() });

describe('toClientError', () => {
  it('passes a feature error through with its stable code, category and details', () => {
    enum NoteCode {
      NOTE_TOO_LONG = 'NOTE_TOO_LONG',
    }
    const fail = defineErrors({
      [NoteCode.NOTE_TOO_LONG]: { category: ErrorCategory.BAD_INPUT, message: 'That note is too long.' },
    });
    const log = logger();
    const wrapped = new GraphQLError('x', {
      originalError: fail(NoteCode.NOTE_TOO_LONG, { max: 10 }),
      path: ['addNote'],
    });
    const out = runWithContext({ correlationId: 'cid-1' }, () =>
      toClientError(wrapped, log, { message: 'x', path: ['addNote'] }),
    );
    expect(out).toEqual({
      message: 'That note is too long.',
      path: ['addNote'],
      extensions: {
        code: 'NOTE_TOO_LONG',
        category: 'BAD_INPUT',
        details: { max: 10 },
        correlationId: 'cid-1',
      },
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('hides an unexpected error (SQL, stack) and logs it', () => {
    const log = logger();
    const sqlError = new Error('relation "users" does not exist: SELECT * FROM users WHERE password = $1');
    const out = toClientError(
      new GraphQLError(sqlError.message, { originalError: sqlError, path: ['me'] }),
      log,
    );
    expect(out.message).toBe(coreError(CoreErrorCode.INTERNAL_SERVER_ERROR).message);
    expect(out.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(out)).not.toMatch(/users|SELECT|password|stack/);
    expect(log.error).toHaveBeenCalledWith({ err: sqlError }, 'unexpected error');
  });

  it('keeps GraphQL validation messages, which describe the client input', () => {
    const out = toClientError(
      new GraphQLError('Cannot query field "nope" on type "Query".', {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
      logger(),
    );
    expect(out.message).toContain('nope');
    expect(out.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not trust a BAD_USER_INPUT code on a resolver crash', () => {
    const crash = new TypeError('cannot read properties of undefined (reading "secretKey")');
    const out = toClientError(
      new GraphQLError(crash.message, {
        originalError: crash,
        path: ['x'],
        extensions: { code: 'BAD_USER_INPUT' },
      }),
      logger(),
    );
    expect(out.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(out)).not.toContain('secretKey');
  });

  it('logs unavailable dependencies but shows a calm message', () => {
    const log = logger();
    const out = toClientError(
      coreError(CoreErrorCode.SERVICE_UNAVAILABLE, undefined, {
        cause: new Error('ECONNREFUSED 10.0.0.5:6379'),
      }),
      log,
    );
    expect(out.extensions?.['category']).toBe('UNAVAILABLE');
    expect(out.message).not.toContain('10.0.0.5');
    expect(log.error).toHaveBeenCalled();
  });

  it('finds an AppError through a chain of causes', () => {
    const inner = new AppError('SOME_CODE', ErrorCategory.CONFLICT, 'Already done.');
    const out = toClientError(new Error('outer', { cause: inner }), logger());
    expect(out.extensions?.['code']).toBe('SOME_CODE');
  });
});

describe('dependency outages', () => {
  it('become SERVICE_UNAVAILABLE rather than INTERNAL_SERVER_ERROR', () => {
    const pgTimeout = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    const typeormWrapped = Object.assign(new Error('QueryFailedError'), { driverError: pgTimeout });
    const redisDown = new Error('Connection is closed.');
    for (const err of [typeormWrapped, redisDown]) {
      const out = toClientError(new GraphQLError(err.message, { originalError: err, path: ['x'] }), logger());
      expect(out.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(out.message).not.toMatch(/statement|Connection/);
    }
  });
});
