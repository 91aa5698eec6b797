/**
 * A date code (y*10000 + m*100 + d; m = 0 for a year, d = 0 for a month) back to its ISO text. Its
 * own module: the map's user layer needs it on the first load, the rest of the import does not.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function codeIso(c: number): string {
  const y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  const d = c % 100;
  return m ? (d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`) : String(y);
}
