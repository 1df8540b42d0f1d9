import { describe, expect, it } from 'vitest';
import { APOLLO_SENIORITIES, senioritiesOf, seniorityOf } from '../../lib/leads/seniority';

describe('seniorityOf', () => {
  const table: Array<[string, string | null]> = [
    ['Owner', 'owner'],
    ['Co-Owner & CEO', 'owner'],
    ['Founder & CEO', 'founder'],
    ['Co-founder', 'founder'],
    ['CEO', 'c_suite'],
    ['CFO', 'c_suite'],
    ['CISO', 'c_suite'],
    ['Chief Digital Officer', 'c_suite'],
    ['Chief Information Security Officer', 'c_suite'],
    ['President', 'c_suite'],
    ['Chairman of the Board', 'c_suite'],
    ['Managing Partner', 'partner'],
    ['Partner', 'partner'],
    ['VP Operations', 'vp'],
    ['SVP, Finance', 'vp'],
    ['Vice President of Sales', 'vp'],
    ['Assistant Vice President', 'vp'],
    ['V.P. Marketing', 'vp'],
    ['Head of Data', 'head'],
    ['Director of IT', 'director'],
    ['Senior Director, Engineering', 'director'],
    ['Managing Director', 'director'],
    ['Associate Director', 'director'],
    ['IT Manager', 'manager'],
    ['Sr. Manager, Procurement', 'manager'],
    ['Channel Partner Manager', 'manager'],
    ['Senior Software Engineer', 'senior'],
    ['Principal Consultant', 'senior'],
    ['Team Lead', 'senior'],
    ['Financial Analyst', 'entry'],
    ['Junior Developer', 'entry'],
    ['Sales Representative', 'entry'],
    ['Marketing Intern', 'intern'],
    ['Analyst Intern', 'intern'],
    ['Internal Audit Manager', 'manager'],
    ['Product Owner', null],
    ['Chief of Staff', null],
    ['Buyer', null],
    ['Engineer', null],
  ];
  it.each(table)('%s → %s', (title, expected) => {
    expect(seniorityOf(title)).toBe(expected);
  });
});

describe('senioritiesOf', () => {
  it('lists distinct levels in Apollo order, most senior first, and skips unknown titles', () => {
    expect(senioritiesOf(['IT Manager', 'Director of IT', 'CTO', 'Director of Operations', 'Buyer'])).toEqual(['c_suite', 'director', 'manager']);
  });

  it('uses exactly the eleven values of Apollo people search', () => {
    expect(APOLLO_SENIORITIES).toEqual(['owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry', 'intern']);
  });
});
