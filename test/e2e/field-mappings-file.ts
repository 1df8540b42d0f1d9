/**
 * A pipeline file with two columns known only at the close, as real exports carry them
 * (../shared/data/README.md: IBM's elapsed days in the last stage, X Education's fields
 * filled as a lead is worked): "Days In Last Stage", set aside by the importer for its
 * name, and "Competitor", named innocently but filled on closed deals only, which the
 * training's coverage check sets aside. Deterministic: the same text every run.
 */
export function fieldMappingsCsv(deals = 400): string {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const industries = ['Retail', 'Banking', 'Healthcare', 'Energy'];
  const rows = ['Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date,Industry,Competitor,Days In Last Stage'];
  for (let i = 0; i < deals; i++) {
    const industry = industries[i % industries.length] as string;
    const closed = i < deals * 0.75;
    // Industry carries an honest signal: Retail and Banking win more often.
    const won = closed && random() < (industry === 'Retail' || industry === 'Banking' ? 0.65 : 0.3);
    const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : random() < 0.5 ? 'Prospecting' : 'Negotiation';
    const month = 1 + (i % 12);
    const created = `2025-${String(month).padStart(2, '0')}-01`;
    const close = `${closed ? 2025 : 2026}-${String(month).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`;
    const competitor = closed ? ['Acme', 'Globex', 'Initech'][Math.floor(random() * 3)] : '';
    const days = closed ? String(won ? 3 + Math.floor(random() * 10) : 30 + Math.floor(random() * 40)) : '';
    rows.push(`OPP-${i},Deal ${i},${stage},${1000 + Math.floor(random() * 50_000)},${created},${close},${industry},${competitor},${days}`);
  }
  return rows.join('\n');
}
