import { lazy } from 'react';

// Route-level code splitting, as in the other features: nothing of the chat loads until it is opened.
// Every page here needs a signed-in person: wrap the routes in RequireAuth.

/** The conversations list: new, open, rename, archive, delete (lazy). */
export const ConversationsPage = lazy(() =>
  import('./lib/pages/ConversationsPage').then((m) => ({ default: m.ConversationsPage })),
);

/** One conversation, live; renders its thread panel (a child route) through an Outlet (lazy). */
export const ChatPage = lazy(() => import('./lib/pages/ChatPage').then((m) => ({ default: m.ChatPage })));

/** The thread of one message, as the child route `thread/:messageId` of ChatPage (lazy). */
export const ThreadPanel = lazy(() =>
  import('./lib/pages/ThreadPanel').then((m) => ({ default: m.ThreadPanel })),
);

/** Search in the person's messages, with highlighted snippets (lazy). */
export const SearchPage = lazy(() =>
  import('./lib/pages/SearchPage').then((m) => ({ default: m.SearchPage })),
);
