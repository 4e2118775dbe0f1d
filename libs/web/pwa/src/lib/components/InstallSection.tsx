import { useId, useSyncExternalStore } from 'react';
import { appInstaller } from '../install';
import { InstallApp } from './InstallApp';

/** Settings' "The app on this device": installing explained, with the button; nothing when there is nothing to offer. */
export function InstallSection() {
  const installer = appInstaller();
  const offer = useSyncExternalStore(installer.offer.subscribe, installer.offer.get);
  const titleId = useId();
  if (offer === 'none') return null;
  return (
    <section className="install-section" aria-labelledby={titleId} data-testid="install-section">
      <h2 id={titleId}>The app on this device</h2>
      <p className="hint">
        Installed, it opens in its own window from your home screen or dock, also without a connection.
      </p>
      <InstallApp />
    </section>
  );
}
