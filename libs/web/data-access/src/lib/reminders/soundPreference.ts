// "Play a sound" for reminders that fire while the app is open: a choice of this device (a phone on
// the desk may ring, a laptop in a meeting not), kept in localStorage. On unless turned off.

const KEY = 'pa.reminderSound';

/** Whether this device plays the reminder sound. */
export function reminderSoundOn(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): boolean {
  try {
    return storage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Turns the reminder sound on or off on this device. */
export function setReminderSoundOn(
  on: boolean,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice lasts this page only.
  }
}
