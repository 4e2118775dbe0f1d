import { deliverySummary, type DeliveryInfo } from './deliveries';

const delivery = (patch: Partial<DeliveryInfo>): DeliveryInfo => ({
  channel: 'PUSH',
  step: 0,
  deliveredAt: null,
  failedAt: null,
  acknowledgedAt: null,
  action: null,
  ...patch,
});

describe('delivery summary', () => {
  it('says nothing before anything was sent', () => {
    expect(deliverySummary([])).toBeNull();
  });

  it('lists each step in order, failed ones marked, and the answer with its channel', () => {
    const summary = deliverySummary(
      [
        delivery({ channel: 'SMS', step: 2, failedAt: '2026-12-05T10:17:00Z' }),
        delivery({ step: 0, deliveredAt: '2026-12-05T10:02:00Z' }),
        delivery({
          step: 1,
          deliveredAt: '2026-12-05T10:07:00Z',
          acknowledgedAt: '2026-12-05T10:20:00Z',
          action: 'DONE',
        }),
      ],
      'UTC',
    );
    expect(summary).toBe(
      'Sent by notification 10:02, notification 10:07, text message 10:17 (failed) · Done 10:20 by notification',
    );
  });

  it('follows the person’s time zone', () => {
    expect(deliverySummary([delivery({ deliveredAt: '2026-12-05T10:02:00Z' })], 'Europe/Paris')).toBe(
      'Sent by notification 11:02',
    );
  });
});
