import { describe, expect, it } from 'vitest';
import { describeTeamContract } from '../../tests/support/team-contract';
import { startCouchTestServer } from '../../tests/support/couch-test-server';
import { VALIDATE_DOC_UPDATE } from './design';

describeTeamContract('team database contract (in-process test server)', () =>
  startCouchTestServer(),
);

describe('validate_doc_update', () => {
  it('is plain ES5, which every CouchDB JavaScript engine runs', async () => {
    const { parse } = await import('acorn');
    expect(() => parse(`(${VALIDATE_DOC_UPDATE})`, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse('(function () { let x = 1; })', { ecmaVersion: 5 })).toThrow();
  });
});
