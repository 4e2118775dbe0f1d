export { SettingsLayout, ProfilePage, PreferencesPage, ActivityPage } from './lazyPages';
