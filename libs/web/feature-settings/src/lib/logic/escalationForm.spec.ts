import {
  describeLadder,
  ladderForm,
  ladderInput,
  LADDER_MAX_MINUTES,
  nextLadderStep,
  validateLadder,
} from './escalationForm';

describe('escalation ladder form', () => {
  it('accepts growing whole minutes and turns them into the API input', () => {
    const steps = ladderForm([
      { afterMinutes: 1, channel: 'IN_APP' },
      { afterMinutes: 5, channel: 'PUSH' },
      { afterMinutes: 15, channel: 'SMS' },
    ]);
    expect(validateLadder(steps)).toEqual({});
    expect(ladderInput(steps)).toEqual([
      { afterMinutes: 1, channel: 'IN_APP' },
      { afterMinutes: 5, channel: 'PUSH' },
      { afterMinutes: 15, channel: 'SMS' },
    ]);
  });

  it('names the bad step: not a number, out of range, or not later than the one before', () => {
    expect(
      validateLadder([
        { afterMinutes: '5', channel: 'PUSH' },
        { afterMinutes: '5', channel: 'SMS' },
        { afterMinutes: 'soon', channel: 'SMS' },
        { afterMinutes: String(LADDER_MAX_MINUTES + 1), channel: 'PUSH' },
        { afterMinutes: '2.5', channel: 'PUSH' },
      ]),
    ).toEqual({
      1: 'Each step comes later than the one before.',
      2: 'Give a whole number of minutes.',
      3: 'Between 1 and 240 minutes.',
      4: 'Give a whole number of minutes.',
    });
    expect(validateLadder([{ afterMinutes: '0', channel: 'PUSH' }])).toEqual({
      0: 'Between 1 and 240 minutes.',
    });
  });

  it('adds a step ten minutes after the last one', () => {
    expect(nextLadderStep([])).toEqual({ afterMinutes: '5', channel: 'PUSH' });
    expect(nextLadderStep([{ afterMinutes: '15', channel: 'SMS' }])).toEqual({
      afterMinutes: '25',
      channel: 'PUSH',
    });
  });

  it('says the ladder in words', () => {
    expect(describeLadder([])).toBe('One nudge when the reminder is due, then nothing more.');
    expect(
      describeLadder([
        { afterMinutes: 5, channel: 'PUSH' },
        { afterMinutes: 15, channel: 'SMS' },
      ]),
    ).toBe(
      'When it is due, then if still unanswered: a notification after 5 min, then a text message after 15 min. Then it stops.',
    );
  });
});
