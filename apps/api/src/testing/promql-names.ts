// Metric names in PromQL (alert rules, Grafana panels) and in a Prometheus text exposition, so a test
// can check that every name a query uses is one a process really exports.

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression selects (functions, keywords, labels and literals left out). */
export function promqlMetricNames(expr: string): string[] {
  const text = expr
    // String literals (label values, regexes, label_replace arguments), with their escapes.
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    // Comments.
    .replace(/#[^\n]*/g, ' ')
    // Label matchers: `{job="x"}` (after the strings are gone a brace holds only label names).
    .replace(/\{[^}]*\}/g, ' ')
    // Ranges and subqueries: `[5m]`, `[$__rate_interval]`, `[1h:5m]`.
    .replace(/\[[^\]]*\]/g, ' ')
    // Label lists of grouping and vector matching: `by (queue)`, `on(instance) group_left(job)`.
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    // Grafana variables: `$__interval`, `${job}`.
    .replace(/\$\{?\w+\}?/g, ' ');
  const names = new Set<string>();
  // A number or duration (`0.95`, `1e3`, `5m`, `0x1f`) is one token, so its letters are no name.
  for (const m of text.matchAll(/(\d[\w.]*)|([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    const [, number, name, call] = m;
    if (number || !name || call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

/**
 * Every series name a scrape can contain, from a Prometheus text exposition: each `# TYPE` family
 * (a histogram also as `_bucket`, `_sum`, `_count`; a summary as `_sum`, `_count`) and each sample's name.
 */
export function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split('\n')) {
    const type = /^# TYPE (\S+) (\w+)/.exec(line);
    if (type) {
      const [, family = '', kind] = type;
      names.add(family);
      if (kind === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(family + s);
      if (kind === 'summary') for (const s of ['_sum', '_count']) names.add(family + s);
      continue;
    }
    const sample = /^([A-Za-z_:][\w:]*)[\s{]/.exec(line);
    if (sample?.[1]) names.add(sample[1]);
  }
  return names;
}
