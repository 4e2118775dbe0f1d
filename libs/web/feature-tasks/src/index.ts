export { DashboardPage, ReminderAlerts, TodayPage } from './lazyPages';
