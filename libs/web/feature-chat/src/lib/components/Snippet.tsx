import type { SnippetPart } from '@pa/web-data-access/chat';

/**
 * The words around a search match, the matching ones marked. Every part is text (React escapes it):
 * a message containing markup shows as the characters typed, never as HTML.
 */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="snippet" data-testid="snippet">
      {parts.map((part, index) =>
        part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
