const RADIUS = 40;
const LENGTH = 2 * Math.PI * RADIUS;

/** The time left as a ring that shrinks (a full ring at the start, nothing at the end). Decorative. */
export function FocusRing({ fraction }: { fraction: number }) {
  return (
    <svg
      className="focus-ring"
      viewBox="0 0 100 100"
      width="96"
      height="96"
      aria-hidden="true"
      data-testid="focus-ring"
      data-fraction={fraction.toFixed(3)}
    >
      <circle className="focus-ring-track" cx="50" cy="50" r={RADIUS} />
      <circle
        className="focus-ring-left"
        cx="50"
        cy="50"
        r={RADIUS}
        strokeDasharray={LENGTH}
        strokeDashoffset={LENGTH * (1 - fraction)}
        transform="rotate(-90 50 50)"
      />
    </svg>
  );
}
