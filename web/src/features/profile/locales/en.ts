import type { profileRu } from '@/features/profile/locales/ru';

export const profileEn: Record<keyof typeof profileRu, string> = {
  'profile.title': 'Profile',
  'profile.edit': 'Edit profile',
  'profile.edit_title': 'Edit profile',
  'profile.save': 'Save',
  'profile.saving': 'Saving…',
  'profile.cancel': 'Cancel',
  'profile.saved': 'Profile saved',
  'profile.email': 'Email',
  'profile.role': 'Role',
  'profile.location': 'Location',
  'profile.location_hint': 'Used to show masters near you',
  'profile.clear_location': 'Clear',
  'profile.interests': 'Interests',
  'profile.interests_hint': 'Pick service categories and we will suggest matching masters',
  'profile.no_interests': 'No interests selected',
  'profile.categories_failed': 'Could not load categories',
  'profile.member_since': 'Member since {date}',
  'profile.photo': 'Profile photo',
  'profile.photo_saved': 'Profile photo saved',
  'profile.photo_removed': 'Profile photo removed',
};
