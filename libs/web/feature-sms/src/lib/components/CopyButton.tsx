import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so (politely, in a live region), or what to do instead. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    if (!said) return undefined;
    const timer = setTimeout(() => setSaid(null), 4000);
    return () => clearTimeout(timer);
  }, [said]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      // No clipboard (an old browser, or permission refused): the number stays selectable.
      setSaid('Copying did not work here: select the number and copy it.');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button-quiet" onClick={() => void copy()} data-testid={testId}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {said}
      </span>
    </span>
  );
}
