/** The OpenAPI 3.1 document, generated from the same route table the server registers. */
import { z } from 'zod';
import { ErrorBodySchema, routes, type RouteDef, type RouteName } from '../../shared/index.js';
import { RAW_BODY_ROUTES } from './register-routes.js';

const schema = (type: z.ZodType, io: 'input' | 'output'): unknown => z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(def: RouteDef): unknown[] {
  const out: unknown[] = [];
  for (const [where, type] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!type) continue;
    const json = schema(type, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return out;
}

export function buildOpenApi(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: schema(ErrorBodySchema, 'output') } } };
  for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: def.summary,
      tags: [def.access],
      parameters: parameters(def),
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: schema(def.response, 'output') } } }, default: errorResponse },
    };
    if (def.access !== 'public') operation.security = [{ bearer: [] }];
    if (def.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schema(def.body, 'input') } } };
    if (RAW_BODY_ROUTES.includes(name as RouteName))
      operation.requestBody = { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
    (paths[path] ??= {})[def.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Kefu Desk API', version: '1.0.0', description: 'REST API of the Kefu Desk backend; realtime frames at /api/realtime.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
