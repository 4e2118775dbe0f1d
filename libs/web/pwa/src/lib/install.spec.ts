import { createInstaller, isIosDevice, type InstallWindow } from './install';

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const SAFARI_IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

function fakeWindow({ userAgent = CHROME_ANDROID, maxTouchPoints = 5, standalone = false } = {}) {
  const target = new EventTarget();
  const win: InstallWindow = {
    addEventListener: target.addEventListener.bind(target) as InstallWindow['addEventListener'],
    matchMedia: (query: string) =>
      ({ matches: standalone && query.includes('standalone') }) as MediaQueryList,
    navigator: { userAgent, maxTouchPoints },
  };
  return { win, target };
}

function installPromptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  const prompt = jest.fn(async () => undefined);
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome }) });
  return { event, prompt };
}

describe('installing the app', () => {
  it('recognises iPhones and iPads (also iPadOS asking for desktop pages), not Android or a Mac', () => {
    expect(isIosDevice(SAFARI_IPHONE, 5)).toBe(true);
    expect(isIosDevice(SAFARI_IPAD_DESKTOP_MODE, 5)).toBe(true);
    expect(isIosDevice(SAFARI_IPAD_DESKTOP_MODE, 0)).toBe(false);
    expect(isIosDevice(CHROME_ANDROID, 5)).toBe(false);
  });

  it('offers nothing until the browser says the app can be installed, then its prompt, once', async () => {
    const { win, target } = fakeWindow();
    const installer = createInstaller(win);
    expect(installer.offer.get()).toBe('none');
    expect(await installer.prompt()).toBe(false);

    const { event, prompt } = installPromptEvent('accepted');
    target.dispatchEvent(event);
    // Kept for our button instead of the browser's own banner.
    expect(event.defaultPrevented).toBe(true);
    expect(installer.offer.get()).toBe('prompt');

    expect(await installer.prompt()).toBe(true);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(installer.offer.get()).toBe('none');
    expect(await installer.prompt()).toBe(false);
  });

  it('hides the offer once the app is installed by other means (the browser menu)', () => {
    const { win, target } = fakeWindow();
    const installer = createInstaller(win);
    target.dispatchEvent(installPromptEvent('dismissed').event);
    target.dispatchEvent(new Event('appinstalled'));
    expect(installer.offer.get()).toBe('none');
  });

  it('shows the Add to Home Screen steps on iOS, and nothing inside the installed app', () => {
    expect(createInstaller(fakeWindow({ userAgent: SAFARI_IPHONE }).win).offer.get()).toBe('ios-steps');
    const installed = fakeWindow({ userAgent: SAFARI_IPHONE, standalone: true });
    expect(createInstaller(installed.win).offer.get()).toBe('none');
    const { win, target } = fakeWindow({ standalone: true });
    const installer = createInstaller(win);
    target.dispatchEvent(installPromptEvent('accepted').event);
    expect(installer.offer.get()).toBe('none');
  });
});
