/**
 * Samenspraak's component set: the NL Design System community components (Utrecht) under the
 * names and props our pages use, styled by our own tokens in theme.css (no municipality's brand).
 */
export { Alert, Button, ModalDialog, Table } from './feedback';
export {
  Checkbox,
  DateInput,
  ErrorMessage,
  Field,
  FieldSet,
  Label,
  LabelledField,
  PasswordInput,
  Radio,
  Select,
  Switch,
  TextArea,
  TextInput,
} from './forms';
export {
  Blockquote,
  Breadcrumb,
  DescriptionList,
  Heading,
  LinkList,
  Paragraph,
  StandaloneLink,
  UnorderedList,
} from './text';
