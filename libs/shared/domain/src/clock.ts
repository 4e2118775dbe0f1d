// One way to write a clock time, for the assistant's replies and the web pages alike, so a reply that
// says "18:29" never sits next to a page that says "06:29 PM".

/** People in the Americas read "5pm"; elsewhere "17:00" (the zone says where the person lives). */
export function usesTwelveHourClock(timeZone: string | undefined): boolean {
  return /^(America|US|Canada)\//.test(timeZone ?? '');
}

/** A local clock time as the person reads it: "17:00", or "5pm" / "5:30pm" in the Americas. */
export function clockLabel(hour: number, minute: number, timeZone: string | undefined): string {
  const mm = String(minute).padStart(2, '0');
  if (!usesTwelveHourClock(timeZone)) return `${String(hour).padStart(2, '0')}:${mm}`;
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${mm}${suffix}`;
}
