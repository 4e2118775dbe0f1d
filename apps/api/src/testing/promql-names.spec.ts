import { exportedNames, promqlMetricNames } from './promql-names';

describe('metric names in PromQL', () => {
  it('finds the selected metrics, not functions, labels, strings, durations or Grafana variables', () => {
    expect(
      promqlMetricNames(
        `histogram_quantile(0.95, sum by (job, le) (rate(pa_http_request_duration_seconds_bucket{job="pa-api",route=~"/graphql|x"}[$__rate_interval])))
           / on(instance) group_left(version) max without (state) (pa_db_pool_connections offset 5m) > bool 0.2
           or label_replace(up{job="a"}, "dst", "$1", "src", "(.*)") unless absent(nope_total{x="y"}) # a_comment
           and predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 1e3`,
      ).sort(),
    ).toEqual(
      [
        'node_filesystem_avail_bytes',
        'nope_total',
        'pa_db_pool_connections',
        'pa_http_request_duration_seconds_bucket',
        'up',
      ].sort(),
    );
  });

  it('reads a name given as a bare selector, and one inside a subquery', () => {
    expect(promqlMetricNames('pa_sms_opt_outs')).toEqual(['pa_sms_opt_outs']);
    expect(promqlMetricNames('max_over_time(rate(pa_jobs_processed_total[1m])[10m:1m])')).toEqual([
      'pa_jobs_processed_total',
    ]);
  });

  it('lists what an exposition exports, with the series names of histograms and summaries', () => {
    const names = exportedNames(
      [
        '# HELP pa_reminder_lateness_seconds x',
        '# TYPE pa_reminder_lateness_seconds histogram',
        '# TYPE pa_jobs_failed_total counter',
        '# TYPE go_gc_duration_seconds summary',
        'go_gc_duration_seconds{quantile="0.5"} 1',
        'node_load1 0.5',
      ].join('\n'),
    );
    expect([...names].sort()).toEqual(
      [
        'go_gc_duration_seconds',
        'go_gc_duration_seconds_count',
        'go_gc_duration_seconds_sum',
        'node_load1',
        'pa_jobs_failed_total',
        'pa_reminder_lateness_seconds',
        'pa_reminder_lateness_seconds_bucket',
        'pa_reminder_lateness_seconds_count',
        'pa_reminder_lateness_seconds_sum',
      ].sort(),
    );
    // A counter has no _bucket: stripping suffixes blindly would accept this typo.
    expect(names.has('pa_jobs_failed_total_bucket')).toBe(false);
  });
});
