import { Link } from 'react-router';

// A short example exchange (static, not live), to show what using it is like.
const EXAMPLE: readonly { who: 'you' | 'assistant'; text: string }[] = [
  { who: 'you', text: 'buy milk and call the dentist tomorrow at 9' },
  { who: 'assistant', text: 'Added “Buy milk”. I’ll remind you to call the dentist tomorrow at 09:00.' },
  { who: 'you', text: 'focus 25' },
  { who: 'assistant', text: 'Focus time: 25 minutes. I’ll tell you when it’s over. One thing at a time.' },
];

/** What a signed-out visitor sees: what this is, why it helps, what it looks like, and the ways in. */
export function Landing() {
  return (
    <section className="landing" aria-labelledby="welcome-title" data-testid="welcome-guest">
      <div className="landing-intro">
        <h2 id="welcome-title">A calm assistant for ADHD days.</h2>
        <p className="lead">
          Say what is on your mind, in your own words. It becomes tasks, small steps and reminders — and the
          reminders reach you in the app, as a notification or by text, until the thing is done.
        </p>
        <ul className="landing-points">
          <li>No forms to fill in: write “buy milk” or “remind me at 6 to take the pills”.</li>
          <li>Today shows one short list, with what is due now first.</li>
          <li>Works offline: what you write is sent when you are back.</li>
        </ul>
        <p className="button-row">
          <Link className="button-link button-primary" to="/register">
            Create an account
          </Link>
          <Link className="button-link" to="/sign-in">
            Sign in
          </Link>
        </p>
      </div>
      <figure className="landing-example" data-testid="landing-example">
        <figcaption>What a conversation looks like</figcaption>
        <ol className="landing-chat">
          {EXAMPLE.map((line, index) => (
            <li key={index} className={`landing-line landing-line-${line.who}`}>
              <span className="visually-hidden">{line.who === 'you' ? 'You: ' : 'Assistant: '}</span>
              {line.text}
            </li>
          ))}
        </ol>
      </figure>
    </section>
  );
}
