export {
  SettingsLayout,
  ProfilePage,
  PreferencesPage,
  NotificationsPage,
  ActivityPage,
  PrivacyPage,
} from './lazyPages';
