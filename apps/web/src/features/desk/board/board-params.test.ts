import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { apiParams, filtersFrom, nextSort, sortOrder } from './board-params.ts';

test('aria-sort of a column follows the URL sort; no sort means newest created first', () => {
  assert.equal(sortOrder(undefined, 'createdAt'), 'descending');
  assert.equal(sortOrder('created_at', 'createdAt'), 'ascending');
  assert.equal(sortOrder('-priority', 'priority'), 'descending');
  assert.equal(sortOrder('-priority', 'createdAt'), 'none');
  assert.equal(sortOrder('sla_due', 'sla'), 'ascending');
  assert.equal(sortOrder('-created_at', 'title'), 'none', 'a column without a sort key is never sorted');
});

test('a header click cycles ascending → descending → default, and always changes the order', () => {
  assert.equal(nextSort(undefined, 'priority'), 'priority');
  assert.equal(nextSort('priority', 'priority'), '-priority');
  assert.equal(nextSort('-priority', 'priority'), undefined);
  assert.equal(nextSort('-priority', 'sla'), 'sla_due', 'another column starts ascending');
  // The default column: newest first → oldest first → newest first (the default, no sort in the URL).
  assert.equal(nextSort(undefined, 'createdAt'), 'created_at');
  assert.equal(nextSort('created_at', 'createdAt'), undefined);
  assert.equal(nextSort('updated_at', 'updatedAt'), '-updated_at');
  assert.equal(nextSort('-updated_at', 'updatedAt'), undefined);
  assert.equal(nextSort(undefined, 'title'), undefined);
});

test("the unfiltered board's first page is the one index.html asks for before the entry script (ADR 025)", () => {
  const html = readFileSync(new URL('../../../../index.html', import.meta.url), 'utf8');
  const query = new URLSearchParams(apiParams(filtersFrom(new URLSearchParams(''))) as Record<string, string>).toString();
  assert.ok(html.includes(`'/api/v1/tickets?${query}'`), `index.html should ask for /api/v1/tickets?${query}`);
});
