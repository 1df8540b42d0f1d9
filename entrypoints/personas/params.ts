/** What `personas.html?…` asks for: a connection, a reporting level, a tab and a persona. All optional. */
import type { Level } from '../../components/personas/model';
import type { PersonasTab } from '../../components/personas/PersonasPage';

export interface PersonasParams {
  connectionId: string | null;
  level: Level;
  tab: PersonasTab;
  personaId: string | null;
}

/** Parses `?c=<connectionId>&level=org|team&team=<name>&tab=cards|details&persona=<id>`; anything else falls back to the defaults. */
export function parsePersonasParams(search: string): PersonasParams {
  const params = new URLSearchParams(search);
  const text = (name: string): string | null => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const team = text('team');
  return {
    connectionId: text('c'),
    level: params.get('level') === 'team' && team ? { level: 'team', team } : { level: 'org' },
    tab: params.get('tab') === 'details' ? 'details' : 'cards',
    personaId: text('persona'),
  };
}

/** The query string of a page state (defaults left out), for `history.replaceState`. */
export function personasSearch(state: PersonasParams): string {
  const params = new URLSearchParams();
  if (state.connectionId) params.set('c', state.connectionId);
  if (state.level.level === 'team') {
    params.set('level', 'team');
    params.set('team', state.level.team);
  }
  if (state.tab === 'details') params.set('tab', 'details');
  if (state.personaId) params.set('persona', state.personaId);
  const query = params.toString();
  return query ? `?${query}` : '';
}
