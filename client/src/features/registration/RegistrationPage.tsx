/**
 * `/zaken/nieuw` — register a case (for the registering roles: the local team, a behavioural scientist,
 * a GI, a care provider, the RET): the young person, region (with its RET), who asked and what for, the
 * responsible behavioural scientist from the directory; then straight to the new case page.
 * `?consultatie=<id>`: the RET turns a consultation request into a case; the form is prefilled from the
 * request and the answer marks the request converted (`POST /api/consultations/:id/convert`).
 */
import {
  type CaseRecordResponse,
  type ConsultationConvertedResponse,
  type ConsultationResponse,
  type CreateCaseBody,
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  type ProblemCategory,
  type ProfessionalEntry,
  QUESTION_KINDS,
  type QuestionKind,
  REGIONS,
  REQUESTERS,
  RET_OF_REGION,
  type Region,
  type Requester,
} from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { navigate, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  Alert,
  Button,
  Checkbox,
  DateInput,
  FieldSet,
  Heading,
  LabelledField,
  Paragraph,
  Radio,
  Select,
  TextArea,
  TextInput,
} from '../../components/ui';
import { m } from './messages';
import { ProfessionalPicker } from './ProfessionalPicker';
import './registration.css';

export function RegistrationPage({ consultationId }: { consultationId: string | null }) {
  const consultation = useApi<ConsultationResponse>(
    consultationId ? `/api/consultations/${encodeURIComponent(consultationId)}` : null,
  );
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [region, setRegion] = useState<Region | ''>('');
  const [requester, setRequester] = useState<Requester>('professional');
  const [question, setQuestion] = useState('');
  // What the RET monitor counts (fixed lists; shared/src/caseSchemas.ts).
  const [questionKind, setQuestionKind] = useState<QuestionKind | ''>('');
  const [school, setSchool] = useState<'ja' | 'nee' | ''>('');
  const [problems, setProblems] = useState<Set<ProblemCategory>>(new Set());
  const toggleProblem = (p: ProblemCategory) =>
    setProblems((prev) => {
      const next = new Set(prev);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      return next;
    });
  const [scientist, setScientist] = useState<ProfessionalEntry | null>(null);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    document.title = `${m.title} — Samenspraak`;
  }, []);

  // Prefill once from the consultation request: its region, who asked, the question.
  const request = consultation.data?.consultation ?? null;
  useEffect(() => {
    if (!request) return;
    if ((REGIONS as readonly string[]).includes(request.region)) setRegion(request.region as Region);
    setRequester(request.asker);
    setQuestion(request.question);
  }, [request]);

  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      const body: CreateCaseBody = {
        youngPerson: { name, dateOfBirth, municipality },
        region: region as Region,
        requester,
        ...(question.trim() ? { question } : {}),
        ...(questionKind ? { questionKind } : {}),
        ...(school ? { attendsSchool: school === 'ja' } : {}),
        ...(problems.size > 0 ? { problemCategories: PROBLEM_CATEGORIES.filter((p) => problems.has(p)) } : {}),
        ...(scientist ? { responsibleScientistId: scientist.userId } : {}),
      };
      const caseId = consultationId
        ? (
            await api<ConsultationConvertedResponse>(
              'POST',
              `/api/consultations/${encodeURIComponent(consultationId)}/convert`,
              body,
            )
          ).caseId
        : (await api<CaseRecordResponse>('POST', '/api/cases', body)).case.id;
      navigate(paths.case(caseId));
    });
  };

  return (
    <section className="narrow stack registration" aria-labelledby="register-title">
      <Heading level={1} id="register-title">
        {m.title}
      </Heading>
      <Paragraph>{m.intro}</Paragraph>
      {request && (
        <Alert heading={request.receipt} headingLevel={2}>
          <Paragraph>{m.fromConsultation}</Paragraph>
        </Alert>
      )}
      <form className="stack" onSubmit={send} aria-label={m.title} data-testid="registration-form">
        <FieldSet legend={m.youngPerson}>
          <LabelledField id="reg-name" label={m.name} hint="">
            <TextInput
              id="reg-name"
              required
              maxLength={200}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </LabelledField>
          <LabelledField id="reg-dob" label={m.dateOfBirth} hint={m.dateHint}>
            <DateInput
              id="reg-dob"
              required
              aria-describedby="reg-dob-hint"
              value={dateOfBirth}
              onChange={(e) => setDateOfBirth(e.target.value)}
            />
          </LabelledField>
          <LabelledField id="reg-municipality" label={m.municipality} hint={m.municipalityHint}>
            <TextInput
              id="reg-municipality"
              required
              maxLength={100}
              aria-describedby="reg-municipality-hint"
              value={municipality}
              onChange={(e) => setMunicipality(e.target.value)}
            />
          </LabelledField>
        </FieldSet>
        <LabelledField id="reg-region" label={m.region} hint={m.regionHint}>
          <Select
            id="reg-region"
            required
            aria-describedby="reg-region-hint"
            value={region}
            onChange={(e) => setRegion(e.target.value as Region)}
          >
            <Select.Option value="">{m.chooseRegion}</Select.Option>
            {REGIONS.map((r) => (
              <Select.Option key={r} value={r}>
                {r} — {RET_OF_REGION[r]}
              </Select.Option>
            ))}
          </Select>
        </LabelledField>
        <FieldSet legend={m.requester}>
          {REQUESTERS.map((r) => (
            <Radio key={r} name="reg-requester" value={r} checked={requester === r} onChange={() => setRequester(r)}>
              {m.requesters[r]}
            </Radio>
          ))}
        </FieldSet>
        <FieldSet legend={m.questionKind}>
          {QUESTION_KINDS.map((k) => (
            <Radio
              key={k}
              name="reg-question-kind"
              value={k}
              checked={questionKind === k}
              onChange={() => setQuestionKind(k)}
            >
              {m.questionKinds[k]}
            </Radio>
          ))}
        </FieldSet>
        <FieldSet legend={m.problems}>
          {PROBLEM_CATEGORIES.map((p) => (
            <Checkbox key={p} name="reg-problems" checked={problems.has(p)} onChange={() => toggleProblem(p)}>
              {PROBLEM_CATEGORY_LABELS[p]}
            </Checkbox>
          ))}
        </FieldSet>
        <FieldSet legend={m.school}>
          {(['ja', 'nee', ''] as const).map((v) => (
            <Radio
              key={v || 'onbekend'}
              name="reg-school"
              value={v}
              checked={school === v}
              onChange={() => setSchool(v)}
            >
              {m.schoolAnswers[v || 'onbekend']}
            </Radio>
          ))}
        </FieldSet>
        <LabelledField id="reg-question" label={m.question} hint={m.questionHint}>
          <TextArea
            id="reg-question"
            rows={3}
            maxLength={2000}
            aria-describedby="reg-question-hint"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </LabelledField>
        <ProfessionalPicker
          roleFilter="gedragswetenschapper"
          label={m.scientist}
          hint={m.scientistHint}
          chosen={scientist}
          onChoose={setScientist}
        />
        {error && (
          <ErrorAlert heading={m.failed} headingLevel={2}>
            {error}
          </ErrorAlert>
        )}
        <div>
          <Button type="submit" disabled={busy}>
            {m.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
