import { layoutBars, niceCeiling } from './chart';

describe('niceCeiling', () => {
  it('rounds the top of the scale up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(10)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(0.0158)).toBeCloseTo(0.02);
    expect(niceCeiling(0.3)).toBeCloseTo(0.5);
    expect(niceCeiling(0.1 + 0.2)).toBeCloseTo(0.5);
    expect(niceCeiling(230)).toBe(250);
    expect(niceCeiling(0)).toBe(0);
    expect(niceCeiling(Number.NaN)).toBe(0);
  });
});

describe('layoutBars', () => {
  it('stacks the series of each bar from the baseline, in proportion to the scale', () => {
    const layout = layoutBars(
      [
        { key: 'a', values: [2, 3] },
        { key: 'b', values: [0, 10] },
        { key: 'c', values: [0, 0] },
      ],
      100,
      10,
      2,
    );
    expect(layout.max).toBe(10);
    expect(layout.width).toBe(30);
    expect(layout.rects).toEqual([
      { key: 'a', series: 0, x: 1, y: 80, width: 8, height: 20 },
      { key: 'a', series: 1, x: 1, y: 50, width: 8, height: 30 },
      { key: 'b', series: 1, x: 11, y: 0, width: 8, height: 100 },
    ]);
  });

  it('draws nothing when everything is zero, and still shows a tiny value', () => {
    expect(layoutBars([{ key: 'a', values: [0] }]).rects).toEqual([]);
    const tiny = layoutBars(
      [
        { key: 'a', values: [1000] },
        { key: 'b', values: [0.001] },
      ],
      100,
    );
    expect(tiny.rects[1]?.height).toBe(1);
  });
});
