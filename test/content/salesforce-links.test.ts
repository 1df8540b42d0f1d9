// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { recordIdFromHref, recordIdOfLink } from '../../entrypoints/salesforce.content/links';
import { OPP_A } from './salesforce-fixture';

const BASE = 'https://acme.lightning.force.com/lightning/o/Opportunity/list';
const ID15 = OPP_A.slice(0, 15);

describe('record ids from links', () => {
  it('reads every record URL form, 15 or 18 characters, as the 18-character id', () => {
    for (const href of [
      `/lightning/r/Opportunity/${OPP_A}/view`,
      `/lightning/r/Opportunity/${ID15}/view`,
      `/lightning/r/${OPP_A}/view`,
      `/lightning/r/${ID15}/view`,
      `https://acme.lightning.force.com/lightning/r/${OPP_A}/view`,
      `/lightning/r/Opportunity/${ID15}/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000XyZabAAF%2Fview`,
      `/one/one.app#/sObject/${OPP_A}/view`,
      `/${ID15}`,
      `/${OPP_A}`,
    ]) {
      expect(recordIdFromHref(href, BASE), href).toBe(OPP_A);
    }
  });

  it('gives null for links that open no record, or another site', () => {
    for (const href of [
      null,
      '',
      '#',
      'javascript:void(0)',
      '/lightning/o/Opportunity/list',
      `/lightning/r/Opportunity/${OPP_A}/related/OpportunityContactRoles/view`,
      `/lightning/r/Opportunity/${OPP_A}/edit`,
      '/006?fcf=00B5g00000AbCdE',
      `https://evil.example/lightning/r/${OPP_A}/view`,
    ]) {
      expect(recordIdFromHref(href, BASE), String(href)).toBeNull();
    }
    expect(recordIdFromHref(`/lightning/r/${OPP_A}/view`, 'not a url')).toBeNull();
  });

  it('takes data-recordid only when the href names no record', () => {
    const link = document.createElement('a');
    link.setAttribute('href', 'javascript:void(0)');
    link.setAttribute('data-recordid', ID15);
    expect(recordIdOfLink(link, BASE)).toBe(OPP_A);
    link.setAttribute('href', '/lightning/r/0065g00000AbCdFAAV/view');
    expect(recordIdOfLink(link, BASE)).toBe('0065g00000AbCdFAAV');
    link.removeAttribute('href');
    link.setAttribute('data-recordid', 'not-an-id');
    expect(recordIdOfLink(link, BASE)).toBeNull();
  });
});
