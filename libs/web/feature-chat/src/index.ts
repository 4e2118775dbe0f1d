export { ChatPage, ConversationsPage, SearchPage, ThreadPanel } from './lazyPages';
