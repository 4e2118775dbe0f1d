import { useAuth, useOffline } from '@pa/web-data-access';

/**
 * A calm line while offline (the browser says so, or the API did not answer): what the person does
 * meanwhile is kept on this device and sent when the connection is back. Always rendered, so the
 * status region exists before its text changes.
 */
export function OfflineBanner() {
  const offline = useOffline();
  const { status } = useAuth();
  const signedIn = status === 'signedIn';
  return (
    <div className="offline-banner" role="status" data-offline={offline} data-testid="offline-banner">
      {offline && (
        <p>
          <strong>You’re offline</strong> —{' '}
          {signedIn ? 'your changes will be sent when you’re back.' : 'you can sign in when you’re back.'}
        </p>
      )}
    </div>
  );
}
