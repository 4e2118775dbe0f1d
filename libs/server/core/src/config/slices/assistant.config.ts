import { z } from 'zod';
import { int, slice, url } from '../schema';

/** The assistant (libs/server/assistant): the optional external brain. */
export const assistantConfig = slice({
  ASSISTANT_LLM_URL: {
    schema: url(['http:', 'https:']).optional(),
    doc: 'Base URL of an OpenAI-compatible chat endpoint (e.g. `https://api.example.com/v1`) for the optional second brain. Unset: only the built-in brain answers (offline, deterministic).',
  },
  ASSISTANT_LLM_API_KEY: {
    schema: z.string().min(1).optional(),
    doc: 'Bearer key for ASSISTANT_LLM_URL.',
    secret: true,
  },
  ASSISTANT_LLM_MODEL: {
    schema: z.string().min(1).max(200).default('gpt-4o-mini'),
    doc: 'Model name sent to ASSISTANT_LLM_URL.',
  },
  ASSISTANT_LLM_TIMEOUT_MS: {
    schema: int(200, 60_000).default(4000),
    doc: 'After this long the built-in brain answers instead of the external one.',
  },
});
