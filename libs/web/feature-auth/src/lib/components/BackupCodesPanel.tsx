import { useEffect, useRef, useState } from 'react';
import { backupCodesFile } from '../logic/secondFactor';

/** Backup codes, shown once: copy, download as .txt, and an "I saved them" tick before closing. */
export function BackupCodesPanel({
  codes,
  email,
  onDone,
}: {
  codes: string[];
  email: string;
  onDone(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState(false);
  const [copyNote, setCopyNote] = useState('');

  // New content the person must act on: focus lands on its heading.
  useEffect(() => headingRef.current?.focus(), []);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyNote('Copied. Paste them somewhere safe, like a password manager.');
    } catch {
      setCopyNote("Copying isn't allowed here. You can download them, or select and copy them by hand.");
    }
  };

  const onDownload = () => {
    const blob = new Blob([backupCodesFile(codes, email, new Date())], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'personal-assistant-backup-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="backup-codes" aria-labelledby="backup-codes-title" data-testid="backup-codes-panel">
      <h3 id="backup-codes-title" ref={headingRef} tabIndex={-1}>
        Your backup codes
      </h3>
      <p>
        If your phone is ever not at hand, each of these codes lets you sign in once. This is the only time we
        show them, so please keep them somewhere safe — a password manager, or printed at home.
      </p>
      <ol className="code-list" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => void onCopy()}>
          Copy codes
        </button>
        <button type="button" onClick={onDownload}>
          Download as .txt
        </button>
      </div>
      <p role="status" className="hint">
        {copyNote}
      </p>
      <div className="check">
        <input
          id="backup-codes-saved"
          type="checkbox"
          checked={saved}
          onChange={(event) => setSaved(event.target.checked)}
        />
        <label htmlFor="backup-codes-saved">I saved my backup codes somewhere safe</label>
      </div>
      <button type="button" className="button-primary" disabled={!saved} onClick={onDone}>
        Done
      </button>
    </section>
  );
}
