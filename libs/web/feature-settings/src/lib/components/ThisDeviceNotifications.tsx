import {
  defaultDeviceName,
  pushPermission,
  PushPermissionError,
  reminderSoundOn,
  setReminderSoundOn,
  type PushPermission,
  type PushSettingsView,
} from '@pa/web-data-access/reminders';
import { PUSH_DEVICE_NAME_MAX } from '@pa/shared-domain/reminders';
import { StatusNotice, TextField } from '@pa/web-ui';
import { useState } from 'react';

const DEVICE_NAME_MAX = PUSH_DEVICE_NAME_MAX;

/** What to do when the browser blocks notifications for the site. */
function BlockedHelp() {
  return (
    <div className="notice" data-testid="push-blocked">
      <p>
        <strong>Your browser blocks notifications for this site.</strong> Only you can allow them again:
      </p>
      <ol>
        <li>Open the site settings (the icon left of the address, or the browser menu → Site settings).</li>
        <li>Set Notifications to Allow.</li>
        <li>Come back here and tap “Turn on notifications”.</li>
      </ol>
      <p className="hint">On an iPhone or iPad: Settings → Notifications → this app.</p>
    </div>
  );
}

/**
 * "Notifications on this device": why first, then permission only after a tap, the device's name, and
 * what to do when blocked or not possible. Also the device-local "Play a sound" switch.
 */
export function ThisDeviceNotifications({ push }: { push: PushSettingsView }) {
  const [permission, setPermission] = useState<PushPermission>(() => pushPermission());
  const [name, setName] = useState(() => defaultDeviceName(navigator.userAgent).slice(0, DEVICE_NAME_MAX));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sound, setSound] = useState(() => reminderSoundOn());
  const onHere = push.thisEndpoint !== null;

  const enable = async () => {
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      const device = await push.enableHere(name.trim() || defaultDeviceName(navigator.userAgent));
      setStatus(`Notifications are on for “${device.deviceName}”.`);
    } catch (error) {
      if (error instanceof PushPermissionError) setStatus(null);
      else
        setProblem(
          `This browser could not turn notifications on (${
            error instanceof Error ? error.message : 'unknown reason'
          }). Try again, or use another browser.`,
        );
    } finally {
      setPermission(pushPermission());
      setBusy(false);
    }
  };

  const disable = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await push.disableHere();
      setStatus('Notifications are off for this device.');
    } catch {
      setProblem('That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-block" aria-labelledby="this-device-title" data-testid="push-this-device">
      <h2 id="this-device-title">Notifications on this device</h2>
      <p>
        So a reminder reaches you even when the app is closed or the phone is locked. Each notification has{' '}
        <strong>Done</strong> and <strong>Snooze 10 min</strong>, and keeps nudging kindly until you answer.
      </p>
      {push.publicKey === null && (
        <p className="notice" data-testid="push-unavailable">
          Notifications are not set up on this server, so they cannot be turned on. Reminders still reach you
          in the app, and by text message or email if you chose those in Preferences.
        </p>
      )}
      {push.publicKey && permission === 'unsupported' && (
        <p className="notice" data-testid="push-unsupported">
          This browser cannot show notifications from the app. On an iPhone or iPad, first add the app to your
          Home Screen (Share → Add to Home Screen) and open it from there.
        </p>
      )}
      {push.publicKey && permission === 'denied' && <BlockedHelp />}
      {push.publicKey && permission !== 'unsupported' && permission !== 'denied' && !onHere && (
        <>
          <TextField
            id="push-device-name"
            label="Name of this device"
            hint="So you can tell your devices apart below."
            value={name}
            maxLength={DEVICE_NAME_MAX}
            onValueChange={setName}
          />
          <p className="hint">Your browser will ask you to allow notifications after you tap the button.</p>
          <button type="button" className="button-primary" disabled={busy} onClick={() => void enable()}>
            {busy ? 'Turning on…' : 'Turn on notifications'}
          </button>
        </>
      )}
      {onHere && (
        <p>
          <span data-testid="push-on-here">Notifications are on for this device.</span>{' '}
          <button type="button" disabled={busy} onClick={() => void disable()}>
            Turn off on this device
          </button>
        </p>
      )}
      {problem && (
        <p className="form-alert" role="alert" data-testid="push-problem">
          {problem}
        </p>
      )}
      <StatusNotice message={status} testId="push-status" />
      <div className="field">
        <label className="check" htmlFor="reminder-sound">
          <input
            id="reminder-sound"
            type="checkbox"
            checked={sound}
            aria-describedby="reminder-sound-hint"
            onChange={(event) => {
              setSound(event.target.checked);
              setReminderSoundOn(event.target.checked);
            }}
          />
          <span>Play a sound when a reminder is due while the app is open</span>
        </label>
        <p className="hint" id="reminder-sound-hint">
          Kept on this device only.
        </p>
      </div>
    </section>
  );
}
