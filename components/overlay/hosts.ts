/** Tag names of the hosts Dealsight inserts (design.md: one custom element per host, `dealsight-*`). */
export const HOSTS = {
  panel: 'dealsight-panel',
  chip: 'dealsight-chip',
} as const;
