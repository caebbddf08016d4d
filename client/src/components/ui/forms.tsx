/**
 * Form controls of Samenspraak's component set, on the NL Design System community components
 * (@utrecht/component-library-react). Required fields are required for the browser too (Utrecht's
 * `required` alone only sets aria-required), so forms keep their native checks.
 */
import {
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  SelectOption,
  Checkbox as UtrechtCheckbox,
  Select as UtrechtSelect,
  Textarea as UtrechtTextarea,
  Textbox as UtrechtTextbox,
} from '@utrecht/component-library-react';
import {
  type FieldsetHTMLAttributes,
  forwardRef,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type OptgroupHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { cx } from './cx';
import { Paragraph } from './text';

/** One label + control (+ hint, error) block. */
export function Field({ invalid, ...rest }: HTMLAttributes<HTMLDivElement> & { invalid?: boolean }) {
  return <FormField invalid={invalid} {...rest} />;
}

/**
 * A field with its label and a hint under it. The hint's id is `<id>-hint`: give the control
 * `aria-describedby` with it, so a screen reader reads the hint with the control.
 */
export function LabelledField({
  id,
  label,
  hint,
  hintClassName,
  children,
  ...rest
}: HTMLAttributes<HTMLDivElement> & {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  hintClassName?: string;
  invalid?: boolean;
}) {
  return (
    <Field {...rest}>
      <Label htmlFor={id}>{label}</Label>
      <Paragraph size="small" id={`${id}-hint`} className={hintClassName}>
        {hint}
      </Paragraph>
      {children}
    </Field>
  );
}

export function Label(props: LabelHTMLAttributes<HTMLLabelElement>) {
  return <FormLabel {...props} />;
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean };

export const TextInput = forwardRef<HTMLInputElement, InputProps>(({ required, type = 'text', ...rest }, ref) => (
  <UtrechtTextbox ref={ref} type={type} required={required} inputRequired={required} {...rest} />
));
TextInput.displayName = 'TextInput';

export const PasswordInput = forwardRef<HTMLInputElement, Omit<InputProps, 'type'>>(({ required, ...rest }, ref) => (
  <UtrechtTextbox
    ref={ref}
    type="password"
    autoCorrect="off"
    spellCheck={false}
    required={required}
    inputRequired={required}
    {...rest}
  />
));
PasswordInput.displayName = 'PasswordInput';

export const DateInput = forwardRef<HTMLInputElement, InputProps>(
  ({ required, type = 'date', className, ...rest }, ref) => (
    <UtrechtTextbox
      ref={ref}
      type={type}
      required={required}
      inputRequired={required}
      className={cx('samenspraak-date-input', className)}
      {...rest}
    />
  ),
);
DateInput.displayName = 'DateInput';

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  invalid?: boolean;
  resize?: 'none' | 'horizontal' | 'vertical';
};

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(
  ({ required, resize, className, ...rest }, ref) => (
    <UtrechtTextarea
      ref={ref}
      required={required}
      inputRequired={required}
      className={cx(resize && `samenspraak-resize-${resize}`, className)}
      {...rest}
    />
  ),
);
TextArea.displayName = 'TextArea';

/** Utrecht sets the native `required` only in its `noscript` mode; we want the browser's check too. */
function SelectRoot({ required, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return <UtrechtSelect required={required} noscript={required} {...rest} />;
}

export const Select = Object.assign(SelectRoot, {
  Option: SelectOption,
  Group: (props: OptgroupHTMLAttributes<HTMLOptGroupElement>) => <optgroup {...props} />,
});

type ChoiceProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { invalid?: boolean; children?: ReactNode };

/** A checkbox with its label text beside it. */
export const Checkbox = forwardRef<HTMLInputElement, ChoiceProps>(({ children, id, className, ...rest }, ref) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cx('samenspraak-choice', className)}>
      <UtrechtCheckbox ref={ref} id={inputId} appearance="custom" {...rest} />
      {children !== undefined && (
        <FormLabel htmlFor={inputId} type="checkbox" checked={rest.checked}>
          {children}
        </FormLabel>
      )}
    </div>
  );
});
Checkbox.displayName = 'Checkbox';

/** A radio button with its label text beside it. */
export const Radio = forwardRef<HTMLInputElement, ChoiceProps>(({ children, id, className, ...rest }, ref) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cx('samenspraak-choice', className)}>
      <RadioButton ref={ref} id={inputId} className="utrecht-radio-button--custom" {...rest} />
      <FormLabel htmlFor={inputId} type="radio" checked={rest.checked}>
        {children}
      </FormLabel>
    </div>
  );
});
Radio.displayName = 'Radio';

/** A group of fields under a legend (Utrecht's fieldset markup on a native <fieldset>). */
export function FieldSet({
  legend,
  invalid,
  className,
  children,
  ...rest
}: FieldsetHTMLAttributes<HTMLFieldSetElement> & { legend: ReactNode; invalid?: boolean }) {
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset__fieldset',
        'utrecht-form-fieldset--html-fieldset',
        'samenspraak-fieldset',
        className,
      )}
      aria-invalid={invalid || undefined}
      {...rest}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** An input error, read as "Invoerfout: …" by a screen reader. */
export function ErrorMessage({ children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <FormFieldErrorMessage {...rest}>
      <span className="visually-hidden">Invoerfout: </span>
      {children}
    </FormFieldErrorMessage>
  );
}

/**
 * An on/off switch: a checkbox with role="switch" in Utrecht's form-toggle look. Written out because
 * Utrecht's FormToggle only takes `checked` as its first value, and this one must follow the state.
 */
export const Switch = forwardRef<HTMLInputElement, Omit<InputProps, 'type'>>(
  ({ id, className, disabled, ...rest }, ref) => {
    const generated = useId();
    const inputId = id ?? generated;
    return (
      <div
        className={cx(
          'utrecht-form-toggle',
          'utrecht-form-toggle--html-checkbox',
          disabled && 'utrecht-form-toggle--disabled',
          className,
        )}
      >
        <input
          ref={ref}
          id={inputId}
          type="checkbox"
          role="switch"
          aria-checked={rest.checked}
          className="utrecht-form-toggle__checkbox"
          disabled={disabled}
          {...rest}
        />
        <label htmlFor={inputId} className="utrecht-form-toggle__track utrecht-form-toggle__track--html-label">
          <span className="utrecht-form-toggle__thumb" />
        </label>
      </div>
    );
  },
);
Switch.displayName = 'Switch';
