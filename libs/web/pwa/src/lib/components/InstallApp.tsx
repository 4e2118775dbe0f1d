import { useId, useState, useSyncExternalStore } from 'react';
import { appInstaller } from '../install';

/**
 * "Install app" where the browser can install it (its own dialog), or the Add to Home Screen steps on
 * iOS; nothing inside the installed app or where installing is not possible.
 */
export function InstallApp() {
  const installer = appInstaller();
  const offer = useSyncExternalStore(installer.offer.subscribe, installer.offer.get);
  const [stepsShown, setStepsShown] = useState(false);
  const stepsId = useId();

  if (offer === 'prompt') {
    return (
      <button
        type="button"
        className="button-quiet install-app"
        onClick={() => void installer.prompt()}
        data-testid="install-app"
      >
        Install app
      </button>
    );
  }
  if (offer === 'ios-steps') {
    return (
      <div className="install-app">
        <button
          type="button"
          className="button-quiet"
          aria-expanded={stepsShown}
          aria-controls={stepsId}
          onClick={() => setStepsShown((shown) => !shown)}
          data-testid="install-app"
        >
          Install app
        </button>
        <p id={stepsId} className="hint install-steps" hidden={!stepsShown}>
          In Safari, tap the Share button (a square with an arrow), then “Add to Home Screen”.
        </p>
      </div>
    );
  }
  return null;
}
