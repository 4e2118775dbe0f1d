import type { PreferencesInfo } from '@pa/web-data-access/account';
import {
  changedPreferences,
  firstPreferencesError,
  formFromPreferences,
  localeLabel,
  preferencesErrorsFrom,
  validatePreferencesForm,
} from './preferencesForm';

const saved: PreferencesInfo = {
  timeZone: 'Europe/Paris',
  locale: 'EN',
  quietHoursStart: '22:00',
  quietHoursEnd: '08:00',
  reminderChannels: ['IN_APP'],
  checkInTime: null,
  assistantTone: 'GENTLE',
  smsReplyLength: 'SHORT',
  updatedAt: '2026-11-02T10:00:00Z',
};

describe('the preferences form', () => {
  it('starts from the saved values in the shared domain spelling, with switches for optional times', () => {
    const form = formFromPreferences(saved);
    expect(form).toMatchObject({
      locale: 'en',
      quietHoursOn: true,
      quietHoursStart: '22:00',
      reminderChannels: ['in_app'],
      checkInOn: false,
      assistantTone: 'gentle',
      smsReplyLength: 'short',
    });
    // A switched-off check-in still offers a sensible time when turned on.
    expect(form.checkInTime).toMatch(/^\d\d:\d\d$/);
  });

  it('sends nothing when nothing changed', () => {
    const form = formFromPreferences(saved);
    expect(changedPreferences(form, form)).toEqual({});
  });

  it('sends only the changed fields, in the API spelling', () => {
    const before = formFromPreferences(saved);
    const after = {
      ...before,
      timeZone: 'Asia/Tokyo',
      assistantTone: 'direct' as const,
      locale: 'fr' as const,
    };
    expect(changedPreferences(after, before)).toEqual({
      timeZone: 'Asia/Tokyo',
      assistantTone: 'DIRECT',
      locale: 'FR',
    });
  });

  it('sends both quiet-hour ends together, and both null to turn them off', () => {
    const before = formFromPreferences(saved);
    expect(changedPreferences({ ...before, quietHoursEnd: '07:15' }, before)).toEqual({
      quietHoursStart: '22:00',
      quietHoursEnd: '07:15',
    });
    expect(changedPreferences({ ...before, quietHoursOn: false }, before)).toEqual({
      quietHoursStart: null,
      quietHoursEnd: null,
    });
  });

  it('turns the check-in on at its time, and off with null', () => {
    const before = formFromPreferences(saved);
    expect(changedPreferences({ ...before, checkInOn: true, checkInTime: '09:30' }, before)).toEqual({
      checkInTime: '09:30',
    });
    const on = { ...before, checkInOn: true, checkInTime: '09:30' };
    expect(changedPreferences({ ...on, checkInOn: false }, on)).toEqual({ checkInTime: null });
  });

  it('sends the channels in upper case when the choice changed', () => {
    const before = formFromPreferences(saved);
    expect(
      changedPreferences({ ...before, reminderChannels: ['in_app', 'email'] }, before).reminderChannels,
    ).toEqual(['IN_APP', 'EMAIL']);
  });

  it('asks for a time when a switched-on time is empty, and for at least one channel', () => {
    const form = { ...formFromPreferences(saved), quietHoursStart: '', reminderChannels: [] };
    const errors = validatePreferencesForm(form);
    expect(errors).toEqual({
      quietHoursStart: expect.stringMatching(/time/),
      reminderChannels: expect.stringMatching(/at least one/),
    });
    expect(firstPreferencesError(errors)).toBe('quietHoursStart');
    // A switched-off time is not checked.
    expect(validatePreferencesForm({ ...form, quietHoursOn: false, reminderChannels: ['sms'] })).toEqual({});
  });

  it("keeps the API's messages for this form's fields only", () => {
    expect(preferencesErrorsFrom({ quietHoursEnd: 'Different, please.', userId: 'x' })).toEqual({
      quietHoursEnd: 'Different, please.',
    });
  });

  it('names each language in itself', () => {
    expect(localeLabel('en')).toBe('English');
    expect(localeLabel('fr')).toBe('Français');
  });
});
