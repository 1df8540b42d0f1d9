/**
 * Country and state names a lead search accepts (issue 14: a "country" or "state" field
 * that holds anything else, a person's name included, is not sent).
 *
 * Countries: every ISO 3166-1 alpha-2 code (https://www.iso.org/iso-3166-country-codes.html,
 * plus XK, Kosovo, in common use), named by the browser's own `Intl.DisplayNames` in English,
 * German, French and Spanish (the languages CRM exports here come in), the codes themselves
 * when written in capitals, and the other names people write ("USA", "UK", "Holland").
 * States and provinces: ISO 3166-2 subdivision names of the countries reps sell into most
 * often (US, CA, AU, GB, DE, FR, NL, IE, ES, IT, CH, PL, SE, AE, ZA, NZ, JP, IN, KR, MX, BR),
 * and the US, Canadian and Australian postal codes. A state outside these lists is left out
 * of the search, and the dialog says so; the country filter still applies.
 */
const ISO_ALPHA2 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI ' +
  'CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ ' +
  'GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS ' +
  'LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG ' +
  'PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK ' +
  'TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const COUNTRY_ALIASES =
  'USA|U.S.|U.S.A.|United States of America|America|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|Holland|' +
  'The Netherlands|Korea|Republic of Korea|Korea, Republic of|Russian Federation|Czech Republic|UAE|U.A.E.|Ivory Coast|Cote d’Ivoire|' +
  "Cote d'Ivoire|Viet Nam|Turkey|Türkiye|Hong Kong SAR|Macau|Macao SAR|Taiwan, Province of China|Iran, Islamic Republic of|" +
  'Republic of Ireland|Slovak Republic|Swaziland|Burma|Cape Verde|East Timor|Vatican City|Holy See|Palestine|Deutschland|Schweiz|Österreich';

const REGIONS = [
  // US states, DC and territories; then their postal codes.
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|' +
    'Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|' +
    'New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|' +
    'Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|Washington, D.C.|Washington DC|Puerto Rico|Guam|U.S. Virgin Islands|' +
    'American Samoa|Northern Mariana Islands',
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|' +
    'WI|WY|DC|PR|GU|VI|AS|MP',
  // Canada.
  'Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|Nova Scotia|Ontario|Prince Edward Island|Quebec|Québec|Saskatchewan|' +
    'Northwest Territories|Nunavut|Yukon|AB|BC|MB|NB|NL|NS|ON|PE|QC|SK|NT|NU|YT',
  // Australia.
  'New South Wales|Victoria|Queensland|Western Australia|South Australia|Tasmania|Australian Capital Territory|Northern Territory|NSW|VIC|QLD|WA|' +
    'SA|TAS|ACT|NT',
  // United Kingdom.
  'England|Scotland|Wales|Northern Ireland',
  // Germany (English and German names).
  'Baden-Württemberg|Bavaria|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hesse|Hessen|Lower Saxony|Niedersachsen|Mecklenburg-Vorpommern|' +
    'Mecklenburg-Western Pomerania|North Rhine-Westphalia|Nordrhein-Westfalen|Rhineland-Palatinate|Rheinland-Pfalz|Saarland|Saxony|Sachsen|' +
    'Saxony-Anhalt|Sachsen-Anhalt|Schleswig-Holstein|Thuringia|Thüringen',
  // France.
  'Auvergne-Rhône-Alpes|Bourgogne-Franche-Comté|Brittany|Bretagne|Centre-Val de Loire|Corsica|Corse|Grand Est|Hauts-de-France|Île-de-France|' +
    'Ile-de-France|Normandy|Normandie|Nouvelle-Aquitaine|Occitanie|Occitania|Pays de la Loire|Provence-Alpes-Côte d’Azur|Provence-Alpes-Côte d’Azur',
  // Netherlands.
  'Drenthe|Flevoland|Friesland|Fryslân|Gelderland|Groningen|Limburg|North Brabant|Noord-Brabant|North Holland|Noord-Holland|Overijssel|' +
    'South Holland|Zuid-Holland|Utrecht|Zeeland',
  // Ireland's counties.
  'Carlow|Cavan|Clare|Cork|Donegal|Dublin|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|' +
    'Roscommon|Sligo|Tipperary|Waterford|Westmeath|Wexford|Wicklow',
  // Spain.
  'Andalusia|Andalucía|Aragon|Aragón|Asturias|Balearic Islands|Illes Balears|Basque Country|País Vasco|Canary Islands|Canarias|Cantabria|' +
    'Castile and León|Castilla y León|Castilla-La Mancha|Catalonia|Cataluña|Catalunya|Extremadura|Galicia|La Rioja|Madrid|Community of Madrid|' +
    'Murcia|Navarre|Navarra|Valencia|Valencian Community|Comunitat Valenciana|Ceuta|Melilla',
  // Italy.
  'Abruzzo|Aosta Valley|Valle d’Aosta|Apulia|Puglia|Basilicata|Calabria|Campania|Emilia-Romagna|Friuli-Venezia Giulia|Lazio|Liguria|Lombardy|' +
    'Lombardia|Marche|Molise|Piedmont|Piemonte|Sardinia|Sardegna|Sicily|Sicilia|Trentino-Alto Adige|Tuscany|Toscana|Umbria|Veneto',
  // Switzerland's cantons.
  'Aargau|Appenzell Ausserrhoden|Appenzell Innerrhoden|Basel-Landschaft|Basel-Stadt|Bern|Berne|Fribourg|Geneva|Genève|Glarus|Graubünden|Jura|' +
    'Lucerne|Luzern|Neuchâtel|Nidwalden|Obwalden|Schaffhausen|Schwyz|Solothurn|St. Gallen|Thurgau|Ticino|Uri|Valais|Vaud|Zug|Zürich|Zurich',
  // Poland.
  'Greater Poland|Kuyavian-Pomeranian|Lesser Poland|Łódź|Lodz|Lower Silesian|Lublin|Lubusz|Masovian|Mazovia|Opole|Podlaskie|Pomeranian|' +
    'Silesian|Subcarpathian|Świętokrzyskie|Warmian-Masurian|West Pomeranian',
  // Sweden's counties.
  'Blekinge|Dalarna|Gotland|Gävleborg|Halland|Jämtland|Jönköping|Kalmar|Kronoberg|Norrbotten|Skåne|Stockholm|Stockholm County|Södermanland|' +
    'Uppsala|Värmland|Västerbotten|Västernorrland|Västmanland|Västra Götaland|Örebro|Östergötland',
  // United Arab Emirates; South Africa; New Zealand.
  'Abu Dhabi|Dubai|Sharjah|Ajman|Umm Al Quwain|Ras Al Khaimah|Fujairah',
  'Eastern Cape|Free State|Gauteng|KwaZulu-Natal|Limpopo|Mpumalanga|North West|Northern Cape|Western Cape',
  "Northland|Auckland|Waikato|Bay of Plenty|Gisborne|Hawke’s Bay|Hawke's Bay|Taranaki|Manawatū-Whanganui|Manawatu-Wanganui|Wellington|Tasman|Nelson|" +
    'Marlborough|West Coast|Canterbury|Otago|Southland',
  // Japan's prefectures.
  'Hokkaido|Aomori|Iwate|Miyagi|Akita|Yamagata|Fukushima|Ibaraki|Tochigi|Gunma|Saitama|Chiba|Tokyo|Kanagawa|Niigata|Toyama|Ishikawa|Fukui|' +
    'Yamanashi|Nagano|Gifu|Shizuoka|Aichi|Mie|Shiga|Kyoto|Osaka|Hyogo|Nara|Wakayama|Tottori|Shimane|Okayama|Hiroshima|Yamaguchi|Tokushima|' +
    'Kagawa|Ehime|Kochi|Fukuoka|Saga|Nagasaki|Kumamoto|Oita|Miyazaki|Kagoshima|Okinawa',
  // India's states and union territories.
  'Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|' +
    'Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|' +
    'West Bengal|Andaman and Nicobar Islands|Chandigarh|Dadra and Nagar Haveli and Daman and Diu|Delhi|Jammu and Kashmir|Ladakh|Lakshadweep|' +
    'Puducherry',
  // South Korea.
  'Seoul|Busan|Daegu|Incheon|Gwangju|Daejeon|Ulsan|Sejong|Gyeonggi|Gangwon|North Chungcheong|South Chungcheong|North Jeolla|South Jeolla|' +
    'North Gyeongsang|South Gyeongsang|Jeju',
  // Mexico.
  'Aguascalientes|Baja California|Baja California Sur|Campeche|Chiapas|Chihuahua|Coahuila|Colima|Durango|Guanajuato|Guerrero|Hidalgo|Jalisco|' +
    'Mexico City|Ciudad de México|State of Mexico|México|Michoacán|Morelos|Nayarit|Nuevo León|Oaxaca|Puebla|Querétaro|Quintana Roo|' +
    'San Luis Potosí|Sinaloa|Sonora|Tabasco|Tamaulipas|Tlaxcala|Veracruz|Yucatán|Zacatecas',
  // Brazil.
  'Acre|Alagoas|Amapá|Amazonas|Bahia|Ceará|Distrito Federal|Espírito Santo|Goiás|Maranhão|Mato Grosso|Mato Grosso do Sul|Minas Gerais|Pará|' +
    'Paraíba|Paraná|Pernambuco|Piauí|Rio de Janeiro|Rio Grande do Norte|Rio Grande do Sul|Rondônia|Roraima|Santa Catarina|São Paulo|Sergipe|' +
    'Tocantins',
].join('|');

/** Case, accents kept, apostrophes and spaces folded: "cote d'ivoire" and "Côte d’Ivoire" stay apart, "New  York" and "new york" do not. */
function fold(value: string): string {
  return value.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function countryNames(): Set<string> {
  const names = new Set<string>(COUNTRY_ALIASES.split('|').map(fold));
  for (const locale of ['en', 'de', 'fr', 'es']) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      continue;
    }
    for (const code of ISO_ALPHA2) {
      const name = display.of(code);
      if (name && name !== code) names.add(fold(name));
    }
  }
  return names;
}

let countries: Set<string> | null = null;
const regions = new Set(
  REGIONS.split('|')
    .filter((r) => !/^[A-Z]{2,3}$/.test(r))
    .map(fold),
);
const regionCodes = new Set(REGIONS.split('|').filter((r) => /^[A-Z]{2,3}$/.test(r)));
const countryCodes = new Set(ISO_ALPHA2);

/** Whether a value names a country: a name in one of four languages, a common alias, or an ISO code in capitals. */
export function isKnownCountry(value: string): boolean {
  const trimmed = value.trim();
  if (countryCodes.has(trimmed)) return true;
  countries ??= countryNames();
  return countries.has(fold(trimmed));
}

/** Whether a value names a state, province or region of the lists above (a postal code only in capitals). */
export function isKnownRegion(value: string): boolean {
  const trimmed = value.trim();
  return regionCodes.has(trimmed) || regions.has(fold(trimmed));
}
