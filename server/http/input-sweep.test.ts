/**
 * The input sweep (issue 9): walks the OpenAPI document the server serves (built from the route
 * table, so a new route is swept without touching this file) and sends every route bad input in
 * every place its schema names — path params, query fields, body fields — with a valid token of
 * the route's role. Every answer must be a 4xx in the { error: { code, message } } envelope with
 * the status the contract gives that code; a refusal of a field must name that field; the
 * database must not change; and the server must still answer at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, HTTP_STATUS, LIMITS, routes, type ErrorCode } from '../../shared/index.js';
import { call, type ApiResponse } from '../testing/harness.js';
import { dbFingerprint, liveChatScene, tokenForAccess, type Scene, type VisitorChat } from '../testing/scene.js';
import { CLOSED_SET_PARAMS } from '../testing/route-paths.js';

/** The parts of JSON Schema the document uses for inputs. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
}

interface Operation {
  name: string;
  method: string;
  /** OpenAPI template: /api/conversations/{id} */
  path: string;
  access: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

type Path = (string | number)[];
/** A leaf of a body schema: where it is, and a body with a given value there (discriminators filled in). */
interface Leaf {
  path: Path;
  build: (value: unknown) => unknown;
}
interface NumberLeaf extends Leaf {
  minimum?: number;
  maximum?: number;
}

const DUMMY_ID = 'sweep-id';
const DAY_SECONDS = 86_400;

/**
 * Every string and number leaf a value of this schema can have, through objects, arrays and
 * unions. An object's constant properties (a union's `kind: 'text'`) go into every body built
 * under it, so the refusal is about the leaf, not about a missing discriminator.
 */
function leaves(
  schema: JsonSchema,
  build: (value: unknown) => unknown = (v) => v,
  path: Path = [],
  out = { strings: [] as Leaf[], numbers: [] as NumberLeaf[] },
): typeof out {
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) leaves(branch, build, path, out);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.includes('object')) {
    const properties = Object.entries(schema.properties ?? {});
    const constants = Object.fromEntries(properties.filter(([, p]) => p.const !== undefined).map(([key, p]) => [key, p.const]));
    for (const [key, property] of properties) leaves(property, (v) => build({ ...constants, [key]: v }), [...path, key], out);
  }
  if (types.includes('array') && schema.items) leaves(schema.items, (v) => build([v]), [...path, 0], out);
  if (types.includes('string')) out.strings.push({ path, build });
  if ((types.includes('integer') || types.includes('number')) && schema.const === undefined)
    out.numbers.push({ path, build, minimum: schema.minimum, maximum: schema.maximum });
  return out;
}

const unique = <T>(items: T[], key: (item: T) => string): T[] => [...new Map(items.map((item) => [key(item), item])).values()];

/** Numeric query params: a number branch anywhere in the param's schema. */
const numericBounds = (schema: JsonSchema): NumberLeaf | undefined => leaves(schema).numbers[0];

describe('input sweep over every route', () => {
  let scene: Scene;
  let chat: VisitorChat;
  let operations: Operation[];
  let before: string;
  const seen = { responses: 0 };

  const tokenFor = (access: string) => tokenForAccess(scene, chat.token, access);

  /** The URL with each {param} replaced by raw (already encoded) text: DUMMY_ID unless given. */
  const urlFor = (op: Operation, params: Record<string, string> = {}, query = ''): string =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? CLOSED_SET_PARAMS[name] ?? DUMMY_ID) + (query ? `?${query}` : '');

  const send = async (
    op: Operation,
    url: string,
    body?: unknown,
  ): Promise<ApiResponse<{ error?: { code: string; message: string; details?: Record<string, string> } }>> => {
    const res = await call<{ error?: { code: string; message: string; details?: Record<string, string> } }>(scene.server.url, op.method, url, {
      token: tokenFor(op.access),
      ...(body === undefined ? {} : { body }),
      ...(op.name === 'upload' || op.name === 'uploadFilePhrase' ? { raw: 'bytes', contentType: 'application/octet-stream' } : {}),
    });
    seen.responses++;
    return res;
  };

  /** A refusal in the envelope: 4xx, a code of ours, its status, and (when given) naming the field. */
  const expectRefused = (res: Awaited<ReturnType<typeof send>>, label: string, field?: string, code: ErrorCode = 'VALIDATION_FAILED'): void => {
    expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, label).toBeLessThan(500);
    expect(res.body?.error, `${label}: ${JSON.stringify(res.body)}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const error = res.body.error!;
    expect(ERROR_CODES, label).toContain(error.code);
    expect(res.status, label).toBe(HTTP_STATUS[error.code as ErrorCode]);
    expect(error.code, `${label}: ${JSON.stringify(res.body)}`).toBe(code);
    if (field) expect(error.details, `${label}: ${JSON.stringify(res.body)}`).toHaveProperty([field]);
  };

  beforeAll(async () => {
    // The widget's per-visitor budgets would answer 429 long before the sweep is done.
    ({ scene, chat } = await liveChatScene({ widgetRateLimits: { enabled: false } }));
    const doc = await call<{ paths: Record<string, Record<string, Record<string, unknown>>> }>(scene.server.url, 'GET', '/api/docs/json');
    operations = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, raw]) => {
        const op = raw as {
          operationId: string;
          tags: string[];
          parameters: { name: string; in: string; required: boolean; schema: JsonSchema }[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        };
        return {
          name: op.operationId,
          method: method.toUpperCase(),
          path,
          access: op.tags[0]!,
          pathParams: op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: op.parameters.filter((p) => p.in === 'query').map(({ name, required, schema }) => ({ name, required, schema })),
          body: op.requestBody?.content['application/json']?.schema,
        };
      }),
    );
    before = dbFingerprint(scene.server);
  });
  afterAll(() => scene.dispose());

  it('covers every route of the table, and finds fields to sweep', () => {
    expect(operations.map((op) => op.name).sort()).toEqual(Object.keys(routes).sort());
    const bodies = operations.filter((op) => op.body);
    expect(bodies.length).toBeGreaterThan(30);
    expect(bodies.flatMap((op) => leaves(op.body!).strings).length).toBeGreaterThan(80);
    expect(operations.flatMap((op) => op.query.filter((q) => numericBounds(q.schema))).length).toBeGreaterThan(10);
  });

  it('invalid percent-encoding in any path parameter → 400 VALIDATION_FAILED', async () => {
    for (const op of operations) {
      for (const param of op.pathParams) {
        for (const bad of ['%FF%FE%C3%28', '%ED%A0%80', '%E4%B8', '%']) {
          expectRefused(await send(op, urlFor(op, { [param]: bad })), `${op.name} ${param}=${bad}`);
        }
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('an over-long path parameter → 400 VALIDATION_FAILED (never 414)', async () => {
    for (const op of operations) {
      for (const param of op.pathParams) {
        for (const length of [65, 101, 4000]) expectRefused(await send(op, urlFor(op, { [param]: 'x'.repeat(length) })), `${op.name} ${param} × ${length}`);
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('NUL and lone surrogates in any path parameter or query field → 400 naming it', async () => {
    for (const op of operations) {
      for (const param of op.pathParams) {
        expectRefused(await send(op, urlFor(op, { [param]: 'a%00b' })), `${op.name} ${param} NUL`, `params.${param}`);
      }
      for (const field of op.query) {
        // %00 decodes to NUL; %ED%A0%80 is a surrogate's UTF-8, which no decoder may turn into text.
        for (const bad of ['a%00b', '%ED%A0%80', '%FF', 'a%2']) {
          expectRefused(await send(op, urlFor(op, {}, `${field.name}=${bad}`)), `${op.name} ?${field.name}=${bad}`, `query.${field.name}`);
        }
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('NUL and lone surrogates in any string field of any body → 400 naming the field', async () => {
    let fields = 0;
    for (const op of operations.filter((o) => o.body)) {
      for (const { path, build } of unique(leaves(op.body!).strings, (leaf) => leaf.path.join('.'))) {
        for (const bad of ['a\u0000b', '\uD800', 'x\uDC00', '\uDBFF\uDBFF\uDC00\uDC00x']) {
          expectRefused(await send(op, urlFor(op), build(bad)), `${op.name} body.${path.join('.')}=${JSON.stringify(bad)}`, ['body', ...path].join('.'));
        }
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(80);
    // A body nested far deeper than any schema (and than a recursive walk could follow).
    const deep = `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`;
    const res = await call<{ error: { code: string } }>(scene.server.url, 'POST', '/api/visitor/session', { raw: deep, contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('numbers in query strings are decimal digits only → anything else is 400 naming the field', async () => {
    for (const op of operations) {
      for (const field of op.query.filter((q) => numericBounds(q.schema))) {
        for (const bad of ['0x10', '', '1e3', '%205', '5%20', '%2B5', '1.5', '05', '-0', 'Infinity', 'NaN', '1_000', '0b1', '10abc']) {
          expectRefused(await send(op, urlFor(op, {}, `${field.name}=${bad}`)), `${op.name} ?${field.name}=${bad}`, `query.${field.name}`);
        }
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('every number a client sends is bounded; one past either bound → 400 naming the field', async () => {
    const checked: string[] = [];
    for (const op of operations) {
      const fields: { where: 'query' | 'body'; field: NumberLeaf }[] = [
        ...op.query.flatMap((q) => {
          const bounds = numericBounds(q.schema);
          return bounds ? [{ where: 'query' as const, field: { ...bounds, path: [q.name] } }] : [];
        }),
        ...(op.body
          ? unique(leaves(op.body).numbers, (n) => `${n.path.join('.')}:${n.minimum}:${n.maximum}`).map((field) => ({ where: 'body' as const, field }))
          : []),
      ];
      for (const { where, field } of fields) {
        const label = `${op.name} ${where}.${field.path.join('.')}`;
        expect(field.minimum, `${label} has no minimum`).toBeTypeOf('number');
        expect(field.maximum, `${label} has no maximum`).toBeTypeOf('number');
        const name = String(field.path.at(-1));
        // Timestamps keep to the product's years; durations to at most a year, whatever the unit.
        if (/At$/.test(name) || (where === 'query' && /^(from|to)$/.test(name))) {
          expect(field.minimum, label).toBeGreaterThanOrEqual(LIMITS.timestampMinMs);
          expect(field.maximum, label).toBeLessThanOrEqual(LIMITS.timestampMaxMs);
        }
        const unitSeconds = { Ms: 0.001, Seconds: 1, Minutes: 60, Hours: 3600, Days: DAY_SECONDS }[/(Ms|Seconds|Minutes|Hours|Days)$/.exec(name)?.[1] ?? ''];
        if (unitSeconds !== undefined) {
          expect(field.minimum, label).toBeGreaterThanOrEqual(0);
          expect(field.maximum! * unitSeconds, label).toBeLessThanOrEqual(366 * DAY_SECONDS);
        }
        for (const value of [field.maximum! + 1, field.minimum! - 1]) {
          const res = where === 'query' ? await send(op, urlFor(op, {}, `${name}=${value}`)) : await send(op, urlFor(op), field.build(value));
          expectRefused(res, `${label}=${value}`, [where, ...field.path].join('.'));
        }
        checked.push(label);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining(['syncCall body.startedAt', 'syncCall body.durationSeconds', 'queryRecords query.from', 'listMessages query.afterSeq']),
    );
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('leaves the server answering and its data untouched', async () => {
    expect(seen.responses).toBeGreaterThan(1000);
    expect((await call(scene.server.url, 'GET', '/api/health')).status).toBe(200);
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
