import { describe, expect, it } from 'vitest';
import { participantRoleProblem } from '../../src/cases/caseRules.js';

describe('who may take which role on a case', () => {
  it('a professional in their own role, a DBT member only through a breakthrough invitation', () => {
    expect(
      participantRoleProblem({ kind: 'professional', role: 'gedragswetenschapper' }, 'gedragswetenschapper'),
    ).toBeNull();
    expect(participantRoleProblem({ kind: 'professional', role: 'gedragswetenschapper' }, 'procesregisseur')).toMatch(
      /own role/,
    );
    expect(participantRoleProblem({ kind: 'professional', role: 'dbt-lid' }, 'dbt-lid')).toMatch(
      /breakthrough session/,
    );
    expect(participantRoleProblem({ kind: 'professional', role: 'gemeente' }, 'gemeente')).toMatch(
      /no professional role/,
    );
    expect(participantRoleProblem({ kind: 'client', role: null }, 'ouder')).toBeNull();
    expect(participantRoleProblem({ kind: 'client', role: null }, 'gedragswetenschapper')).toMatch(/client account/);
  });
});
