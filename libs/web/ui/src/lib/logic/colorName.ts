// Hue bands (degrees) and the word people use for them; below the saturation floor a colour reads as grey.
const HUES: ReadonlyArray<[upTo: number, name: string]> = [
  [15, 'Red'],
  [50, 'Amber'],
  [75, 'Yellow'],
  [160, 'Green'],
  [200, 'Teal'],
  [250, 'Blue'],
  [290, 'Purple'],
  [345, 'Pink'],
  [360, 'Red'],
];
const GREY_BELOW_SATURATION = 0.3;

/** A plain name for a #rrggbb colour ("Blue", "Teal", "Slate grey"), so a swatch can be named aloud. */
export function colorName(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return hex;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => parseInt(part ?? '0', 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  const lightness = (max + min) / 2;
  const saturation = delta === 0 ? 0 : delta / (1 - Math.abs(2 * lightness - 1));
  if (saturation < GREY_BELOW_SATURATION) return lightness < 0.5 ? 'Slate grey' : 'Light grey';
  let hue: number;
  if (max === r) hue = 60 * (((g - b) / delta + 6) % 6);
  else if (max === g) hue = 60 * ((b - r) / delta + 2);
  else hue = 60 * ((r - g) / delta + 4);
  return HUES.find(([upTo]) => hue < upTo)?.[1] ?? 'Red';
}

/** Names for a palette, numbered where two colours would read the same ("Blue", "Blue 2"). */
export function paletteNames(colors: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return colors.map((color) => {
    const name = colorName(color);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  });
}
