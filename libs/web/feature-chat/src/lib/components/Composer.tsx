import type { SendRefusal } from '@pa/web-data-access/chat';
import { MESSAGE_BODY_MAX } from '@pa/shared-domain/conversations';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { roomLeft, sendsOnKey } from '../logic/composer';

interface ComposerProps {
  /** Names the text box ("Message", "Reply in the thread"). */
  label: string;
  placeholder: string;
  value: string;
  onValueChange(text: string): void;
  /** Queues the text; a refusal keeps it in the box with a note. */
  onSend(text: string): { queued: true } | { queued: false; reason: SendRefusal };
  /** Why writing is off (an archived conversation), or null. */
  disabledNote?: string | null;
  autoFocus?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  testId: string;
}

const REFUSAL_TEXT: Record<SendRefusal, string> = {
  empty: 'Write something first.',
  'too-long': `A message holds at most ${MESSAGE_BODY_MAX} characters. Split it into two?`,
};

/** The box to write in, at the bottom of a chat: Enter sends, Shift+Enter adds a line. */
export function Composer({
  label,
  placeholder,
  value,
  onValueChange,
  onSend,
  disabledNote = null,
  autoFocus = false,
  textareaRef,
  testId,
}: ComposerProps) {
  const id = useId();
  const [refusal, setRefusal] = useState<SendRefusal | null>(null);
  const room = roomLeft(value);
  const ownRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (autoFocus) ownRef.current?.focus();
  }, [autoFocus]);

  const submit = () => {
    const outcome = onSend(value);
    if (outcome.queued) {
      setRefusal(null);
      onValueChange('');
    } else setRefusal(outcome.reason);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!sendsOnKey({ key: event.key, shiftKey: event.shiftKey, isComposing: event.nativeEvent.isComposing }))
      return;
    event.preventDefault();
    submit();
  };

  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const note = refusal ? REFUSAL_TEXT[refusal] : room?.over ? room.text : null;
  return (
    <form className="composer" onSubmit={onSubmit} data-testid={testId}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="composer-row">
        <textarea
          id={id}
          ref={(element) => {
            ownRef.current = element;
            if (typeof textareaRef === 'function') textareaRef(element);
            else if (textareaRef) textareaRef.current = element;
          }}
          rows={1}
          value={value}
          placeholder={placeholder}
          disabled={!!disabledNote}
          onChange={(event) => {
            onValueChange(event.target.value);
            if (refusal) setRefusal(null);
          }}
          onKeyDown={onKeyDown}
          aria-describedby={[hintId, note ? noteId : null].filter(Boolean).join(' ')}
          aria-invalid={note ? true : undefined}
          enterKeyHint="send"
        />
        <button type="submit" className="button-primary composer-send" disabled={!!disabledNote}>
          Send
        </button>
      </div>
      <p className="hint composer-hint" id={hintId}>
        {disabledNote ?? (
          <>
            Enter sends · Shift+Enter for a new line
            {room && !room.over && <> · {room.text}</>}
          </>
        )}
      </p>
      {note && (
        <p className="field-error" id={noteId} role="alert">
          {note}
        </p>
      )}
    </form>
  );
}
