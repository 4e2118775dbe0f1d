import { activityLabel, outcomeLabel } from './activityLabels';

describe('activity labels', () => {
  it('reads known actions as plain phrases', () => {
    expect(activityLabel('login')).toBe('Signed in');
    expect(activityLabel('preferences_update')).toBe('Preferences changed');
  });

  it('still reads an action it does not know', () => {
    expect(activityLabel('number_provision')).toBe('Number provision');
    expect(activityLabel('')).toBe('Something happened');
  });

  it('words every outcome', () => {
    expect([outcomeLabel('SUCCESS'), outcomeLabel('DENIED'), outcomeLabel('FAILURE')]).toEqual([
      'Done',
      'Refused',
      'Did not work',
    ]);
  });
});
