import { createStore, type Store } from './store';

/** Whether a new version of the app waits: nothing to say, ready (the prompt shows), or reloading into it. */
export type UpdateStatus = 'current' | 'ready' | 'reloading';

/** The update prompt's logic, apart from the service worker API (unit-tested). */
export interface UpdateController {
  status: Store<UpdateStatus>;
  /** A new version has installed and waits; `activate` lets it take over. */
  waiting(activate: () => void): void;
  /** A new service worker took control of this page. */
  controllerChanged(): void;
  /** The person chose to reload into the new version. */
  apply(): void;
  /** The person chose "not now": the prompt comes back at the next start (the version still waits). */
  dismiss(): void;
}

/**
 * Never a silent reload: the page reloads only after the person asked for it and the new version
 * controls the page. A new version that another tab activated is announced here too (this page still
 * runs the old code), and reloading is again the person's choice.
 */
export function createUpdateController(reload: () => void): UpdateController {
  const status = createStore<UpdateStatus>('current');
  let activate: (() => void) | null = null;
  let asked = false;
  return {
    status,
    waiting(next) {
      activate = next;
      if (!asked) status.set('ready');
    },
    controllerChanged() {
      if (asked) {
        reload();
        return;
      }
      activate = null;
      status.set('ready');
    },
    apply() {
      if (status.get() !== 'ready') return;
      asked = true;
      status.set('reloading');
      // The waiting version takes over, then controllerChanged reloads; already in control: reload now.
      if (activate) activate();
      else reload();
    },
    dismiss() {
      if (status.get() === 'ready') status.set('current');
    },
  };
}
