/** Which column is which: header names as readers write them, in English, Italian and French. */
export type Role = 'name' | 'lat' | 'lon' | 'date' | 'value' | 'note';
export const ROLES: readonly Role[] = ['name', 'lat', 'lon', 'date', 'value', 'note'];
export const REQUIRED_ROLES: readonly Role[] = ['lat', 'lon', 'date'];

const SYNONYMS: Record<Role, string[]> = {
  lat: ['lat', 'latitude', 'latitudine', 'y', 'latdd', 'latdeg', 'latitudedd', 'decimallatitude'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitudine', 'x', 'londd', 'longdd', 'decimallongitude'],
  date: ['date', 'data', 'jour', 'day', 'giorno', 'when', 'quando', 'quand', 'datum', 'datetime', 'dataora'],
  name: [
    'name',
    'nome',
    'nom',
    'place',
    'luogo',
    'lieu',
    'location',
    'localita',
    'localite',
    'site',
    'sito',
    'title',
    'titolo',
    'titre',
    'label',
    'etichetta',
    'etiquette',
  ],
  value: [
    'value',
    'valore',
    'valeur',
    'count',
    'conteggio',
    'nombre',
    'numero',
    'number',
    'n',
    'total',
    'totale',
    'amount',
    'quantita',
    'quantite',
  ],
  note: [
    'note',
    'notes',
    'nota',
    'comment',
    'comments',
    'commento',
    'commenti',
    'commentaire',
    'description',
    'descrizione',
    'remarks',
  ],
};

/** "Latitudine (°)" → "latitudine"; "Localité" → "localite"; case, accents, spaces and units ignored. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const LOOKUP = new Map<string, Role>();
for (const r of ROLES) for (const s of SYNONYMS[r]) LOOKUP.set(s, r);

export function roleOf(header: string): Role | null {
  return LOOKUP.get(normalizeHeader(header)) ?? null;
}

export interface Mapping {
  /** Column index of each role found (first match wins). */
  index: Partial<Record<Role, number>>;
  /** Columns matching a role already taken (ignored, reported). */
  duplicates: { column: string; role: Role }[];
  /** Required roles with no column. */
  missing: Role[];
}

export function mapHeader(header: readonly string[]): Mapping {
  const index: Partial<Record<Role, number>> = {};
  const duplicates: Mapping['duplicates'] = [];
  header.forEach((h, i) => {
    const r = roleOf(h);
    if (!r) return;
    if (index[r] === undefined) index[r] = i;
    else duplicates.push({ column: h, role: r });
  });
  // x/y are coordinates only as a pair: a lone "x" next to "latitude" is not a longitude.
  for (const [r, other] of [
    ['lat', 'lon'],
    ['lon', 'lat'],
  ] as const) {
    const i = index[r];
    if (i !== undefined && /^[xy]$/.test(normalizeHeader(header[i])) && index[other] === undefined)
      delete index[r];
  }
  return { index, duplicates, missing: REQUIRED_ROLES.filter((r) => index[r] === undefined) };
}
