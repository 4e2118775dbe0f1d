// Geometry of the small bar charts: pure numbers, so the component only draws.

export interface StackedBar {
  key: string;
  /** One value per series, drawn from the baseline up in order. */
  values: readonly number[];
}

export interface BarRect {
  key: string;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The value the top of the chart stands for (≥ the tallest bar). */
  max: number;
  rects: BarRect[];
}

/** A round number at or above `value` (1, 2, 5 × 10ⁿ), so the top of the scale reads well. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Guard against 0.30000000000000004-style noise making 0.3 round up to 0.5.
    if (candidate >= value * (1 - 1e-9)) return candidate;
  }
  return 10 * power;
}

/**
 * Rectangles for stacked bars in a `height`-tall box: one slot per bar with a gap, heights in
 * proportion to the rounded-up maximum. Bars of 0 get no rectangle; a tiny non-zero value still shows.
 */
export function layoutBars(bars: readonly StackedBar[], height = 120, slot = 12, gap = 3): ChartLayout {
  const totals = bars.map((bar) => bar.values.reduce((sum, v) => sum + Math.max(0, v), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const rects: BarRect[] = [];
  bars.forEach((bar, index) => {
    let top = height;
    bar.values.forEach((value, series) => {
      if (!(value > 0) || max === 0) return;
      const h = Math.max(1, (value / max) * height);
      top -= h;
      rects.push({ key: bar.key, series, x: index * slot + gap / 2, y: top, width: slot - gap, height: h });
    });
  });
  return { width: Math.max(slot, bars.length * slot), height, max, rects };
}
