import { useAuth } from '@pa/web-data-access';
import { useProfile, type UpdateProfileInput } from '@pa/web-data-access/account';
import { AVATAR_COLORS, DISPLAY_NAME_MAX, initialsOf } from '@pa/shared-domain/profile';
import { InstallSection } from '@pa/web-pwa';
import {
  Avatar,
  FormAlert,
  paletteNames,
  RadioGroup,
  StatusNotice,
  TextField,
  usePageHeading,
  type FriendlyError,
  focusSoon,
} from '@pa/web-ui';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { AvatarPictureField, type PictureChoice } from '../components/AvatarPictureField';
import { settingsProblemOf } from '../logic/settingsErrors';

type ProfileField = 'displayName' | 'avatarColor' | 'avatarImage';
const FIELD_ORDER: readonly ProfileField[] = ['displayName', 'avatarColor', 'avatarImage'];

/** How the person appears: display name, avatar colour or picture, with a live preview. */
export function ProfilePage() {
  const { user } = useAuth();
  const { updateProfile } = useProfile();
  const heading = usePageHeading();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [color, setColor] = useState(user?.avatar.color ?? AVATAR_COLORS[0]);
  const [picture, setPicture] = useState<PictureChoice>({ kind: 'keep' });
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [formError, setFormError] = useState<FriendlyError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    avatarColor: useRef<HTMLInputElement>(null),
    avatarImage: useRef<HTMLInputElement>(null),
  };
  const colorNames = useMemo(() => paletteNames(AVATAR_COLORS), []);

  if (!user) return null;

  const currentImage = user.avatar.imageUrl;
  const previewImage =
    picture.kind === 'set' ? picture.dataUrl : picture.kind === 'remove' ? null : currentImage;

  const focusField = (field: ProfileField) => focusSoon(() => refs[field].current);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFormError(null);
    const name = displayName.trim();
    const found: Partial<Record<ProfileField, string>> = {};
    if (!name) found.displayName = 'Please tell us what to call you.';
    else if ([...name].length > DISPLAY_NAME_MAX)
      found.displayName = `Please keep your name under ${DISPLAY_NAME_MAX} characters.`;
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      focusField(first);
      return;
    }

    const input: UpdateProfileInput = {};
    if (name !== user.displayName) input.displayName = name;
    if (color !== user.avatar.color) input.avatarColor = color;
    if (picture.kind === 'set') input.avatarImage = picture.dataUrl;
    if (picture.kind === 'remove' && currentImage) input.avatarImage = null;
    if (Object.keys(input).length === 0) {
      setSaved('Nothing to save — your profile is already like this.');
      return;
    }

    setSubmitting(true);
    try {
      const updated = await updateProfile(input);
      setDisplayName(updated.displayName);
      setColor(updated.avatar.color);
      setPicture({ kind: 'keep' });
      setSaved('Saved. This is how you appear now.');
    } catch (error) {
      // What the person typed and chose stays as it is; only the notes appear.
      const problem = settingsProblemOf(error);
      const fieldErrors: Partial<Record<ProfileField, string>> = {};
      for (const field of FIELD_ORDER) if (problem.fields[field]) fieldErrors[field] = problem.fields[field];
      setErrors(fieldErrors);
      setFormError(problem.summary);
      const firstBad = FIELD_ORDER.find((field) => fieldErrors[field]);
      if (firstBad) focusField(firstBad);
      else focusSoon(() => alertRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="profile-title" data-testid="profile-page">
      <h1 id="profile-title" ref={heading} tabIndex={-1}>
        Profile
      </h1>
      <p className="lead">How you appear in the app. Change as much or as little as you like.</p>

      <div className="profile-preview" data-testid="avatar-preview">
        <Avatar
          initials={initialsOf(displayName || user.displayName)}
          color={color}
          imageUrl={previewImage}
          size="large"
          label={`Preview of your avatar${previewImage ? ' (your picture)' : ''}`}
        />
        <p className="profile-preview-name">{displayName.trim() || user.displayName}</p>
      </div>

      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <FormAlert error={formError} alertRef={alertRef} testId="profile-error" />
        <TextField
          id="profile-name"
          label="Display name"
          hint="Your first name or a nickname is perfect."
          autoComplete="nickname"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          inputRef={refs.displayName}
        />
        <RadioGroup
          id="profile-color"
          legend="Avatar colour"
          hint={previewImage ? 'Shown when you have no picture.' : 'The background behind your initials.'}
          className="choice-swatches"
          value={color}
          onValueChange={setColor}
          error={errors.avatarColor}
          firstRef={refs.avatarColor}
          options={AVATAR_COLORS.map((value, index) => ({
            value,
            label: (
              <>
                <span className="swatch" style={{ backgroundColor: value }} aria-hidden="true" />
                <span className="visually-hidden">{colorNames[index]}</span>
              </>
            ),
          }))}
        />
        <AvatarPictureField
          id="profile-picture"
          hasPicture={!!previewImage}
          choice={picture}
          onChoice={(choice) => {
            setPicture(choice);
            setErrors((current) => ({ ...current, avatarImage: undefined }));
          }}
          onProblem={(message) => setErrors((current) => ({ ...current, avatarImage: message }))}
          error={errors.avatarImage}
          inputRef={refs.avatarImage}
        />
        <StatusNotice message={saved} testId="profile-saved" />
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save profile'}
        </button>
      </form>
      <InstallSection />
    </section>
  );
}
