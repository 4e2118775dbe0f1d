export { TodayPage } from './lazyPages';
