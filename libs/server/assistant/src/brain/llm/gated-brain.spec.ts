import type { AssistantBrain, BrainContext, BrainReply } from '../brain.types';
import { BuiltInBrain } from '../built-in-brain';
import { GatedBrain } from './gated-brain';

// A brain that says who it is: what the gate chose is visible in the reply.
class NamedBrain implements AssistantBrain {
  constructor(readonly name: string) {}
  async reply(): Promise<BrainReply> {
    return { intent: 'greeting', text: this.name, actions: [] };
  }
}

const ctx = (advanced: boolean | undefined): BrainContext => ({
  now: new Date('2026-03-11T13:00:00Z'),
  timeZone: 'Europe/Paris',
  tone: 'gentle',
  maxReplyChars: 160,
  openTasks: [],
  recentlyDone: [],
  upcomingReminders: [],
  lastDeliveredReminder: null,
  pending: null,
  ...(advanced === undefined ? {} : { advanced }),
});

describe('GatedBrain', () => {
  const brain = new GatedBrain({ advanced: new NamedBrain('model'), basic: new BuiltInBrain() });

  it('answers a person with assistant:advanced:own through the model path', async () => {
    expect((await brain.reply('buy milk', ctx(true))).text).toBe('model');
  });

  it('answers everyone else with the built-in brain', async () => {
    for (const advanced of [false, undefined]) {
      const r = await brain.reply('buy milk', ctx(advanced));
      expect(r.intent).toBe('capture');
      expect(r.actions).toEqual([{ type: 'createTasks', titles: ['Buy milk'] }]);
    }
  });
});
