// Validates the Teams app manifest offline with Microsoft's own package (@microsoft/app-manifest, which bundles the
// manifest JSON schemas), plus what the schema cannot see: the icon files exist and have the required sizes.
// Usage: node validate-teams-manifest.mjs [MANIFEST]  (default ../../manifests/teams/manifest.json)
// Exits 0 when valid; 1 with one line per problem.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');

const here = path.dirname(fileURLToPath(import.meta.url));
const manifestPath = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'manifests', 'teams', 'manifest.json'));
const problems = [];

let manifest;
try {
  const [read, errors] = await AppManifestUtils.readAndValidateTeamsManifest(manifestPath);
  manifest = read;
  for (const e of errors ?? []) problems.push(`schema: ${e}`);
} catch (e) {
  // The reader's own type checks throw on the first missing property; the raw JSON still gets every schema error.
  problems.push(`read: ${e.message}`);
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8').replace(/^\uFEFF/, ''));
    for (const err of (await AppManifestUtils.validateAgainstSchema(manifest)) ?? []) problems.push(`schema: ${err}`);
  } catch (inner) {
    problems.push(`cannot read or validate ${manifestPath}: ${inner.message}`);
  }
}

// PNG width and height live in the IHDR chunk at bytes 16..23.
function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

if (manifest) {
  const dir = path.dirname(manifestPath);
  for (const [name, size] of [['color', 192], ['outline', 32]]) {
    const file = manifest.icons?.[name];
    try {
      const [w, h] = pngSize(path.join(dir, file));
      if (w !== size || h !== size) problems.push(`icons.${name}: ${file} is ${w}x${h}, must be ${size}x${size}`);
    } catch (e) {
      problems.push(`icons.${name}: ${file}: ${e.message}`);
    }
  }

  if (!(Number(manifest.manifestVersion) >= 1.25)) problems.push(`manifestVersion ${manifest.manifestVersion} is older than 1.25`);
  const lists = manifest.bots?.[0]?.commandLists ?? [];
  if (lists.length === 0) problems.push('bots[0].commandLists is empty');
}

for (const p of problems) console.log(p);
if (problems.length === 0) console.log(`ok: ${manifestPath}`);
process.exit(problems.length === 0 ? 0 : 1);
