// The reminder sound: two soft notes made with Web Audio (nothing to download), loaded only when a
// reminder rings. Browsers may keep audio muted until the person has touched the page: then it is silent.

let context: AudioContext | null = null;

/** Plays the chime once; resolves when it is scheduled (or quietly when audio is not allowed). */
export async function playChime(): Promise<void> {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  context ??= new Context();
  if (context.state === 'suspended') await context.resume().catch(() => undefined);
  const start = context.currentTime + 0.02;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick rise and a gentle fade: no click, not harsh.
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.4);
  }
}
