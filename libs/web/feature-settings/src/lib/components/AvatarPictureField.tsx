import { useState, type Ref } from 'react';
import { AVATAR_ACCEPT, AVATAR_RULES, readAvatarFile } from '../logic/avatarImage';

/** What happens to the picture on save: nothing, a new one, or none any more. */
export type PictureChoice =
  { kind: 'keep' } | { kind: 'set'; dataUrl: string; name: string } | { kind: 'remove' };

/**
 * Choose a picture (checked here with the shared limits before anything is sent) or remove the current
 * one. The choice only applies when the form is saved.
 */
export function AvatarPictureField({
  id,
  hasPicture,
  choice,
  onChoice,
  onProblem,
  error,
  inputRef,
}: {
  id: string;
  hasPicture: boolean;
  choice: PictureChoice;
  onChoice(choice: PictureChoice): void;
  onProblem(message: string): void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [reading, setReading] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      onChoice({ kind: 'set', dataUrl: await readAvatarFile(file), name: file.name });
    } catch (problem) {
      onProblem(problem instanceof Error ? problem.message : 'That file could not be read.');
    } finally {
      setReading(false);
    }
  };

  const status =
    choice.kind === 'set'
      ? `New picture chosen: ${choice.name}. Save to use it.`
      : choice.kind === 'remove'
        ? 'The picture will be removed when you save.'
        : '';

  return (
    <div className="field" data-invalid={!!error}>
      <label htmlFor={id}>Picture</label>
      <p className="hint" id={hintId}>
        Optional. {AVATAR_RULES}
      </p>
      <div className="field-control picture-control">
        <input
          id={id}
          ref={inputRef}
          type="file"
          accept={AVATAR_ACCEPT}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null, status ? statusId : null]
            .filter(Boolean)
            .join(' ')}
          disabled={reading}
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            // The same file can be chosen again after a fix elsewhere.
            event.target.value = '';
          }}
        />
      </div>
      {(hasPicture || choice.kind !== 'keep') && (
        <div className="button-row">
          {hasPicture && (
            <button type="button" className="button-quiet" onClick={() => onChoice({ kind: 'remove' })}>
              Remove picture
            </button>
          )}
          {choice.kind !== 'keep' && (
            <button type="button" className="button-quiet" onClick={() => onChoice({ kind: 'keep' })}>
              Undo picture change
            </button>
          )}
        </div>
      )}
      <p className="hint" id={statusId} role="status" data-testid={`${id}-status`}>
        {reading ? 'Checking the picture…' : status}
      </p>
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
