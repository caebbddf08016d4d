/** The fields of logging in and accepting an invitation: user name and password, and a one-time code. */

import { PASSWORD_MIN_LENGTH } from '@samenspraak/shared';
import type { InputHTMLAttributes } from 'react';
import { Field, Label, PasswordInput, TextInput } from '../components/ui';

export function AccountFields(props: {
  /** Prefix of the inputs' ids ("login" → login-name, login-password). */
  idPrefix: string;
  labels: { login: string; password: string };
  login: string;
  password: string;
  onLogin(value: string): void;
  onPassword(value: string): void;
  /** Choosing a new password (the browser offers to make one; at least PASSWORD_MIN_LENGTH long). */
  newPassword?: boolean;
}) {
  const { idPrefix } = props;
  return (
    <>
      <Field>
        <Label htmlFor={`${idPrefix}-name`}>{props.labels.login}</Label>
        <TextInput
          id={`${idPrefix}-name`}
          name="login"
          autoComplete="username"
          required
          value={props.login}
          onChange={(e) => props.onLogin(e.target.value)}
        />
      </Field>
      <Field>
        <Label htmlFor={`${idPrefix}-password`}>{props.labels.password}</Label>
        <PasswordInput
          id={`${idPrefix}-password`}
          name="password"
          autoComplete={props.newPassword ? 'new-password' : 'current-password'}
          minLength={props.newPassword ? PASSWORD_MIN_LENGTH : undefined}
          required
          value={props.password}
          onChange={(e) => props.onPassword(e.target.value)}
        />
      </Field>
    </>
  );
}

/** A one-time code (from the app, or on the invitation letter): digits only, offered by the phone's keyboard. */
export function CodeInput({
  onDigits,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & {
  id: string;
  value: string;
  onDigits(code: string): void;
}) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      onChange={(e) => onDigits(e.target.value.replace(/\D/g, ''))}
      {...rest}
    />
  );
}
