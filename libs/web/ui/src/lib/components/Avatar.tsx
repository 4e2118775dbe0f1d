export interface AvatarProps {
  initials: string;
  /** Background behind the initials (#rrggbb); white initials reach 4.5:1 on the palette. */
  color: string;
  /** A picture shown instead of the initials. */
  imageUrl?: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Names the avatar for assistive technology; without it the avatar is decorative (a name is next to it). */
  label?: string;
  testId?: string;
}

/** A person's initials on their colour, or their picture. */
export function Avatar({ initials, color, imageUrl, size = 'medium', label, testId }: AvatarProps) {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <span
      className={`avatar avatar-${size}`}
      style={imageUrl ? undefined : { backgroundColor: color }}
      data-testid={testId}
      data-kind={imageUrl ? 'image' : 'initials'}
      {...a11y}
    >
      {imageUrl ? <img src={imageUrl} alt="" /> : initials}
    </span>
  );
}
