import assert from 'node:assert/strict';
import { test } from 'node:test';

/** Queries and the items each must find, exactly (any order). */
export type SearchCases = readonly (readonly [query: string, expected: readonly string[]])[];

/**
 * One test per named group of searches: `found` runs a query and names what it found. Shared by
 * the free-text search tests (tickets, SOP titles, spare parts), which check the same things.
 */
export function searchTests(found: (q: string) => Promise<string[]>, groups: Record<string, SearchCases>): void {
  for (const [name, cases] of Object.entries(groups)) {
    test(name, async () => {
      for (const [q, expected] of cases) assert.deepEqual((await found(q)).sort(), [...expected].sort(), `search for ${JSON.stringify(q)}`);
    });
  }
}
