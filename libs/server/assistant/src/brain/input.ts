// One incoming message in the forms the intent parsers read.
import { clean, normalize, stripPoliteness } from './text';
import { trimEndChars } from '@pa/shared-domain';

export interface Input {
  /** As received. */
  raw: string;
  /** Emoji removed, quotes straightened, single spaces; case kept (titles come from here). */
  text: string;
  /** `text` without "hey/pls/can you" around the command, case kept. */
  core: string;
  /** `core` in lower case without trailing ".!": what the patterns match. */
  norm: string;
  /** The raw message was only emoji (👍, ✅): their meaning is read from `raw`. */
  emojiOnly: boolean;
}

export function makeInput(raw: string): Input {
  const text = clean(raw);
  const core = trimEndChars(stripPoliteness(text), /[.!\s]/);
  return { raw, text, core, norm: normalize(core), emojiOnly: text === '' && raw.trim() !== '' };
}
