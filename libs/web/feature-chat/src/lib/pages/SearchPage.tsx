import { SEARCH_QUERY_MAX } from '@pa/shared-domain/conversations';
import { useAuth } from '@pa/web-data-access';
import { useConversation, useMessageSearch, type SearchHit } from '@pa/web-data-access/chat';
import { TextField, useNow, usePageHeading } from '@pa/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Snippet } from '../components/Snippet';
import { chatProblemOf } from '../logic/chatErrors';
import { hitLink, searchFrom, searchParamsFor } from '../logic/search';
import { messageTimeLabel } from '../logic/times';

const AUTHOR = { USER: 'You', ASSISTANT: 'Assistant', SYSTEM: 'Notice' } as const;

function ScopeNote({ conversationId, onClear }: { conversationId: string; onClear(): void }) {
  const { conversation } = useConversation(conversationId);
  return (
    <p className="search-scope" data-testid="search-scope">
      Only in “{conversation?.title ?? 'this conversation'}”.{' '}
      <button type="button" className="link-button" onClick={onClear}>
        Search all conversations
      </button>
    </p>
  );
}

function Hit({ hit, now, timeZone }: { hit: SearchHit; now: number; timeZone?: string }) {
  const { message } = hit;
  return (
    <li className="search-hit" data-testid="search-hit" data-author={message.author}>
      <Link to={hitLink(message)} className="search-hit-link">
        <Snippet parts={hit.snippet} />
        <span className="search-hit-meta">
          {AUTHOR[message.author]}
          {message.parentId ? ' in a thread' : ''} ·{' '}
          <time dateTime={message.createdAt}>{messageTimeLabel(message.createdAt, now, timeZone)}</time>
        </span>
      </Link>
    </li>
  );
}

/** Finds words in the person's messages; each result opens its conversation at the message. */
export function SearchPage() {
  const heading = usePageHeading();
  const now = useNow();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const applied = searchFrom(params);
  const [words, setWords] = useState(applied.query);
  const search = useMessageSearch(applied.query, applied.conversationId);

  // Back/forward: the box shows the search in use.
  useEffect(() => setWords(applied.query), [applied.query]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsFor({ ...applied, query: words }));
  };
  const backTo = applied.conversationId ? `/chat/${encodeURIComponent(applied.conversationId)}` : '/chat';

  return (
    <section className="panel" aria-labelledby="search-title" data-testid="search-page">
      <p className="back-link">
        <Link to={backTo}>
          <span aria-hidden="true">← </span>
          {applied.conversationId ? 'Back to the conversation' : 'All conversations'}
        </Link>
      </p>
      <h1 id="search-title" ref={heading} tabIndex={-1}>
        Search messages
      </h1>
      <form className="inline-form search-form" role="search" aria-label="Messages" onSubmit={onSubmit}>
        <TextField
          id="search-words"
          label="Words to find"
          type="search"
          value={words}
          onValueChange={setWords}
          maxLength={SEARCH_QUERY_MAX}
          hint={<>“quotes” find a phrase; -word leaves a word out.</>}
          spellCheck={false}
        />
        <button type="submit" className="button-primary">
          Search
        </button>
      </form>
      {applied.conversationId && (
        <ScopeNote
          conversationId={applied.conversationId}
          onClear={() => setParams(searchParamsFor({ query: applied.query, conversationId: null }))}
        />
      )}

      {search.loading && (
        <p role="status" className="page-status">
          Searching…
        </p>
      )}
      {search.error && (
        <div className="notice" role="alert">
          <p>{chatProblemOf(search.error).message}</p>
        </div>
      )}
      {search.hits && (
        <p role="status" className="search-count" data-testid="search-count">
          {search.hits.length === 0
            ? `Nothing found for “${applied.query}”. Fewer or other words may help.`
            : `${search.hits.length}${search.hasMore ? '+' : ''} ${search.hits.length === 1 ? 'message' : 'messages'} found, best first.`}
        </p>
      )}
      {search.hits && search.hits.length > 0 && (
        <ol className="search-results" data-testid="search-results">
          {search.hits.map((hit) => (
            <Hit key={hit.message.id} hit={hit} now={now} timeZone={user?.timeZone} />
          ))}
        </ol>
      )}
      {search.hasMore && (
        <button
          type="button"
          className="button-quiet"
          onClick={search.loadMore}
          disabled={search.loadingMore}
        >
          {search.loadingMore ? 'Loading…' : 'More results'}
        </button>
      )}
    </section>
  );
}
