import { eventIdOf } from './webhook-keys';
import {
  messageEvents,
  reminderAcknowledgedEvent,
  reminderFiredEvent,
  taskCompletedEvents,
} from './webhook-events';

const at = new Date('2026-12-06T07:00:00.000Z');
const message = {
  id: 'm1',
  conversationId: 'c1',
  userId: 'u1',
  author: 'user',
  body: 'hello',
  parentId: null,
  clientId: 'web-1',
  createdAt: at,
};

describe('webhook events from the product’s hooks', () => {
  it('makes a message.received of every new message, and an sms.received too for a text', () => {
    expect(messageEvents(message).map((e) => e.type)).toEqual(['message.received']);
    const text = messageEvents({ ...message, clientId: 'sms-SM0123' });
    expect(text.map((e) => e.type)).toEqual(['message.received', 'sms.received']);
    expect(text[1]?.data).toEqual(expect.objectContaining({ messageSid: 'SM0123', body: 'hello' }));
    // The assistant's message in an SMS conversation is not a text received.
    expect(messageEvents({ ...message, author: 'assistant', clientId: 'sms-x' })).toHaveLength(1);
  });

  it('keys events by what happened: the same firing twice is one event, another firing is another', () => {
    const reminder = { id: 'r1', userId: 'u1', text: 'pills', kind: 'reminder' };
    const a = reminderFiredEvent(reminder, at, 'm1');
    const b = reminderFiredEvent(reminder, at, 'm1');
    const later = reminderFiredEvent(reminder, new Date(at.getTime() + 86_400_000), 'm2');
    expect(eventIdOf(`${a.type}:${a.key}`)).toBe(eventIdOf(`${b.type}:${b.key}`));
    expect(a.key).not.toBe(later.key);
    const ack = reminderAcknowledgedEvent(reminder, 'done', at);
    // Fired and acknowledged share the occurrence but are different events.
    expect(eventIdOf(`${ack.type}:${ack.key}`)).not.toBe(eventIdOf(`${a.type}:${a.key}`));
  });

  it('makes one task.completed per task, a completion after a reopen being a new one', () => {
    const done = taskCompletedEvents('u1', [
      { id: 't1', title: 'a', parentId: null, doneAt: at },
      { id: 't2', title: 'b', parentId: 't1', doneAt: at },
    ]);
    expect(done.map((e) => e.data['taskId'])).toEqual(['t1', 't2']);
    const again = taskCompletedEvents('u1', [
      { id: 't1', title: 'a', parentId: null, doneAt: new Date(at.getTime() + 1) },
    ]);
    expect(again[0]?.key).not.toBe(done[0]?.key);
  });

  it('makes event ids that are safe as job ids and as a header', () => {
    expect(eventIdOf('anything: at all / ✓')).toMatch(/^evt_[A-Za-z0-9_-]{32}$/);
  });
});
