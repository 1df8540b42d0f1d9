/**
 * What a job title looks like: at least one word that names a role, a function or a level.
 * A lead search's title filter must carry a title, never a person: a CSV column "Contact
 * Title" that holds "Jane Doe", or a CRM field that holds a champion's name, gives values
 * with none of these words, and they are left out (issue 14, "lead searches carry
 * attributes, never people"). Names cannot be recognised; titles can, because they are
 * built from a small vocabulary.
 *
 * The words: the seniority keywords of lib/leads/seniority.ts, the C-suite acronyms, and
 * the nouns of function and role found in job-title taxonomies (O*NET's occupation titles,
 * LinkedIn's and Apollo's title and department filters), lower case, singular.
 */
const ROLE_WORDS = new Set(
  (
    'owner proprietor founder cofounder co-founder chief president chair chairman chairwoman chairperson vice vp svp evp avp ' +
    'head director manager mgr partner principal lead senior sr junior jr associate assistant intern trainee graduate apprentice ' +
    'officer executive administrator admin analyst architect consultant advisor adviser specialist coordinator representative rep ' +
    'engineer developer programmer scientist researcher technician technologist designer editor writer producer strategist planner ' +
    'accountant auditor controller comptroller treasurer bookkeeper buyer purchaser procurement purchasing sourcing ' +
    'counsel attorney lawyer paralegal clerk secretary receptionist agent broker underwriter actuary economist statistician ' +
    'supervisor superintendent foreman operator inspector surveyor estimator dispatcher scheduler steward ' +
    'nurse physician doctor surgeon pharmacist therapist clinician dentist radiologist veterinarian paramedic ' +
    'teacher professor lecturer instructor tutor dean principal provost registrar librarian trainer coach educator ' +
    'recruiter sourcer generalist ambassador evangelist advocate liaison facilitator mediator ' +
    'superintendent commissioner councillor councilor mayor governor minister ' +
    'member trustee fellow board committee staff employee worker crew ' +
    'marketing sales operations finance financial it hr human resources people talent legal compliance security risk ' +
    'procurement supply chain logistics product project program programme engineering technology information data analytics ' +
    'digital innovation strategy transformation customer success support service services account accounts business development ' +
    'revenue growth partnerships alliances channel commercial communications public relations pr brand content design ux ' +
    'research quality facilities maintenance infrastructure network systems platform cloud devops software hardware ' +
    'payroll benefits tax audit investor relations administration office general gm md ceo cfo coo cio cto cmo cro cso ciso cdo chro cpo cco cao ' +
    'physician clinical medical nursing pharmacy laboratory lab manufacturing production plant warehouse fleet transportation ' +
    'store branch regional region area district territory national global international field inside outside enterprise ' +
    'key strategic major ' +
    // The same roles in the other languages CRM data here comes in (French, German, Spanish, Dutch).
    'directeur directrice responsable chef gérant gérante président présidente ingénieur conseiller conseillère chargé chargée ' +
    'geschäftsführer geschäftsführerin leiter leiterin vorstand direktor direktorin ingenieur ingenieurin berater beraterin referent referentin ' +
    'gerente jefe jefa presidente directora ingeniero ingeniera consultor consultora asesor asesora coordinador coordinadora ' +
    'directie hoofd manager adviseur bestuurder'
  ).split(/\s+/),
);

/** Words a title is split into: letters and digits, with inner hyphens and dots ("co-founder", "v.p."). */
function words(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{N}.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, '').replace(/\./g, ''))
    .filter(Boolean);
}

/** Whether a value reads as a job title: one of its words names a role, a function or a level. */
export function looksLikeTitle(value: string): boolean {
  return words(value).some((w) => ROLE_WORDS.has(w) || (w.endsWith('s') && ROLE_WORDS.has(w.slice(0, -1))));
}
