import { useCallback, useState, type ReactNode } from 'react';
import { ReauthDialog } from '../components/ReauthDialog';
import { withReauth } from '../logic/withReauth';

export interface ReauthView {
  /** Runs a sensitive action, asking for the password first if the API wants it (rejects with ReauthCancelled). */
  run<T>(action: () => Promise<T>): Promise<T>;
  /** The password prompt while it is open; render it once on the page. */
  prompt: ReactNode;
}

/** The re-authentication prompt for a page of sensitive settings. */
export function useReauth(reauthenticate: (password: string) => Promise<void>): ReauthView {
  const [pending, setPending] = useState<((confirmed: boolean) => void) | null>(null);

  const confirm = useCallback(() => new Promise<boolean>((resolve) => setPending(() => resolve)), []);
  const run = useCallback(<T,>(action: () => Promise<T>) => withReauth(action, confirm), [confirm]);

  const prompt = pending ? (
    <ReauthDialog
      reauthenticate={reauthenticate}
      onDone={(confirmed) => {
        setPending(null);
        pending(confirmed);
      }}
    />
  ) : null;
  return { run, prompt };
}
