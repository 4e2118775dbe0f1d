// The SDK's schema diff (docs/api-guide.md, SDK): the schema the API emits now against the snapshot of
// the last released SDK (libs/sdk/schema/released.graphql). A breaking change (graphql-js
// findBreakingChanges: a type, field or enum value removed, an argument made required, a type changed)
// needs a new major version of @pa/sdk and a CHANGELOG section that lists it under "Breaking".
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';

/** The first line of the snapshot names the SDK version it was released with. */
export const SNAPSHOT_HEADER = /^# @pa\/sdk (\d+\.\d+\.\d+)\b/;

export interface SchemaChange {
  type: string;
  description: string;
}

export interface SchemaDiffVerdict {
  ok: boolean;
  releasedVersion: string | undefined;
  version: string;
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  /** Whether the schema differs at all from the snapshot (additions included). */
  changed: boolean;
  violations: string[];
}

type Semver = [number, number, number];

/** `1.2.3` as numbers, or undefined (pre-releases and ranges are not versions of this package). */
export function parseVersion(version: string): Semver | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The CHANGELOG section of one version: from its `## <version>` heading to the next `## `. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) =>
    new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(l),
  );
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

const canonical = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));

/** Compares the released snapshot with the current schema under the SDK's versioning rules. */
export function evaluateSchemaDiff(input: {
  released: string;
  current: string;
  version: string;
  changelog: string;
}): SchemaDiffVerdict {
  const violations: string[] = [];
  const releasedVersion = SNAPSHOT_HEADER.exec(input.released)?.[1];
  const released = buildSchema(input.released);
  const current = buildSchema(input.current);
  const breaking = findBreakingChanges(released, current).map(({ type, description }) => ({
    type,
    description,
  }));
  const dangerous = findDangerousChanges(released, current).map(({ type, description }) => ({
    type,
    description,
  }));
  const changed = canonical(released) !== canonical(current);
  const version = parseVersion(input.version);
  const base = releasedVersion ? parseVersion(releasedVersion) : undefined;
  if (!base) violations.push('the snapshot has no "# @pa/sdk <version>" first line');
  if (!version) violations.push(`libs/sdk/package.json version "${input.version}" is not x.y.z`);
  if (version && base) {
    const order = compare(version, base);
    if (order < 0) violations.push(`version ${input.version} is lower than the released ${releasedVersion}`);
    if (breaking.length > 0 && version[0] <= base[0])
      violations.push(
        `${breaking.length} breaking change(s) since @pa/sdk ${releasedVersion}: raise the major version ` +
          `of libs/sdk/package.json (and src/version.ts), or keep the old fields (deprecate them instead)`,
      );
    if (order > 0) {
      const section = changelogSection(input.changelog, input.version);
      if (section === undefined)
        violations.push(`libs/sdk/CHANGELOG.md has no "## ${input.version}" section`);
      else if (breaking.length > 0 && !/^###\s+Breaking/im.test(section))
        violations.push(
          `libs/sdk/CHANGELOG.md "## ${input.version}" must list the breaking changes under "### Breaking"`,
        );
    }
  }
  return {
    ok: violations.length === 0,
    releasedVersion,
    version: input.version,
    breaking,
    dangerous,
    changed,
    violations,
  };
}

/** The snapshot file of a release: its header line, then the schema as the API emits it. */
export function snapshotOf(current: string, version: string): string {
  return `# @pa/sdk ${version}: the API schema this SDK version was generated from (npm run schema:release).\n${current}`;
}
