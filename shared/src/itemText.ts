/**
 * One item of an items section (hypotheses, life-domain actions, the 18+ checklist) as one readable
 * line, for exports, versions and differences: the main text first, then the other fields. The item
 * shapes the editor writes get Dutch labels; anything else falls back to `field: value`. Pure.
 */

const MAIN_KEYS = ['statement', 'wat', 'tekst', 'text', 'title', 'titel', 'name', 'naam'] as const;

const LABELS: Record<string, string> = {
  evidence: 'waarom',
  status: 'stand',
  mechanisme: 'mechanisme',
  wie: 'wie',
  wanneer: 'uiterlijk',
  wet: 'betaald uit',
  bron: 'bron',
};

const VALUES: Record<string, Record<string, string>> = {
  status: { open: 'open', supported: 'ondersteund', rejected: 'verworpen' },
  mechanisme: {
    ontstaan: 'ontstaan',
    in_stand_houden: 'in stand houden',
    verergeren: 'verergeren',
    verminderen: 'verminderen',
  },
};

export function itemText(item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item ?? '');
  const fields = { ...(item as Record<string, unknown>) };
  delete fields.id;
  const mainKey = MAIN_KEYS.find((k) => typeof fields[k] === 'string');
  const main = mainKey ? String(fields[mainKey]) : '';
  if (mainKey) delete fields[mainKey];
  const rest = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => {
      if (k === 'klaar' && typeof v === 'boolean') return v ? 'klaar' : 'nog niet klaar';
      const value = typeof v === 'string' ? (VALUES[k]?.[v] ?? v) : JSON.stringify(v);
      return `${LABELS[k] ?? k}: ${value}`;
    });
  return [main, ...rest].filter((s) => s !== '').join(' — ');
}
