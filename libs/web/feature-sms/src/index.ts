export { MyNumberPage, AdminNumbersPage, SmsAnalyticsPage } from './lazyPages';
