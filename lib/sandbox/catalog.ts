/**
 * The sandbox org's vocabulary, as data: industries, countries and their regions, name
 * pools, buyer titles, lead sources and the product line. Generators draw from these
 * lists; nothing here is random. Values follow Salesforce's standard picklists where one
 * exists (Industry, LeadSource, OpportunityContactRole.Role) so that a sandbox export
 * looks like a real org's and exercises the same import paths.
 */

export const TERRITORIES = ['NA East', 'NA West', 'EMEA', 'APAC'] as const;
export type Territory = (typeof TERRITORIES)[number];

export interface IndustryInfo {
  name: string;
  /** Relative share among accounts that match no persona. */
  weight: number;
  /** Typical annual revenue per employee in USD, for a plausible Annual Revenue. */
  revenuePerEmployee: number;
  /** Multiplies the typical head count: hospitality is big, consulting is small. */
  sizeFactor: number;
  /** What companies of the industry call themselves ("Northbrook Health System"). */
  nouns: readonly string[];
}

export const INDUSTRIES: readonly IndustryInfo[] = [
  { name: 'Technology', weight: 14, revenuePerEmployee: 300_000, sizeFactor: 0.7, nouns: ['Software', 'Systems', 'Technologies', 'Labs', 'Digital', 'Networks'] },
  { name: 'Manufacturing', weight: 12, revenuePerEmployee: 250_000, sizeFactor: 1.3, nouns: ['Manufacturing', 'Industries', 'Precision', 'Components', 'Fabrication', 'Machine Works'] },
  { name: 'Healthcare', weight: 10, revenuePerEmployee: 150_000, sizeFactor: 1.4, nouns: ['Health', 'Health System', 'Medical Group', 'Clinics', 'Care', 'Healthcare'] },
  { name: 'Retail', weight: 8, revenuePerEmployee: 200_000, sizeFactor: 1.6, nouns: ['Retail', 'Stores', 'Outfitters', 'Market', 'Home & Garden', 'Brands'] },
  { name: 'Banking', weight: 6, revenuePerEmployee: 400_000, sizeFactor: 1.5, nouns: ['Bank', 'Bancorp', 'Financial', 'Savings Bank', 'Capital'] },
  { name: 'Insurance', weight: 5, revenuePerEmployee: 450_000, sizeFactor: 1.3, nouns: ['Insurance', 'Assurance', 'Mutual', 'Underwriters'] },
  { name: 'Consulting', weight: 7, revenuePerEmployee: 180_000, sizeFactor: 0.5, nouns: ['Consulting', 'Partners', 'Advisory', 'Associates'] },
  { name: 'Transportation', weight: 6, revenuePerEmployee: 220_000, sizeFactor: 1.2, nouns: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Lines'] },
  { name: 'Energy', weight: 4, revenuePerEmployee: 700_000, sizeFactor: 1.2, nouns: ['Energy', 'Power', 'Renewables', 'Resources'] },
  { name: 'Telecommunications', weight: 4, revenuePerEmployee: 450_000, sizeFactor: 1.5, nouns: ['Telecom', 'Communications', 'Connect', 'Networks'] },
  { name: 'Media', weight: 4, revenuePerEmployee: 300_000, sizeFactor: 0.8, nouns: ['Media', 'Studios', 'Publishing', 'Broadcasting'] },
  { name: 'Hospitality', weight: 4, revenuePerEmployee: 80_000, sizeFactor: 1.7, nouns: ['Hotels', 'Hospitality', 'Resorts', 'Restaurant Group'] },
  { name: 'Education', weight: 5, revenuePerEmployee: 120_000, sizeFactor: 1.1, nouns: ['Learning', 'Academy', 'Education Group', 'College'] },
  { name: 'Biotechnology', weight: 4, revenuePerEmployee: 350_000, sizeFactor: 0.8, nouns: ['Bio', 'Biosciences', 'Therapeutics', 'Pharma'] },
  { name: 'Food & Beverage', weight: 4, revenuePerEmployee: 250_000, sizeFactor: 1.2, nouns: ['Foods', 'Brewing', 'Beverages', 'Provisions'] },
  { name: 'Construction', weight: 3, revenuePerEmployee: 260_000, sizeFactor: 1.0, nouns: ['Construction', 'Builders', 'Engineering', 'Contractors'] },
];

export type NamePoolKey =
  | 'anglo'
  | 'hispanic'
  | 'german'
  | 'french'
  | 'dutch'
  | 'italian'
  | 'nordic'
  | 'polish'
  | 'japanese'
  | 'korean'
  | 'chinese'
  | 'southAsian'
  | 'arabic'
  | 'southernAfrican';

/** A state or province, with its share of the country's accounts. */
export interface RegionInfo {
  name: string;
  weight: number;
  /** Where North America is split between two sales territories. */
  territory?: Territory;
}

export interface CountryInfo {
  /** As Salesforce's country picklist spells it. */
  name: string;
  territory: Territory;
  /** Relative share among accounts that match no persona. */
  weight: number;
  /** Empty where the country has no state-level billing address (Singapore). */
  regions: readonly RegionInfo[];
  legalSuffixes: readonly string[];
  /** Which name pools its people's names come from, with weights. */
  names: readonly (readonly [NamePoolKey, number])[];
}

export const COUNTRIES: readonly CountryInfo[] = [
  {
    name: 'United States',
    territory: 'NA East',
    weight: 46,
    regions: [
      { name: 'New York', weight: 10, territory: 'NA East' },
      { name: 'Massachusetts', weight: 5, territory: 'NA East' },
      { name: 'Pennsylvania', weight: 5, territory: 'NA East' },
      { name: 'New Jersey', weight: 4, territory: 'NA East' },
      { name: 'Florida', weight: 7, territory: 'NA East' },
      { name: 'Georgia', weight: 4, territory: 'NA East' },
      { name: 'North Carolina', weight: 4, territory: 'NA East' },
      { name: 'Virginia', weight: 4, territory: 'NA East' },
      { name: 'Ohio', weight: 4, territory: 'NA East' },
      { name: 'Illinois', weight: 6, territory: 'NA East' },
      { name: 'Michigan', weight: 3, territory: 'NA East' },
      { name: 'Maryland', weight: 2, territory: 'NA East' },
      { name: 'Connecticut', weight: 2, territory: 'NA East' },
      { name: 'Tennessee', weight: 2, territory: 'NA East' },
      { name: 'Minnesota', weight: 2, territory: 'NA East' },
      { name: 'California', weight: 14, territory: 'NA West' },
      { name: 'Texas', weight: 9, territory: 'NA West' },
      { name: 'Washington', weight: 4, territory: 'NA West' },
      { name: 'Colorado', weight: 3, territory: 'NA West' },
      { name: 'Oregon', weight: 2, territory: 'NA West' },
      { name: 'Arizona', weight: 2, territory: 'NA West' },
      { name: 'Utah', weight: 2, territory: 'NA West' },
      { name: 'Nevada', weight: 1, territory: 'NA West' },
    ],
    legalSuffixes: ['Inc.', 'LLC', 'Corp.', 'Inc.', 'Group'],
    names: [['anglo', 62], ['hispanic', 16], ['southAsian', 8], ['chinese', 6], ['korean', 3], ['southernAfrican', 1], ['italian', 2], ['german', 2]],
  },
  {
    name: 'Canada',
    territory: 'NA East',
    weight: 6,
    regions: [
      { name: 'Ontario', weight: 5, territory: 'NA East' },
      { name: 'Quebec', weight: 3, territory: 'NA East' },
      { name: 'Nova Scotia', weight: 0.5, territory: 'NA East' },
      { name: 'British Columbia', weight: 2, territory: 'NA West' },
      { name: 'Alberta', weight: 2, territory: 'NA West' },
    ],
    legalSuffixes: ['Inc.', 'Ltd.', 'Corp.'],
    names: [['anglo', 65], ['french', 20], ['chinese', 7], ['southAsian', 8]],
  },
  {
    name: 'United Kingdom',
    territory: 'EMEA',
    weight: 9,
    regions: [
      { name: 'England', weight: 8 },
      { name: 'Scotland', weight: 1.2 },
      { name: 'Wales', weight: 0.5 },
      { name: 'Northern Ireland', weight: 0.3 },
    ],
    legalSuffixes: ['Ltd', 'plc', 'Group', 'Ltd'],
    names: [['anglo', 82], ['southAsian', 10], ['southernAfrican', 3], ['polish', 2], ['italian', 3]],
  },
  {
    name: 'Germany',
    territory: 'EMEA',
    weight: 7,
    regions: [
      { name: 'Bavaria', weight: 3 },
      { name: 'Baden-Württemberg', weight: 3 },
      { name: 'North Rhine-Westphalia', weight: 4 },
      { name: 'Hesse', weight: 2 },
      { name: 'Berlin', weight: 1.5 },
      { name: 'Hamburg', weight: 1.5 },
      { name: 'Lower Saxony', weight: 1.5 },
    ],
    legalSuffixes: ['GmbH', 'AG', 'GmbH', 'SE'],
    names: [['german', 90], ['polish', 4], ['italian', 3], ['arabic', 3]],
  },
  {
    name: 'France',
    territory: 'EMEA',
    weight: 4,
    regions: [
      { name: 'Île-de-France', weight: 5 },
      { name: 'Auvergne-Rhône-Alpes', weight: 2 },
      { name: "Provence-Alpes-Côte d'Azur", weight: 1 },
      { name: 'Occitanie', weight: 1 },
      { name: 'Hauts-de-France', weight: 1 },
      { name: 'Nouvelle-Aquitaine', weight: 1 },
    ],
    legalSuffixes: ['SAS', 'SA', 'SAS'],
    names: [['french', 90], ['arabic', 6], ['italian', 4]],
  },
  {
    name: 'Netherlands',
    territory: 'EMEA',
    weight: 3,
    regions: [
      { name: 'North Holland', weight: 3 },
      { name: 'South Holland', weight: 2 },
      { name: 'Utrecht', weight: 1 },
      { name: 'North Brabant', weight: 1.5 },
    ],
    legalSuffixes: ['B.V.', 'N.V.', 'B.V.'],
    names: [['dutch', 92], ['anglo', 4], ['arabic', 4]],
  },
  {
    name: 'Ireland',
    territory: 'EMEA',
    weight: 1.5,
    regions: [
      { name: 'Dublin', weight: 4 },
      { name: 'Cork', weight: 1 },
      { name: 'Galway', weight: 0.5 },
    ],
    legalSuffixes: ['Ltd', 'DAC'],
    names: [['anglo', 92], ['polish', 4], ['southAsian', 4]],
  },
  {
    name: 'Spain',
    territory: 'EMEA',
    weight: 2,
    regions: [
      { name: 'Madrid', weight: 3 },
      { name: 'Catalonia', weight: 3 },
      { name: 'Valencia', weight: 1 },
      { name: 'Andalusia', weight: 1 },
      { name: 'Basque Country', weight: 1 },
    ],
    legalSuffixes: ['S.L.', 'S.A.'],
    names: [['hispanic', 96], ['arabic', 4]],
  },
  {
    name: 'Italy',
    territory: 'EMEA',
    weight: 2,
    regions: [
      { name: 'Lombardy', weight: 4 },
      { name: 'Lazio', weight: 2 },
      { name: 'Piedmont', weight: 1.5 },
      { name: 'Emilia-Romagna', weight: 1.5 },
      { name: 'Veneto', weight: 1.5 },
    ],
    legalSuffixes: ['S.p.A.', 'S.r.l.'],
    names: [['italian', 100]],
  },
  {
    name: 'Sweden',
    territory: 'EMEA',
    weight: 1.5,
    regions: [
      { name: 'Stockholm County', weight: 4 },
      { name: 'Västra Götaland', weight: 2 },
      { name: 'Skåne', weight: 1.5 },
    ],
    legalSuffixes: ['AB'],
    names: [['nordic', 92], ['arabic', 4], ['polish', 4]],
  },
  {
    name: 'Switzerland',
    territory: 'EMEA',
    weight: 1.5,
    regions: [
      { name: 'Zürich', weight: 3 },
      { name: 'Geneva', weight: 1.5 },
      { name: 'Basel-Stadt', weight: 1 },
      { name: 'Bern', weight: 1 },
      { name: 'Vaud', weight: 1 },
    ],
    legalSuffixes: ['AG', 'SA', 'GmbH'],
    names: [['german', 60], ['french', 28], ['italian', 12]],
  },
  {
    name: 'Poland',
    territory: 'EMEA',
    weight: 1,
    regions: [
      { name: 'Masovian', weight: 3 },
      { name: 'Lesser Poland', weight: 1.5 },
      { name: 'Lower Silesian', weight: 1.5 },
      { name: 'Pomeranian', weight: 1 },
    ],
    legalSuffixes: ['sp. z o.o.', 'S.A.'],
    names: [['polish', 100]],
  },
  {
    name: 'United Arab Emirates',
    territory: 'EMEA',
    weight: 1,
    regions: [
      { name: 'Dubai', weight: 3 },
      { name: 'Abu Dhabi', weight: 2 },
    ],
    legalSuffixes: ['LLC', 'FZ-LLC'],
    names: [['arabic', 70], ['southAsian', 20], ['anglo', 10]],
  },
  {
    name: 'South Africa',
    territory: 'EMEA',
    weight: 1,
    regions: [
      { name: 'Gauteng', weight: 3 },
      { name: 'Western Cape', weight: 2 },
      { name: 'KwaZulu-Natal', weight: 1 },
    ],
    legalSuffixes: ['(Pty) Ltd'],
    names: [['southernAfrican', 60], ['anglo', 30], ['southAsian', 10]],
  },
  {
    name: 'Australia',
    territory: 'APAC',
    weight: 5,
    regions: [
      { name: 'New South Wales', weight: 4 },
      { name: 'Victoria', weight: 3.5 },
      { name: 'Queensland', weight: 2 },
      { name: 'Western Australia', weight: 1.5 },
      { name: 'South Australia', weight: 0.7 },
    ],
    legalSuffixes: ['Pty Ltd'],
    names: [['anglo', 78], ['chinese', 10], ['southAsian', 6], ['italian', 6]],
  },
  {
    name: 'New Zealand',
    territory: 'APAC',
    weight: 1,
    regions: [
      { name: 'Auckland', weight: 3 },
      { name: 'Wellington', weight: 1.5 },
      { name: 'Canterbury', weight: 1 },
    ],
    legalSuffixes: ['Limited', 'Ltd'],
    names: [['anglo', 88], ['chinese', 7], ['southAsian', 5]],
  },
  {
    name: 'Japan',
    territory: 'APAC',
    weight: 3,
    regions: [
      { name: 'Tokyo', weight: 6 },
      { name: 'Osaka', weight: 2.5 },
      { name: 'Kanagawa', weight: 1.5 },
      { name: 'Aichi', weight: 1.5 },
      { name: 'Fukuoka', weight: 0.8 },
    ],
    legalSuffixes: ['K.K.', 'Co., Ltd.'],
    names: [['japanese', 100]],
  },
  {
    name: 'Singapore',
    territory: 'APAC',
    weight: 2,
    regions: [],
    legalSuffixes: ['Pte. Ltd.'],
    names: [['chinese', 70], ['southAsian', 15], ['anglo', 15]],
  },
  {
    name: 'India',
    territory: 'APAC',
    weight: 2.5,
    regions: [
      { name: 'Karnataka', weight: 3 },
      { name: 'Maharashtra', weight: 3 },
      { name: 'Delhi', weight: 2 },
      { name: 'Tamil Nadu', weight: 1.5 },
      { name: 'Telangana', weight: 1.5 },
      { name: 'Haryana', weight: 1 },
    ],
    legalSuffixes: ['Pvt. Ltd.', 'Ltd.'],
    names: [['southAsian', 100]],
  },
  {
    name: 'South Korea',
    territory: 'APAC',
    weight: 1,
    regions: [
      { name: 'Seoul', weight: 4 },
      { name: 'Gyeonggi', weight: 2 },
      { name: 'Busan', weight: 1 },
    ],
    legalSuffixes: ['Co., Ltd.'],
    names: [['korean', 100]],
  },
];

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

/** Given names are balanced between women and men; surnames are common in each culture. */
export const NAME_POOLS: Readonly<Record<NamePoolKey, NamePool>> = {
  anglo: {
    first: [
      'Emma', 'Olivia', 'Sophia', 'Ava', 'Charlotte', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily', 'Grace', 'Chloe',
      'Hannah', 'Lily', 'Madison', 'Natalie', 'Rachel', 'Sarah', 'Laura', 'Megan', 'Katherine', 'Jessica', 'Jennifer',
      'Michelle', 'Rebecca', 'Claire', 'Lucy', 'Alice', 'Fiona', 'Siobhan', 'Liam', 'Noah', 'Oliver', 'James', 'William',
      'Benjamin', 'Lucas', 'Henry', 'Alexander', 'Daniel', 'Matthew', 'Michael', 'David', 'Andrew', 'Ryan', 'Nathan',
      'Thomas', 'Christopher', 'Samuel', 'Jack', 'Ethan', 'Owen', 'Connor', 'Patrick', 'Jonathan', 'Mark', 'Brian',
      'Kevin', 'Scott', 'Eric', 'Marcus', 'Andre', 'Jasmine', 'Aaliyah',
    ],
    last: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
      'Moore', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Hall', 'Allen', 'Young',
      'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter',
      'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers',
      'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Richardson', 'Wood', 'Watson',
      'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Foster', 'Fitzgerald', "O'Brien", 'Sullivan',
      'Gallagher', 'McKenzie', 'Fraser', 'MacLeod', 'Washington', 'Jackson',
    ],
  },
  hispanic: {
    first: [
      'Sofía', 'Valentina', 'Camila', 'Lucía', 'Mariana', 'Daniela', 'Gabriela', 'Isabel', 'Carmen', 'Ana', 'Elena',
      'Paula', 'Marta', 'Alejandro', 'Carlos', 'Diego', 'Javier', 'Luis', 'Miguel', 'Mateo', 'Santiago', 'Andrés',
      'Fernando', 'Pablo', 'Ricardo', 'Jorge', 'Rafael',
    ],
    last: [
      'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
      'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Reyes', 'Cruz', 'Ortiz', 'Gutiérrez', 'Castillo', 'Romero',
      'Navarro', 'Herrera', 'Medina', 'Vargas', 'Ruiz', 'Jiménez', 'Moreno', 'Álvarez', 'Domínguez',
    ],
  },
  german: {
    first: [
      'Anna', 'Lena', 'Marie', 'Sophie', 'Laura', 'Julia', 'Katharina', 'Johanna', 'Lea', 'Hannah', 'Clara', 'Franziska',
      'Miriam', 'Maximilian', 'Alexander', 'Paul', 'Lukas', 'Felix', 'Jonas', 'Leon', 'Tobias', 'Sebastian', 'Florian',
      'Stefan', 'Matthias', 'Andreas', 'Jan', 'Niklas',
    ],
    last: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch',
      'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann',
      'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Maier', 'Huber',
    ],
  },
  french: {
    first: [
      'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Juliette', 'Louise', 'Claire', 'Élodie', 'Mathilde', 'Margaux',
      'Aurélie', 'Céline', 'Hugo', 'Lucas', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Antoine', 'Nicolas', 'Julien',
      'Mathieu', 'Pierre', 'Théo', 'Maxime', 'Romain',
    ],
    last: [
      'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
      'Laurent', 'Lefebvre', 'Michel', 'Garnier', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
      'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Mercier', 'Blanc', 'Faure',
    ],
  },
  dutch: {
    first: [
      'Sanne', 'Lotte', 'Eva', 'Anouk', 'Femke', 'Iris', 'Lieke', 'Fleur', 'Marloes', 'Daan', 'Sem', 'Bram', 'Lars',
      'Ruben', 'Thijs', 'Jeroen', 'Maarten', 'Pieter', 'Joost',
    ],
    last: [
      'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
      'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
    ],
  },
  italian: {
    first: [
      'Giulia', 'Sofia', 'Martina', 'Chiara', 'Francesca', 'Alessia', 'Sara', 'Valentina', 'Elena', 'Federica', 'Marco',
      'Luca', 'Alessandro', 'Matteo', 'Lorenzo', 'Andrea', 'Francesco', 'Giovanni', 'Davide', 'Stefano', 'Simone',
      'Riccardo',
    ],
    last: [
      'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno',
      'Gallo', 'Conti', 'De Luca', 'Costa', 'Giordano', 'Mancini', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana',
    ],
  },
  nordic: {
    first: [
      'Elsa', 'Alice', 'Maja', 'Astrid', 'Ebba', 'Linnea', 'Ingrid', 'Klara', 'Sigrid', 'Emil', 'Oscar', 'Erik', 'Axel',
      'Gustav', 'Johan', 'Anders', 'Magnus', 'Henrik', 'Fredrik', 'Nils',
    ],
    last: [
      'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
      'Gustafsson', 'Lindberg', 'Lindqvist', 'Bergström', 'Holm', 'Sandberg', 'Lundgren', 'Ekström', 'Nyström',
    ],
  },
  polish: {
    first: [
      'Zofia', 'Maja', 'Julia', 'Aleksandra', 'Natalia', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Jakub', 'Kacper',
      'Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Michał', 'Marcin', 'Łukasz',
    ],
    last: [
      'Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek', 'Pawlak', 'Michalak', 'Sikora',
      'Baran', 'Szymczak', 'Walczak',
    ],
  },
  japanese: {
    first: [
      'Yuki', 'Haruka', 'Aoi', 'Sakura', 'Yui', 'Mei', 'Hina', 'Emi', 'Naoko', 'Keiko', 'Hiroshi', 'Takeshi', 'Kenji',
      'Daiki', 'Haruto', 'Ren', 'Sota', 'Yuto', 'Kazuki', 'Shota', 'Takumi',
    ],
    last: [
      'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida',
      'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori',
    ],
  },
  korean: {
    first: [
      'Ji-woo', 'Seo-yeon', 'Min-ji', 'Ha-eun', 'Soo-ah', 'Ji-min', 'Min-jun', 'Seo-jun', 'Do-yun', 'Ji-ho',
      'Joon-young', 'Hyun-woo', 'Sung-min', 'Jae-won',
    ],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
  },
  chinese: {
    first: [
      'Wei', 'Mei Ling', 'Xin Yi', 'Hui Min', 'Li Na', 'Jia Hui', 'Yan', 'Jun Jie', 'Zhi Hao', 'Wen Jie', 'Kai Wen',
      'Jian', 'Ming', 'Hao',
    ],
    last: ['Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Chen', 'Goh', 'Chua', 'Ong', 'Koh', 'Teo', 'Chong', 'Zhang', 'Liu', 'Wang'],
  },
  southAsian: {
    first: [
      'Priya', 'Ananya', 'Kavya', 'Divya', 'Neha', 'Pooja', 'Sneha', 'Meera', 'Lakshmi', 'Shreya', 'Aarav', 'Arjun',
      'Vikram', 'Rahul', 'Rohan', 'Aditya', 'Karthik', 'Sanjay', 'Rajesh', 'Amit', 'Nikhil', 'Siddharth', 'Vivek',
    ],
    last: [
      'Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Mehta', 'Shah', 'Joshi', 'Menon',
      'Agarwal', 'Chatterjee', 'Banerjee', 'Pillai', 'Desai', 'Kapoor', 'Malhotra',
    ],
  },
  arabic: {
    first: [
      'Fatima', 'Mariam', 'Aisha', 'Noura', 'Layla', 'Huda', 'Yasmin', 'Rania', 'Mohammed', 'Ahmed', 'Omar', 'Khalid',
      'Yousef', 'Hassan', 'Ali', 'Saeed', 'Rashid', 'Tariq',
    ],
    last: [
      'Al Mansoori', 'Al Hashimi', 'Al Nuaimi', 'Haddad', 'Khoury', 'Nasser', 'Saleh', 'Rahman', 'Farouk', 'Aziz',
      'Hamdan', 'Al Suwaidi', 'Mansour', 'Darwish',
    ],
  },
  southernAfrican: {
    first: [
      'Thandiwe', 'Naledi', 'Lerato', 'Nomvula', 'Zanele', 'Amahle', 'Palesa', 'Sipho', 'Thabo', 'Bongani', 'Themba',
      'Kagiso', 'Lwazi', 'Tshepo',
    ],
    last: [
      'Nkosi', 'Dlamini', 'Ndlovu', 'Khumalo', 'Mokoena', 'Mahlangu', 'Molefe', 'Naidoo', 'Botha', 'van der Merwe',
      'Pillay', 'Mthembu', 'Sithole', 'Maseko',
    ],
  },
};

/**
 * Single-word company names, and the parts of compound ones ("Silver" + "brook"). Chosen
 * to read as plausible, neutral brands in any market; a real company of the same name
 * would be a coincidence.
 */
export const COMPANY_WORDS: readonly string[] = [
  'Meridian', 'Vertex', 'Lumen', 'Halcyon', 'Beacon', 'Keystone', 'Sterling', 'Summit', 'Pinnacle', 'Horizon',
  'Crescent', 'Evergreen', 'Bluewater', 'Northstar', 'Clearview', 'Redwood', 'Ironwood', 'Cobalt', 'Granite', 'Harbor',
  'Atlas', 'Orion', 'Polaris', 'Aurora', 'Sequoia', 'Cascade', 'Solstice', 'Juniper', 'Larkspur', 'Marigold',
  'Tidewater', 'Windward', 'Fairhaven', 'Highland', 'Lakeshore', 'Riverbend', 'Ashford', 'Kingsley', 'Whitmore',
  'Hollis', 'Bramwell', 'Carrow', 'Delmont', 'Elmstead', 'Fernhill', 'Glenmore', 'Hartwell', 'Kestrel', 'Linden',
  'Norland', 'Penrose', 'Radley', 'Thornbury', 'Upland', 'Wexford', 'Yardley', 'Zephyr', 'Nimbus', 'Vector', 'Helix',
  'Optima', 'Praxis', 'Prisma', 'Catalyst', 'Fulcrum', 'Lattice', 'Alder', 'Arbor', 'Corvara', 'Dunmore', 'Everton',
  'Falcon', 'Galena', 'Heron', 'Ivory', 'Jasper', 'Kinsale', 'Lyric', 'Mosaic', 'Noble', 'Onyx', 'Paragon', 'Quill',
  'Regent', 'Sable', 'Tamarack', 'Umber', 'Verity', 'Willow', 'Argent', 'Brightline', 'Caldera', 'Dovetail', 'Ember',
  'Foxglove', 'Greystone', 'Hawthorn', 'Indigo', 'Kingfisher', 'Lodestar', 'Monarch', 'Northwind', 'Oakmont',
];

export const COMPANY_PREFIXES: readonly string[] = [
  'North', 'South', 'East', 'West', 'Silver', 'Blue', 'Green', 'Stone', 'River', 'Lake', 'Oak', 'Pine', 'Cedar',
  'Maple', 'Elm', 'Ash', 'Bright', 'Clear', 'High', 'Fair', 'Spring', 'Summer', 'Sun', 'Star', 'Iron', 'Copper',
  'Golden', 'Bay', 'Hazel', 'Rose',
];

export const COMPANY_SUFFIXES: readonly string[] = [
  'brook', 'field', 'gate', 'ridge', 'wood', 'stone', 'haven', 'point', 'view', 'water', 'vale', 'crest', 'bridge',
  'ford', 'mont', 'wick', 'mere', 'dale',
];

export type Seniority = 'executive' | 'vp' | 'director' | 'manager';

export interface BuyerTitleInfo {
  title: string;
  seniority: Seniority;
  /** Relative share among buyers when nothing else decides. */
  weight: number;
}

export const BUYER_TITLES: readonly BuyerTitleInfo[] = [
  { title: 'CEO', seniority: 'executive', weight: 2 },
  { title: 'CFO', seniority: 'executive', weight: 4 },
  { title: 'CIO', seniority: 'executive', weight: 4 },
  { title: 'CTO', seniority: 'executive', weight: 3 },
  { title: 'COO', seniority: 'executive', weight: 2 },
  { title: 'Chief Digital Officer', seniority: 'executive', weight: 2 },
  { title: 'Chief Information Security Officer', seniority: 'executive', weight: 2 },
  { title: 'VP Operations', seniority: 'vp', weight: 5 },
  { title: 'VP Finance', seniority: 'vp', weight: 3 },
  { title: 'VP Engineering', seniority: 'vp', weight: 3 },
  { title: 'VP Sales', seniority: 'vp', weight: 3 },
  { title: 'VP Marketing', seniority: 'vp', weight: 2 },
  { title: 'VP Supply Chain', seniority: 'vp', weight: 2 },
  { title: 'VP Customer Success', seniority: 'vp', weight: 2 },
  { title: 'Director of IT', seniority: 'director', weight: 7 },
  { title: 'Director of Operations', seniority: 'director', weight: 5 },
  { title: 'Director of Finance', seniority: 'director', weight: 3 },
  { title: 'Director of Engineering', seniority: 'director', weight: 3 },
  { title: 'Director of Data & Analytics', seniority: 'director', weight: 3 },
  { title: 'Director of Security', seniority: 'director', weight: 2 },
  { title: 'Head of Data', seniority: 'director', weight: 3 },
  { title: 'Head of Procurement', seniority: 'director', weight: 3 },
  { title: 'IT Manager', seniority: 'manager', weight: 5 },
  { title: 'Operations Manager', seniority: 'manager', weight: 4 },
  { title: 'Procurement Manager', seniority: 'manager', weight: 3 },
  { title: 'Business Systems Manager', seniority: 'manager', weight: 2 },
];

/** OpportunityContactRole.Role values, and how often each seniority holds them. */
export const CONTACT_ROLES_BY_SENIORITY: Readonly<Record<Seniority, readonly (readonly [string, number])[]>> = {
  executive: [['Economic Buyer', 5], ['Executive Sponsor', 3], ['Decision Maker', 2]],
  vp: [['Decision Maker', 5.5], ['Economic Buyer', 2], ['Executive Sponsor', 2.5]],
  director: [['Decision Maker', 3.5], ['Evaluator', 3], ['Technical Buyer', 2.5], ['Influencer', 1]],
  manager: [['Evaluator', 4], ['Influencer', 3], ['Business User', 2], ['Technical Buyer', 1]],
};

/** LeadSource values for a first deal with an account, with their shares. */
export const NEW_BUSINESS_LEAD_SOURCES: readonly (readonly [string, number])[] = [
  ['Web', 26],
  ['Outbound', 22],
  ['Partner Referral', 12],
  ['Trade Show', 10],
  ['Phone Inquiry', 9],
  ['Webinar', 7],
  ['Advertisement', 6],
  ['Employee Referral', 5],
];

/** Lead source of most deals with a customer: the org's own value for "already ours". */
export const EXISTING_CUSTOMER_LEAD_SOURCE = 'Existing Customer';

export interface ProductInfo {
  name: string;
  family: string;
  code: string;
  /** Annual list price in USD for a company of about 500 employees. */
  listPrice: number;
  /** Relative share as the first product a new customer buys; 0 = never sold first. */
  newBusinessWeight: number;
  /** Buyers who usually sign for it: the title of a typical deal's primary contact. */
  buyerTitles: readonly string[];
}

export const PRODUCTS: readonly ProductInfo[] = [
  { name: 'Platform', family: 'Core Platform', code: 'PLT-ENT', listPrice: 42_000, newBusinessWeight: 30, buyerTitles: ['VP Operations', 'CIO', 'COO', 'Director of Operations'] },
  { name: 'Analytics Cloud', family: 'Analytics', code: 'ANL-CLD', listPrice: 28_000, newBusinessWeight: 20, buyerTitles: ['Head of Data', 'Director of Data & Analytics', 'CFO', 'VP Finance'] },
  { name: 'Integration Hub', family: 'Integration', code: 'INT-HUB', listPrice: 22_000, newBusinessWeight: 16, buyerTitles: ['Director of IT', 'CTO', 'IT Manager', 'Business Systems Manager'] },
  { name: 'Workflow Automation', family: 'Automation', code: 'WFA-STD', listPrice: 18_000, newBusinessWeight: 18, buyerTitles: ['VP Operations', 'Operations Manager', 'Chief Digital Officer', 'VP Supply Chain'] },
  { name: 'Security & Compliance', family: 'Security', code: 'SEC-CMP', listPrice: 24_000, newBusinessWeight: 12, buyerTitles: ['Chief Information Security Officer', 'Director of Security', 'CIO', 'CTO'] },
  { name: 'Data Connectors', family: 'Integration', code: 'INT-CON', listPrice: 9_000, newBusinessWeight: 0, buyerTitles: ['IT Manager', 'Director of IT', 'Head of Data'] },
  { name: 'Premier Support', family: 'Services', code: 'SVC-PRM', listPrice: 12_000, newBusinessWeight: 0, buyerTitles: ['Director of IT', 'VP Customer Success', 'Procurement Manager'] },
  { name: 'Professional Services', family: 'Services', code: 'SVC-PRO', listPrice: 15_000, newBusinessWeight: 0, buyerTitles: ['Director of Operations', 'Director of IT', 'Head of Procurement'] },
];

/** Rough units per USD, so that amounts in another currency keep their usual magnitude. */
export const USD_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  CAD: 1.36,
  AUD: 1.52,
  NZD: 1.65,
  CHF: 0.88,
  SEK: 10.5,
  NOK: 10.7,
  DKK: 6.9,
  PLN: 4.0,
  JPY: 150,
  KRW: 1_350,
  INR: 83,
  SGD: 1.35,
  AED: 3.67,
  ZAR: 18.5,
  BRL: 5.0,
  MXN: 17,
  CNY: 7.2,
};
