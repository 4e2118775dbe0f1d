/** The latest message of a conversation, as much as the list needs. */
export interface PreviewMessage {
  author: string;
  body: string;
}

const PREVIEW_MAX = 90;

/** One line for the conversation list: "You: …" for the person's own words, the assistant's as they are. */
export function previewOf(message: PreviewMessage | null): string {
  if (!message) return 'No messages yet';
  const line = message.body.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  const text =
    chars.length > PREVIEW_MAX
      ? `${chars
          .slice(0, PREVIEW_MAX - 1)
          .join('')
          .trimEnd()}…`
      : line;
  return message.author === 'USER' ? `You: ${text}` : text;
}
