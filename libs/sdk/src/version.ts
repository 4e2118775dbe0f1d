/** The SDK's version: libs/sdk/package.json's, checked equal by version.spec.ts. */
export const SDK_VERSION = '1.0.0';
