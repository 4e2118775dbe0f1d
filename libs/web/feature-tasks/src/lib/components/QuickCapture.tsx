import { TextField } from '@pa/web-ui';
import { useRef, useState, type FormEvent } from 'react';

/** One field to get a task out of one's head at once; focus stays for the next one. */
export function QuickCapture({ onCapture }: { onCapture(title: string): Promise<boolean> }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (title.trim() === '') {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const added = await onCapture(title.trim());
    setBusy(false);
    // Kept on failure: nothing typed is lost.
    if (added) setTitle('');
    inputRef.current?.focus();
  };
  return (
    <form
      className="inline-form quick-capture"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="quick-capture"
    >
      <TextField
        id="capture-title"
        label="Add a task"
        hint="Just the words; you can sort it out later."
        value={title}
        onValueChange={setTitle}
        inputRef={inputRef}
        autoComplete="off"
        enterKeyHint="done"
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add'}
      </button>
    </form>
  );
}
