import { useSyncExternalStore } from 'react';
import { updates } from '../serviceWorker';

/**
 * "A new version is ready — Reload": announced politely (a status region that is always there), never
 * applied without a click, and "Not now" puts it away until the next start.
 */
export function UpdatePrompt() {
  const status = useSyncExternalStore(updates.status.subscribe, updates.status.get);
  return (
    <div role="status" className="update-prompt-region">
      {status !== 'current' && (
        <div className="banner update-prompt" data-testid="update-prompt">
          <p>A new version of the app is ready.</p>
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={updates.apply}
              disabled={status === 'reloading'}
            >
              {status === 'reloading' ? 'Reloading…' : 'Reload'}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={updates.dismiss}
              disabled={status === 'reloading'}
            >
              Not now
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
