import { focusSoon } from './focusSoon';

// The test environment has no DOM or frames: elements and the frame clock are stand-ins.
const g = globalThis as { requestAnimationFrame?: (cb: () => void) => number };

function element(visibleAfter: number) {
  let checks = 0;
  return {
    isConnected: true,
    focused: 0,
    selected: 0,
    getClientRects() {
      checks += 1;
      return { length: checks > visibleAfter ? 1 : 0 };
    },
    focus() {
      this.focused += 1;
    },
    select() {
      this.selected += 1;
    },
  };
}

describe('focusSoon', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    g.requestAnimationFrame = () => 0; // no frames: a page in the background
  });
  afterEach(() => {
    jest.useRealTimers();
    delete g.requestAnimationFrame;
  });

  it('focuses at once when the element is already on screen', () => {
    const el = element(0);
    focusSoon(() => el as unknown as HTMLElement);
    expect(el.focused).toBe(1);
  });

  it('waits until a hidden element is rendered, then focuses it once', () => {
    const el = element(3);
    focusSoon(() => el as unknown as HTMLElement);
    expect(el.focused).toBe(0);
    jest.advanceTimersByTime(200);
    expect(el.focused).toBe(1);
  });

  it('selects when asked, and gives up on an element that never shows', () => {
    const el = element(1);
    focusSoon(() => el as unknown as HTMLElement, 'select');
    jest.advanceTimersByTime(50);
    expect([el.selected, el.focused]).toEqual([1, 0]);
    const never = element(1_000);
    focusSoon(() => never as unknown as HTMLElement);
    jest.advanceTimersByTime(5_000);
    expect(never.focused).toBe(0);
  });
});
