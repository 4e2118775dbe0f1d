/** The shared domain lib (password policy, phone numbers). */
export type DomainModule = typeof import('@pa/shared-domain');

let loading: Promise<DomainModule> | undefined;

// The lib pulls the zxcvbn dictionaries (~1 MB): loaded on demand so the first page stays small.
/** Loads the shared domain lib once, on first use. */
export const loadDomain = (): Promise<DomainModule> => (loading ??= import('@pa/shared-domain'));
