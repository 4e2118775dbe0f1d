import { TextField } from '@pa/web-ui';
import { useRef, useState, type FormEvent, type RefObject } from 'react';

interface QuickCaptureProps {
  /** Adds the words as a task; resolves true once it is in the list. */
  onCapture(title: string): Promise<boolean>;
  /** When given, a second button sends the words to the assistant instead. */
  onAsk?(text: string): Promise<boolean>;
  label?: string;
  hint?: string;
  /** The input, for a page that focuses it (the "new note" shortcut). */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** One field to get a thing out of one's head at once; focus stays for the next one. */
export function QuickCapture({
  onCapture,
  onAsk,
  label = 'Add a task',
  hint = 'Just the words; you can sort it out later.',
  inputRef: outerRef,
}: QuickCaptureProps) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const ownRef = useRef<HTMLInputElement>(null);
  const inputRef = outerRef ?? ownRef;
  const submit = async (send: (text: string) => Promise<boolean>) => {
    if (busy) return;
    if (title.trim() === '') {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const added = await send(title.trim());
    setBusy(false);
    // Kept on failure: nothing typed is lost.
    if (added) setTitle('');
    inputRef.current?.focus();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(onCapture);
  };
  return (
    <form className="inline-form quick-capture" onSubmit={onSubmit} data-testid="quick-capture">
      <TextField
        id="capture-title"
        label={label}
        hint={hint}
        value={title}
        onValueChange={setTitle}
        inputRef={inputRef}
        autoComplete="off"
        enterKeyHint="done"
      />
      {onAsk ? (
        <div className="capture-buttons">
          <button type="submit" className="button-primary" disabled={busy}>
            Add to my list
          </button>
          <button type="button" onClick={() => void submit(onAsk)} disabled={busy}>
            Ask the assistant
          </button>
        </div>
      ) : (
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      )}
    </form>
  );
}
