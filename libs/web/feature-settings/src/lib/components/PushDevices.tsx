import { apiErrorOf } from '@pa/web-data-access';
import type { PushSettingsView } from '@pa/web-data-access/reminders';
import { friendlyErrorFrom, relativeTime, StatusNotice, useNow } from '@pa/web-ui';
import { useState } from 'react';

/** "Your devices with notifications": each with when a notification last reached it, Remove; Send a test. */
export function PushDevices({ push }: { push: PushSettingsView }) {
  const now = useNow();
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const devices = push.devices ?? [];

  const run = async (key: string, work: () => Promise<string>) => {
    setBusy(key);
    setProblem(null);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (error) {
      setProblem(friendlyErrorFrom(apiErrorOf(error)).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="settings-block" aria-labelledby="push-devices-title" data-testid="push-devices">
      <h2 id="push-devices-title">Your devices with notifications</h2>
      {push.devices && devices.length === 0 && (
        <p>None yet. Turn notifications on above, on each device you use.</p>
      )}
      {devices.length > 0 && (
        <ul className="session-list">
          {devices.map((device) => (
            <li key={device.id} className="session" data-testid="push-device">
              <div>
                <p className="session-name">{device.deviceName}</p>
                <p className="hint">
                  {device.lastSuccessAt
                    ? `Last reached ${relativeTime(device.lastSuccessAt, now)}`
                    : `Added ${relativeTime(device.createdAt, now)}, not reached yet`}
                  {device.lastFailureAt &&
                    (!device.lastSuccessAt || device.lastFailureAt > device.lastSuccessAt) &&
                    ` · last attempt failed ${relativeTime(device.lastFailureAt, now)}`}
                </p>
              </div>
              <button
                type="button"
                disabled={busy !== null}
                aria-label={`Remove ${device.deviceName}`}
                onClick={() =>
                  void run(device.id, async () => {
                    await push.remove(device.id);
                    return `“${device.deviceName}” will get no more notifications.`;
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {devices.length > 0 && (
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void run('test', async () => {
              const sent = await push.sendTest();
              return sent === 1
                ? 'A test is on its way to 1 device.'
                : `A test is on its way to ${sent} devices.`;
            })
          }
        >
          {busy === 'test' ? 'Sending…' : 'Send a test'}
        </button>
      )}
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      <StatusNotice message={status} testId="push-devices-status" />
    </section>
  );
}
