import { apiErrorOf } from '@pa/web-data-access';
import { usePushSettings } from '@pa/web-data-access/reminders';
import { friendlyErrorFrom, usePageHeading } from '@pa/web-ui';
import { EscalationLadder } from '../components/EscalationLadder';
import { PushDevices } from '../components/PushDevices';
import { ThisDeviceNotifications } from '../components/ThisDeviceNotifications';

/** Notifications: this device's Web Push, the devices that get them, the sound, and the escalation ladder. */
export function NotificationsPage() {
  const heading = usePageHeading();
  const push = usePushSettings();
  return (
    <section className="panel" aria-labelledby="notifications-title" data-testid="notifications-page">
      <h1 id="notifications-title" ref={heading} tabIndex={-1}>
        Notifications
      </h1>
      <p className="lead">How reminders reach you, and how they keep at it until you answer.</p>
      {push.error && push.publicKey === undefined && (
        <div className="notice" role="alert">
          <p>{friendlyErrorFrom(apiErrorOf(push.error)).message}</p>
          <button type="button" onClick={push.refetch}>
            Try again
          </button>
        </div>
      )}
      {push.publicKey === undefined && push.loading && <p role="status">Loading…</p>}
      {push.publicKey !== undefined && (
        <>
          <ThisDeviceNotifications push={push} />
          <PushDevices push={push} />
        </>
      )}
      <EscalationLadder />
    </section>
  );
}
