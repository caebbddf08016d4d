/**
 * Pure rules of the team: who hands over procesregie, and to whom. A case has one holder of procesregie
 * (domain brief §1: the RET's process direction); it is handed over by the holder, or by a RET
 * procesregisseur on the case (who directs the RET's cases anyway), to a participant who can direct:
 * a procesregisseur or a gedragswetenschapper (PROCESS_DIRECTION_ROLES).
 */
import { PROCESS_DIRECTION_ROLES, type Role } from '@samenspraak/shared';

export interface HandoverInput {
  actorId: string;
  actorRole: Role;
  holderId: string | null;
  target: { userId: string; role: Role } | null;
}

export function handoverProblem(input: HandoverInput): 'not_holder' | 'bad_target' | null {
  const mayHandOver = input.holderId === input.actorId || input.actorRole === 'procesregisseur';
  if (!mayHandOver) return 'not_holder';
  if (!input.target || !PROCESS_DIRECTION_ROLES.includes(input.target.role)) return 'bad_target';
  if (input.target.userId === input.holderId) return 'bad_target';
  return null;
}
