import { changedDay, dayFormErrors, formFromDay } from './dayForm';

const saved = formFromDay({
  dayStart: '09:00',
  lunch: '12:30',
  workEnd: '18:00',
  evening: '19:00',
  appointmentLeadMinutes: 60,
});

describe('the day form', () => {
  it('starts from the saved values and sends only what changed', () => {
    expect(saved).toEqual({
      dayStart: '09:00',
      lunch: '12:30',
      workEnd: '18:00',
      evening: '19:00',
      appointmentLeadMinutes: '60',
    });
    expect(changedDay(saved, saved)).toEqual({});
    expect(changedDay({ ...saved, dayStart: '07:30', appointmentLeadMinutes: ' 45 ' }, saved)).toEqual({
      dayStart: '07:30',
      appointmentLeadMinutes: 45,
    });
  });

  it('names each field that cannot be sent as typed', () => {
    expect(dayFormErrors(saved)).toEqual({});
    expect(dayFormErrors({ ...saved, lunch: '', evening: '25:00', appointmentLeadMinutes: '-5' })).toEqual({
      lunch: 'Enter a time, like 09:00.',
      evening: 'Enter a time, like 09:00.',
      appointmentLeadMinutes: 'Enter 0 to 1440 minutes.',
    });
    expect(dayFormErrors({ ...saved, appointmentLeadMinutes: '2000' })).toHaveProperty(
      'appointmentLeadMinutes',
    );
  });
});
