// A first message is the hardest: a few examples of what the assistant understands, one tap to use.
const EXAMPLES = ['buy milk', 'remind me in 20 min to check the laundry', "what's on my list", 'help'];

/** Shown in a conversation with no messages yet. */
export function EmptyChat({ onExample }: { onExample(text: string): void }) {
  return (
    <div className="chat-empty" data-testid="chat-empty">
      <p>Write anything on your mind: something to do, a reminder, or “help”. The assistant answers here.</p>
      <p className="hint" id="chat-examples-hint">
        Or start from an example (it goes into the box below, for you to change or send):
      </p>
      <ul className="chip-list" aria-describedby="chat-examples-hint">
        {EXAMPLES.map((text) => (
          <li key={text}>
            <button type="button" className="chip" onClick={() => onExample(text)}>
              {text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
