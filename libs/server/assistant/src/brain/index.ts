// Public API of the assistant's brain: message + context in, reply + actions out.
export * from './brain.types';
export { BuiltInBrain, replyTo } from './built-in-brain';
export { checkInPrompt } from './intents/checkin';
export { revivePending } from './intents/pending';
export { BREAKDOWN_TEMPLATES, stepsFor } from './intents/breakdown-templates';
export {
  describeRecurrence,
  formatLocal,
  formatTime,
  formatWhen,
  isValidZone,
  nextOccurrence,
  toLocal,
  wallToUtc,
} from './time';
export { SHAMING_WORDS } from './replies';
export { OpenAiCompatibleBrain, type OpenAiCompatibleBrainOptions } from './llm/openai-compatible-brain';
export { GatedBrain } from './llm/gated-brain';
