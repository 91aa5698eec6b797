/** A deterministic big reader's file for the import bench and browser test. */

/** n rows over ten years from 2015-01 (month i mod 120, day 15), positions spread over the region's core. */
export function bigCsv(n: number): string {
  const rows = ['name,lat,lon,date,value'];
  for (let i = 0; i < n; i++) {
    const mo = i % 120;
    const lat = 30 + ((i * 7919) % 2000) / 100;
    const lon = -10 + ((i * 104729) % 4000) / 100;
    const date = `${2015 + Math.floor(mo / 12)}-${String((mo % 12) + 1).padStart(2, '0')}-15`;
    rows.push(`p${i},${lat.toFixed(4)},${lon.toFixed(4)},${date},${i % 50}`);
  }
  return rows.join('\n') + '\n';
}

/** How many rows of bigCsv(n) fall in months [from, to], counted from 2015-01 (0…119). */
export function rowsInMonths(n: number, from: number, to: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (i % 120 >= from && i % 120 <= to) c++;
  return c;
}
