// Validates every *.json Adaptive Card in a folder:
//   1. Teams-only parts are stripped: `msteams` properties are removed and every Chart.* element is replaced
//      by its `fallback` element (a chart without an element fallback is an error).
//   2. The stripped card is validated against the official Adaptive Card 1.5 JSON schema (draft-06), read
//      from ../shared/schemas/adaptive-card-1.5.json relative to the repository root (never copied here).
//   3. The stripped card is parsed by the official `adaptivecards` renderer for version 1.5; every parse
//      event (unknown element or action types, bad values) and every validation event (duplicate ids, ...)
//      is an error.
//   4. Checks the schema does not enforce: top-level version "1.5" and a serialised size of at most 28 KB.
// Usage: node validate-cards.mjs DIR   — exits 1 with one line per problem, 2 on bad usage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');
const AC = require('adaptivecards/dist/adaptivecards.js');

const MaxCardBytes = 28 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
// ../shared/schemas beside the repository; a git worktree sits deeper, so the nearest ancestor's copy is used.
// ADAPTIVE_CARD_SCHEMA overrides the location.
function findSchema() {
  if (process.env.ADAPTIVE_CARD_SCHEMA) return path.resolve(process.env.ADAPTIVE_CARD_SCHEMA);
  const first = path.resolve(repoRoot, '..', 'shared', 'schemas', 'adaptive-card-1.5.json');
  for (let d = path.dirname(repoRoot); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'shared', 'schemas', 'adaptive-card-1.5.json');
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (path.dirname(d) === d) return first;
  }
}
const schemaPath = findSchema();

const dir = process.argv[2];
if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: node validate-cards.mjs DIR  (a folder of *.json Adaptive Cards)');
  process.exit(2);
}

let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
} catch (e) {
  console.error(`cannot read the Adaptive Card 1.5 schema at ${schemaPath}: ${e.message}`);
  process.exit(2);
}

// The file names itself with the draft-04 keyword `id`, which ajv 8 rejects; the in-memory copy uses `$id`.
if (typeof schema.id === 'string' && schema.$id === undefined) {
  schema.$id = schema.id;
  delete schema.id;
}
const ajv = new Ajv({ strict: false, allErrors: true, meta: false });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const validateSchema = ajv.compile(schema);

// Returns a deep copy without Teams-only parts; problems found on the way go to `errors`.
function strip(node, at, errors) {
  if (Array.isArray(node)) {
    return node.map((item, i) => strip(item, `${at}[${i}]`, errors));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  if (typeof node.type === 'string' && node.type.startsWith('Chart.')) {
    const fallback = node.fallback;
    if (fallback === null || typeof fallback !== 'object' || Array.isArray(fallback)) {
      errors.push(`${at}: ${node.type} has no fallback element (hosts without charts would show nothing)`);
      return { type: 'TextBlock', text: '(chart without fallback)' };
    }
    return strip(fallback, `${at}.fallback`, errors);
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'msteams') continue;
    copy[key] = strip(value, `${at}.${key}`, errors);
  }
  return copy;
}

function describeAjvError(e) {
  const where = e.instancePath || '(card)';
  const extra = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
  return `${where}: ${e.message}${extra}`;
}

// The schema's anyOf over element types reports every branch's failure, which buries the real problem. When
// the whole card fails, each typed object (element, action, card) is checked alone against the definition its
// own `type` names, and keeps only the errors that do not lie inside a nested typed object (those are reported
// by that object's own check).
const byType = new Map();
function validatorFor(type) {
  if (!schema.definitions[type]) return undefined;
  if (!byType.has(type)) byType.set(type, ajv.getSchema(`${schema.$id}#/definitions/${type}`));
  return byType.get(type);
}

function typedObjects(node, pointer, out) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => typedObjects(item, `${pointer}/${i}`, out));
  } else if (node !== null && typeof node === 'object') {
    if (typeof node.type === 'string') out.push({ pointer, node });
    for (const [key, value] of Object.entries(node)) typedObjects(value, `${pointer}/${key}`, out);
  }
  return out;
}

function passesThroughTyped(node, relativePointer) {
  let current = node;
  const parts = relativePointer.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    current = current?.[parts[i]];
    if (current !== null && typeof current === 'object' && !Array.isArray(current) && typeof current.type === 'string') return true;
  }
  return false;
}

function schemaErrors(card) {
  if (validateSchema(card)) return [];
  const messages = [];
  for (const { pointer, node } of typedObjects(card, '', [])) {
    const validate = validatorFor(node.type);
    if (!validate) {
      messages.push(`${pointer || '(card)'}: "${node.type}" is not an Adaptive Card 1.5 type`);
      continue;
    }
    if (validate(node)) continue;
    for (const e of validate.errors ?? []) {
      if (['anyOf', 'allOf', 'oneOf'].includes(e.keyword) || passesThroughTyped(node, e.instancePath)) continue;
      messages.push(describeAjvError({ ...e, instancePath: `${pointer}${e.instancePath}` }));
    }
  }
  if (messages.length === 0) {
    messages.push(...(validateSchema.errors ?? []).slice(0, 5).map(describeAjvError));
  }
  return [...new Set(messages)].slice(0, 12).map(m => `schema: ${m}`);
}

function rendererErrors(card) {
  const errors = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`adaptivecards parse: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    errors.push(`adaptivecards validate: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  return errors;
}

function checkCard(text) {
  const errors = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MaxCardBytes) errors.push(`size: ${bytes} bytes is over the ${MaxCardBytes}-byte limit`);
  let card;
  try {
    card = JSON.parse(text);
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }
  if (card?.type !== 'AdaptiveCard') errors.push(`top level: type is ${JSON.stringify(card?.type)}, not "AdaptiveCard"`);
  if (card?.version !== '1.5') errors.push(`top level: version is ${JSON.stringify(card?.version)}, not "1.5"`);
  const stripped = strip(card, '(card)', errors);
  errors.push(...schemaErrors(stripped), ...rendererErrors(stripped));
  return errors;
}

const files = readdirSync(dir).filter(f => f.toLowerCase().endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no *.json cards in ${dir}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const errors = checkCard(readFileSync(path.join(dir, file), 'utf8'));
  if (errors.length === 0) {
    console.log(`ok   ${file}`);
  } else {
    failed++;
    console.log(`FAIL ${file}`);
    for (const e of errors) console.log(`     ${e}`);
  }
}
console.log(`${files.length - failed}/${files.length} cards valid (schema ${path.relative(repoRoot, schemaPath)}, adaptivecards ${require('adaptivecards/package.json').version})`);
process.exit(failed ? 1 : 0);
