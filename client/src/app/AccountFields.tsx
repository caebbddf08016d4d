/** User name and password: to log in, or to choose them when accepting an invitation. */

import { PASSWORD_MIN_LENGTH } from '@samenspraak/shared';
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
