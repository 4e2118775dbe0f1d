import { AVATAR_IMAGE } from '@pa/shared-domain/profile';

const ACCEPTED: readonly string[] = AVATAR_IMAGE.types;

/** The `accept` attribute of the file input. */
export const AVATAR_ACCEPT = AVATAR_IMAGE.types.join(',');

/** A short description of what is accepted, for the hint under the picker. */
export const AVATAR_RULES = `PNG, JPEG or WebP, up to ${AVATAR_IMAGE.maxBytes / 1024} KB, between ${AVATAR_IMAGE.minSide} and ${AVATAR_IMAGE.maxSide} pixels wide and high.`;

/** Why a chosen file cannot be the avatar (type or weight), or null when it may be. Same words as the API. */
export function avatarFileProblem(file: { type: string; size: number }): string | null {
  if (!ACCEPTED.includes(file.type)) return 'Upload a PNG, JPEG or WebP picture.';
  if (file.size > AVATAR_IMAGE.maxBytes)
    return `The picture is too large: at most ${AVATAR_IMAGE.maxBytes / 1024} KB.`;
  return null;
}

/** Why a picture's size in pixels does not fit, or null when it does. */
export function avatarDimensionsProblem(width: number, height: number): string | null {
  const { minSide, maxSide } = AVATAR_IMAGE;
  if (width < minSide || height < minSide || width > maxSide || height > maxSide)
    return `Use a picture between ${minSide} and ${maxSide} pixels wide and high.`;
  return null;
}

/** Reads a chosen file as a data URL after checking it like the API will; rejects with a message to show. */
export async function readAvatarFile(file: File): Promise<string> {
  const problem = avatarFileProblem(file);
  if (problem) throw new Error(problem);
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('That file could not be read. Please try another one.'));
    reader.readAsDataURL(file);
  });
  const { width, height } = await new Promise<{ width: number; height: number }>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new Error('That file is not a picture we can read.'));
    image.src = dataUrl;
  });
  const sizeProblem = avatarDimensionsProblem(width, height);
  if (sizeProblem) throw new Error(sizeProblem);
  return dataUrl;
}
