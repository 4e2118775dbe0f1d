import { useId } from 'react';
import { layoutBars } from '../logic/chart';

export interface ChartBarData {
  key: string;
  /** Under the bar in the table, and in its tooltip ("3 Nov"). */
  label: string;
  /** One value per series, for drawing only. */
  values: readonly number[];
  /** The table's cells for this bar, one per column (already formatted). */
  cells: readonly string[];
}

interface BarChartProps {
  /** What the chart shows ("Texts per day"): its caption and accessible name. */
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  summary: string;
  /** Names of the stacked series, bottom first (shown as a legend when more than one). */
  series: readonly string[];
  /** Column headings of the table alternative, after "Period". */
  columns: readonly string[];
  bars: readonly ChartBarData[];
  /** The top of the scale, formatted ("10 texts", "$0.05"), from the chart's own maximum. */
  formatMax(max: number): string;
  testId: string;
}

/**
 * A small stacked bar chart in inline SVG, with the same figures as a table for anyone who prefers
 * reading them (and for screen readers). No chart library: a few rectangles.
 */
export function BarChart({ title, summary, series, columns, bars, formatMax, testId }: BarChartProps) {
  const captionId = useId();
  const summaryId = useId();
  const layout = layoutBars(bars);
  const labelOf = new Map(bars.map((bar) => [bar.key, bar]));
  const first = bars[0];
  const last = bars[bars.length - 1];
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption id={captionId} className="bar-chart-title">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="bar-chart-legend" aria-hidden="true">
          {series.map((name, index) => (
            <li key={name}>
              <span className={`bar-chart-key bar-series-${index}`} />
              {name}
            </li>
          ))}
        </ul>
      )}
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      {layout.max === 0 ? (
        <p className="bar-chart-empty">Nothing in this period yet.</p>
      ) : (
        <div className="bar-chart-frame">
          <span className="bar-chart-max" aria-hidden="true">
            {formatMax(layout.max)}
          </span>
          <svg
            className="bar-chart-svg"
            role="img"
            aria-labelledby={captionId}
            aria-describedby={summaryId}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            preserveAspectRatio="none"
            focusable="false"
          >
            <line className="bar-chart-grid" x1="0" x2={layout.width} y1="0.5" y2="0.5" />
            {layout.rects.map((rect) => (
              <rect
                key={`${rect.key}-${rect.series}`}
                className={`bar-series-${rect.series}`}
                x={rect.x}
                y={rect.y}
                width={rect.width}
                height={rect.height}
              >
                <title>{`${labelOf.get(rect.key)?.label ?? rect.key}: ${labelOf.get(rect.key)?.cells.join(', ') ?? ''}`}</title>
              </rect>
            ))}
            <line
              className="bar-chart-axis"
              x1="0"
              x2={layout.width}
              y1={layout.height - 0.5}
              y2={layout.height - 0.5}
            />
          </svg>
          {first && last && (
            <p className="bar-chart-ends" aria-hidden="true">
              <span>{first.label}</span>
              {last !== first && <span>{last.label}</span>}
            </p>
          )}
        </div>
      )}
      <details className="bar-chart-table">
        <summary>Show the figures as a table</summary>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                {columns.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  {bar.cells.map((cell, index) => (
                    <td key={columns[index] ?? index} data-label={columns[index]}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
