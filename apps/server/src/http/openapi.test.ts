import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

// The document does not depend on the dialect: one world on SQLite is enough.
const target = testTargets()[0];

describe('OpenAPI document and docs page', () => {
  let w: TestWorld;
  let spec: { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
  before(async () => {
    assert.ok(target);
    w = await startTestWorld(target);
    const res = await fetch(`${w.url}/api/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    spec = await res.json() as typeof spec;
  });
  after(async () => { await w?.stop(); });

  test('is served without signing in and validates as OpenAPI 3.1', async () => {
    assert.match(spec.openapi, /^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(spec) as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 4000));
    assert.equal(validator.version, '3.1');
  });

  test('every /api/v1 path has an operation with a summary', () => {
    const paths = Object.keys(spec.paths).filter((p) => p.startsWith('/api/v1/'));
    assert.ok(paths.length >= 20, `only ${paths.length} /api/v1 paths documented`);
    for (const core of ['/api/v1/tickets', '/api/v1/tickets/{id}/transitions', '/api/v1/audit/verify', '/api/v1/admin/changes', '/api/v1/events', '/api/v1/webhooks']) {
      assert.ok(paths.includes(core), `${core} is documented`);
    }
    const missing = paths.filter((p) => {
      const item = spec.paths[p] ?? {};
      return !METHODS.some((m) => typeof item[m]?.summary === 'string' && (item[m]?.summary ?? '').trim().length > 0);
    });
    assert.deepEqual(missing, [], 'paths without a summarised operation');
    assert.ok(!Object.keys(spec.paths).some((p) => p === '/api/openapi.json' || p === '/api/health'), 'internal routes are hidden');
  });

  test('problem responses reference the Problem schema', () => {
    assert.ok(spec.components?.schemas?.Problem, 'components.schemas.Problem exists');
    let problemResponses = 0;
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const m of METHODS) {
        const op = item[m];
        if (!op?.responses) continue;
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^[45]\d\d$/.test(status)) continue;
          problemResponses += 1;
          const schemas = Object.values(response.content ?? {}).map((c) => c.schema?.$ref);
          if (Object.keys(response.content ?? {}).join() !== 'application/problem+json') wrong.push(`${m.toUpperCase()} ${path} ${status} media type`);
          if (schemas.length === 0 || !schemas.every((ref) => ref === '#/components/schemas/Problem')) wrong.push(`${m.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    assert.ok(problemResponses >= 30, `only ${problemResponses} problem responses documented`);
    assert.deepEqual(wrong, [], 'error responses not referencing Problem');
    // The core write operations document validation failures.
    for (const [path, m] of [['/api/v1/tickets', 'post'], ['/api/v1/tickets/{id}', 'patch'], ['/api/v1/tickets/{id}/transitions', 'post']] as const) {
      assert.ok(spec.paths[path]?.[m]?.responses?.['422'], `${m.toUpperCase()} ${path} documents 422`);
    }
  });

  test('the docs page answers 200 HTML', async () => {
    const res = await fetch(`${w.url}/api/docs`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<html/i);
  });
});
