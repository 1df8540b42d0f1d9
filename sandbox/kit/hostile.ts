import type { Opportunity } from '../../lib/crm/opportunity';
import type { SandboxOrg } from '../../lib/sandbox/types';

/**
 * Hostile and odd records, planted in the served org so that every page and the extension
 * meet them: names carrying markup and script, quotes, bidirectional overrides, padding
 * and maximum lengths; an open deal without an amount and one without an account. They
 * go on the newest deals (the first rows of the list view) and on a few closed ones (the
 * training data). The edits are deterministic and listed in `HostileEdits`.
 */

/** Text that breaks a page that renders CRM text as HTML, or a template that evaluates it. */
export const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert("dealsight")</script>',
  `O'Brien & Sons "Q3" <b>bold</b>`,
  "{{constructor.constructor('alert(1)')()}}",
  'javascript:alert(1)',
  '\u202Egnp.exe\u202C Ünïcödé 数据 🚀',
  '   padded   name   ',
] as const;

/** Account names: markup with a different vector, and an ampersand with quotes. */
export const HOSTILE_ACCOUNT_TEXT = ['<svg onload=alert(1)> Holdings', `Smith & O'Neil "Best" <i>Co</i>`] as const;

/** Opportunity.Name holds at most 120 characters. */
const OPPORTUNITY_NAME_MAX = 120;

export interface HostileEdits {
  /** Opportunities whose names were replaced, by id, with the new name. */
  opportunityNames: Record<string, string>;
  /** Accounts whose names were replaced, by id, with the new name. */
  accountNames: Record<string, string>;
  /** Open opportunities left without an Amount. */
  nullAmount: string[];
  /** Open opportunities without an Account (a "private" opportunity). */
  noAccount: string[];
}

/** Edits `org` in place (the server passes its own copy) and says what changed. */
export function plantHostileRecords(org: SandboxOrg): HostileEdits {
  const edits: HostileEdits = { opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] };
  const open = org.opportunities.filter((o) => !o.isClosed).reverse();
  const closed = org.opportunities.filter((o) => o.isClosed).reverse();
  const used = new Set<string>();
  const take = (list: Opportunity[], index: number): Opportunity | undefined => {
    const o = list[index];
    if (o === undefined || used.has(o.id)) return undefined;
    used.add(o.id);
    return o;
  };

  // Newest open deals first (page one of the list view), then two closed ones.
  const targets = [take(open, 0), take(open, 1), take(open, 3), take(open, 5), take(open, 8), take(closed, 0), take(closed, 2)];
  const longTarget = take(open, 10);
  targets.forEach((o, i) => {
    if (o === undefined) return;
    const text = HOSTILE_TEXT[i % HOSTILE_TEXT.length] as string;
    const name = i === 0 ? `${text} ${o.name}` : i === 6 ? text : `${o.name} ${text}`;
    o.name = name.slice(0, OPPORTUNITY_NAME_MAX);
    edits.opportunityNames[o.id] = o.name;
  });
  if (longTarget !== undefined) {
    longTarget.name = `${longTarget.name} — ${'Very long opportunity name '.repeat(6)}`.slice(0, OPPORTUNITY_NAME_MAX);
    edits.opportunityNames[longTarget.id] = longTarget.name;
  }

  const accountTargets = [open[2], open[4]].map((o) => o?.account?.id).filter((id): id is string => id != null);
  [...new Set(accountTargets)].forEach((accountId, i) => {
    const account = org.accounts.find((a) => a.id === accountId);
    if (account === undefined) return;
    account.name = `${HOSTILE_ACCOUNT_TEXT[i % HOSTILE_ACCOUNT_TEXT.length] as string} ${account.name}`;
    edits.accountNames[account.id] = account.name;
    for (const o of org.opportunities) if (o.account?.id === account.id) o.account = { id: account.id, name: account.name };
  });

  const nullAmount = take(open, 6);
  if (nullAmount !== undefined) {
    nullAmount.amount = null;
    edits.nullAmount.push(nullAmount.id);
  }
  const noAccount = take(open, 7);
  if (noAccount !== undefined) {
    noAccount.account = null;
    // Without an account, nothing about the buyer's company is known.
    for (const key of ['industry', 'employees', 'revenue', 'country', 'state']) noAccount.attributes[key] = null;
    edits.noAccount.push(noAccount.id);
  }
  return edits;
}
