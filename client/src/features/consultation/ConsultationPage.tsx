/**
 * `/consultatie` — public, no account: a parent, a young person or a school asks the region's RET for
 * help or advice. Phone-friendly, plain Dutch. The answer is only a receipt number (nothing of the
 * request is shown back); the RET calls or mails back.
 */
import {
  CONSULTATION_ASKERS,
  type ConsultationAsker,
  type ConsultationReceiptResponse,
  REGIONS,
  RET_OF_REGION,
  type Region,
} from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { AppLink, paths } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  Alert,
  Button,
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

export function ConsultationPage() {
  const [asker, setAsker] = useState<ConsultationAsker>('ouder');
  const [region, setRegion] = useState<Region | ''>('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [question, setQuestion] = useState('');
  const [receipt, setReceipt] = useState<{ receipt: string; ret: string } | null>(null);
  const { busy, error, submit } = useSubmit();

  useEffect(() => {
    document.title = `${m.title} — Samenspraak`;
  }, []);

  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      const res = await api<ConsultationReceiptResponse>('POST', '/api/consultations', {
        asker,
        region,
        name,
        ...(phone.trim() ? { phone } : {}),
        ...(email.trim() ? { email } : {}),
        question,
      });
      setReceipt({ receipt: res.receipt, ret: RET_OF_REGION[region as Region] });
      // Nothing of the request stays on the screen: a shared phone shows only the receipt.
      setName('');
      setPhone('');
      setEmail('');
      setQuestion('');
    });
  };

  if (receipt)
    return (
      <section className="narrow stack" aria-labelledby="consult-title">
        <Heading level={1} id="consult-title">
          {m.title}
        </Heading>
        <Alert heading={m.receivedTitle} headingLevel={2} severity="success" data-testid="consultation-receipt">
          <Paragraph>{m.received(receipt.receipt, receipt.ret)}</Paragraph>
        </Alert>
        <div className="stack">
          <Button variant="secondary" onClick={() => setReceipt(null)}>
            {m.another}
          </Button>
          <AppLink to={paths.login()}>{m.toLogin}</AppLink>
        </div>
      </section>
    );

  return (
    <section className="narrow stack" aria-labelledby="consult-title">
      <Heading level={1} id="consult-title">
        {m.title}
      </Heading>
      <Paragraph>{m.intro}</Paragraph>
      <form className="stack" onSubmit={send} aria-label={m.title} data-testid="consultation-form">
        <FieldSet legend={m.who}>
          {CONSULTATION_ASKERS.map((a) => (
            <Radio key={a} name="consult-asker" value={a} checked={asker === a} onChange={() => setAsker(a)}>
              {m.askers[a]}
            </Radio>
          ))}
        </FieldSet>
        <LabelledField id="consult-region" label={m.region} hint={m.regionHint}>
          <Select
            id="consult-region"
            required
            aria-describedby="consult-region-hint"
            value={region}
            onChange={(e) => setRegion(e.target.value as Region)}
          >
            <Select.Option value="">{m.chooseRegion}</Select.Option>
            {REGIONS.map((r) => (
              <Select.Option key={r} value={r}>
                {r}
              </Select.Option>
            ))}
          </Select>
        </LabelledField>
        <LabelledField id="consult-name" label={m.name} hint="">
          <TextInput
            id="consult-name"
            required
            maxLength={200}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </LabelledField>
        <LabelledField id="consult-phone" label={m.phone} hint={m.phoneHint}>
          <TextInput
            id="consult-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={30}
            aria-describedby="consult-phone-hint"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </LabelledField>
        <LabelledField id="consult-email" label={m.email} hint={m.emailHint}>
          <TextInput
            id="consult-email"
            type="email"
            autoComplete="email"
            maxLength={200}
            aria-describedby="consult-email-hint"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </LabelledField>
        <LabelledField id="consult-question" label={m.question} hint={m.questionHint}>
          <TextArea
            id="consult-question"
            required
            rows={4}
            maxLength={2000}
            aria-describedby="consult-question-hint"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </LabelledField>
        <Paragraph size="small">{m.private}</Paragraph>
        {error && (
          <ErrorAlert heading={m.failed} headingLevel={2}>
            {error}
          </ErrorAlert>
        )}
        <div>
          <Button type="submit" disabled={busy}>
            {m.send}
          </Button>
        </div>
      </form>
    </section>
  );
}
