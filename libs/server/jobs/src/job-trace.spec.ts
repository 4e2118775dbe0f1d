import { takeTraceMeta, withTraceMeta } from './job-trace';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context in job data', () => {
  it('stores nothing extra when there is no trace context', () => {
    const payload = { messageId: 'm1' };
    expect(withTraceMeta(payload, undefined)).toBe(payload);
    expect(withTraceMeta(payload, {})).toBe(payload);
    expect(takeTraceMeta(payload)).toEqual({ payload, carrier: undefined });
  });

  it('carries traceparent and tracestate under meta and hands the processor the payload alone', () => {
    const stored = withTraceMeta({ messageId: 'm1' }, { traceparent: TRACEPARENT, tracestate: 'pa=1' });
    expect(stored).toEqual({ messageId: 'm1', meta: { traceparent: TRACEPARENT, tracestate: 'pa=1' } });
    // Through JSON, as the job store keeps it.
    expect(takeTraceMeta(JSON.parse(JSON.stringify(stored)))).toEqual({
      payload: { messageId: 'm1' },
      carrier: { traceparent: TRACEPARENT, tracestate: 'pa=1' },
    });
  });

  it('keeps other job metadata (a correlation id) beside the trace context', () => {
    const stored = withTraceMeta({ messageId: 'm1', meta: { requestId: 'req-12345678' } } as object, {
      traceparent: TRACEPARENT,
    });
    expect(stored).toEqual({
      messageId: 'm1',
      meta: { requestId: 'req-12345678', traceparent: TRACEPARENT },
    });
    expect(takeTraceMeta(stored)).toEqual({
      payload: { messageId: 'm1', meta: { requestId: 'req-12345678' } },
      carrier: { traceparent: TRACEPARENT },
    });
  });

  it('ignores a meta whose traceparent is not a string', () => {
    const data = { messageId: 'm1', meta: { traceparent: 42 } };
    expect(takeTraceMeta(data)).toEqual({ payload: data, carrier: undefined });
  });
});
