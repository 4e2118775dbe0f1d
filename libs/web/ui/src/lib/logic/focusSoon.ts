/**
 * Moves focus (or selects the text of) an element once it is on screen, e.g. an alert that just
 * received its text. State set just before the call is committed by React in a task of its own, and
 * an element that is still hidden (`display: none`) cannot take focus: so this tries on each frame and
 * short timer until the element is attached and rendered (bounded to about half a second). A page in
 * the background gets no animation frames, hence the timers.
 */
export function focusSoon(
  target: () => HTMLElement | null | undefined,
  how: 'focus' | 'select' = 'focus',
): void {
  let tries = 0;
  let done = false;
  const attempt = () => {
    if (done) return;
    const el = target();
    if (el?.isConnected && el.getClientRects().length > 0) {
      done = true;
      if (how === 'select' && 'select' in el && typeof el.select === 'function')
        (el as HTMLInputElement).select();
      else el.focus();
      return;
    }
    tries += 1;
    if (tries > 30) return;
    requestAnimationFrame(attempt);
    setTimeout(attempt, 16);
  };
  attempt();
}
