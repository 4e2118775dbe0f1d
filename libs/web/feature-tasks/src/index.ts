export { DashboardPage, TodayPage } from './lazyPages';
