import { createStore, type Store } from './store';

/** Chromium's install prompt event (not in TypeScript's DOM library). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What the app can offer: nothing (installed, or the browser cannot), the browser's prompt, or iOS's steps. */
export type InstallOffer = 'none' | 'prompt' | 'ios-steps';

/** The parts of `window` installing depends on (a fake one in tests). */
export type InstallWindow = Pick<Window, 'addEventListener' | 'matchMedia'> & {
  navigator: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { standalone?: boolean };
};

/** iPhone, iPod and iPad (iPadOS says "Macintosh" but has a touch screen): installed by Share → Add to Home Screen. */
export function isIosDevice(userAgent: string, maxTouchPoints: number): boolean {
  return /\b(iPhone|iPad|iPod)\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
}

/** Running as the installed app (its own window), where there is nothing to offer. */
export function isStandalone(win: InstallWindow): boolean {
  return win.matchMedia('(display-mode: standalone)').matches || win.navigator.standalone === true;
}

export interface Installer {
  offer: Store<InstallOffer>;
  /** Shows the browser's install dialog; true when the person installed the app. */
  prompt(): Promise<boolean>;
}

/**
 * Keeps the browser's `beforeinstallprompt` for our own calm button (no mini-infobar popping up), and
 * forgets it once the app is installed. Must start early: the browser fires the event soon after load.
 */
export function createInstaller(win: InstallWindow): Installer {
  const offer = createStore<InstallOffer>('none');
  let deferred: BeforeInstallPromptEvent | null = null;
  if (!isStandalone(win)) {
    if (isIosDevice(win.navigator.userAgent, win.navigator.maxTouchPoints)) offer.set('ios-steps');
    win.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      deferred = event as BeforeInstallPromptEvent;
      offer.set('prompt');
    });
    win.addEventListener('appinstalled', () => {
      deferred = null;
      offer.set('none');
    });
  }
  return {
    offer,
    async prompt() {
      const event = deferred;
      if (!event) return false;
      // A prompt can be shown once; if it is dismissed the browser may offer a new one later.
      deferred = null;
      offer.set('none');
      await event.prompt();
      const { outcome } = await event.userChoice;
      return outcome === 'accepted';
    },
  };
}

let installer: Installer | null = null;

/** Starts listening for the browser's install offer (call once, at start). */
export function listenForInstall(win: Window = window): void {
  installer ??= createInstaller(win);
}

/** The app's installer (listening starts on first use if it had not). */
export function appInstaller(): Installer {
  installer ??= createInstaller(window);
  return installer;
}
