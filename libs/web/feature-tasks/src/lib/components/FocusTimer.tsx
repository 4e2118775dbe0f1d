import { clockTime } from '@pa/web-ui';
import { useEffect, useState } from 'react';
import { focusLeft, loadFocus, saveFocus, type FocusRun } from '../logic/focus';
import { FocusRing } from './FocusRing';

const CHOICES = [10, 25] as const;

interface FocusTimerProps {
  timeZone?: string;
  /** Adds the reminder that rings at the end (the usual alert path); null or a throw: this device only. */
  remind(text: string, dueAt: string): Promise<string | null>;
  cancel(id: string): Promise<void>;
}

/** A focus timer on screen: 10 or 25 minutes, a ring that shrinks as the time goes, and words for it. */
export function FocusTimer({ timeZone, remind, cancel }: FocusTimerProps) {
  const [run, setRun] = useState<FocusRun | null>(() => loadFocus(globalThis.localStorage));
  const [now, setNow] = useState(() => Date.now());
  const left = run ? focusLeft(run, now) : null;
  const over = left?.over ?? false;
  useEffect(() => {
    if (!run || over) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [run, over]);
  useEffect(() => {
    if (over) void import('../logic/chime').then((c) => c.playChime()).catch(() => undefined);
  }, [over]);

  const keep = (next: FocusRun | null) => {
    saveFocus(globalThis.localStorage, next);
    setRun(next);
    setNow(Date.now());
  };
  const start = async (minutes: number) => {
    const endsAt = Date.now() + minutes * 60_000;
    keep({ endsAt, minutes, reminderId: null });
    const reminderId = await remind('Focus time is over', new Date(endsAt).toISOString()).catch(() => null);
    if (reminderId) keep({ endsAt, minutes, reminderId });
  };
  const stop = () => {
    if (run?.reminderId && !over) void cancel(run.reminderId).catch(() => undefined);
    keep(null);
  };

  return (
    <section className="today-section focus-timer" aria-labelledby="focus-title" data-testid="focus-timer">
      <h2 id="focus-title">Focus</h2>
      {!run || !left ? (
        <div className="focus-choices">
          {CHOICES.map((minutes) => (
            <button key={minutes} type="button" onClick={() => void start(minutes)}>
              Focus {minutes} min
            </button>
          ))}
        </div>
      ) : (
        <div className="focus-running" data-over={over || undefined}>
          <FocusRing fraction={left.fraction} />
          <div>
            <p className="focus-left" role={over ? 'status' : 'timer'} data-testid="focus-left">
              {over ? 'Time is up. Take a short break.' : left.words}
            </p>
            <p className="hint">
              {run.minutes} minutes, until {clockTime(run.endsAt, timeZone)}
            </p>
            <button type="button" onClick={stop}>
              {over ? 'Done' : 'Stop'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
