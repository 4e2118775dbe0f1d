export { SettingsLayout, ProfilePage, PreferencesPage, NotificationsPage, ActivityPage } from './lazyPages';
