import { z } from 'zod';

/** One documented environment variable: its schema, what it is for, and whether it is a secret. */
export interface VarSpec<T extends z.ZodType> {
  schema: T;
  doc: string;
  secret?: boolean;
}

/** `true`/`false` (also 1/0, yes/no). */
export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** A whole number within bounds. */
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A URL with one of these protocols. */
export const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
/** Comma-separated http(s) origins. */
export const origins = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(url(['http:', 'https:'])));

/** One feature's variables: a fragment of the configuration, composed with the others by `configSpec`. */
export type ConfigSlice = Record<string, VarSpec<z.ZodType>>;

/** Declares a feature's slice (keeps each variable's schema type for `AppConfig`). */
export function slice<T extends ConfigSlice>(variables: T): T {
  return variables;
}

/**
 * Composes slices into one spec, once at start: a variable declared by two features is a programming
 * error (one would silently win), so it throws naming the variable.
 */
export function composeSlices<T extends ConfigSlice>(slices: Record<string, ConfigSlice>): T {
  const owner = new Map<string, string>();
  const spec: ConfigSlice = {};
  for (const [feature, variables] of Object.entries(slices)) {
    for (const [key, value] of Object.entries(variables)) {
      const earlier = owner.get(key);
      if (earlier)
        throw new Error(`${key} is declared by both the ${earlier} and the ${feature} configuration`);
      owner.set(key, feature);
      spec[key] = value;
    }
  }
  return spec as T;
}
