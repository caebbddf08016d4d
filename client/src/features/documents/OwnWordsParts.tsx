/**
 * The own-words parts of the analysis (002 Bijlage 1: the request for help in the words of each person):
 * who each part belongs to, who records it "zoals verteld door" the person, and — for a child under 12,
 * who has no account — the professional's button to record the child's words. The server decides who
 * may write a part (shared/src/analysisParts.ts); this only shows it and asks.
 */
import {
  CASE_PROFESSIONALS,
  firstNameOf,
  type OwnWordsPart,
  type OwnWordsPartsResponse,
  type Role,
  YOUNG_PERSON_PART,
} from '@samenspraak/shared';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../components/ui';
import { endRecorder, fetchOwnWordsParts, nameRecorder } from './api';
import { m } from './messages';
import { tm } from './templateMessages';

export function useOwnWordsParts(caseId: string, enabled: boolean) {
  const [parts, setParts] = useState<OwnWordsPartsResponse | null>(null);
  const reload = useCallback(async () => {
    if (enabled) setParts(await fetchOwnWordsParts(caseId));
  }, [caseId, enabled]);
  useEffect(() => {
    reload().catch(() => setParts(null));
  }, [reload]);
  return { parts, setParts, reload };
}

/** The tag beside a part's title: whose words these are, and who wrote them down. */
export function whoseWords(part: OwnWordsPart, me: { userId: string; role: Role }): string {
  const mine =
    part.kind === 'jeugdige' ? me.role === 'jeugdige' : part.person.userId === me.userId && me.role === 'ouder';
  const whose = mine ? m.ownWordsYours : m.ownWordsOf(firstNameOf(part.person.name));
  return part.recorder ? `${whose} — ${tm.recordedBy(part.recorder.name, firstNameOf(part.person.name))}` : whose;
}

/** Under the child's part: who records it, or the button to start recording (professionals only). */
export function RecorderControls(props: {
  caseId: string;
  part: OwnWordsPart;
  childUnder12: boolean;
  me: { userId: string; role: Role };
  onChanged(next: OwnWordsPartsResponse): void;
}) {
  const { part, me, caseId } = props;
  const [failed, setFailed] = useState(false);
  if (part.root !== YOUNG_PERSON_PART || !props.childUnder12) return null;
  const name = firstNameOf(part.person.name);
  const isPro = CASE_PROFESSIONALS.includes(me.role);
  const run = (call: Promise<OwnWordsPartsResponse>) =>
    call.then(props.onChanged).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  return (
    <div className="recorder" data-testid="recorder">
      <p className="recorder__note">{tm.childUnder12(name)}</p>
      {isPro && !part.recorder && (
        <Button variant="secondary" onClick={() => run(nameRecorder(caseId, part.root, me.userId))}>
          {tm.recordChild(name)}
        </Button>
      )}
      {isPro && part.recorder?.userId === me.userId && (
        <Button variant="tertiary" onClick={() => run(endRecorder(caseId, part.root))}>
          {tm.stopRecording}
        </Button>
      )}
      {failed && (
        <p className="recorder__error" role="alert">
          {tm.recordFailed}
        </p>
      )}
    </div>
  );
}
