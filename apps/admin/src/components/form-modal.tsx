import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

export interface FormModalProps<Values> {
  readonly title: string;
  readonly okText: string;
  readonly form: FormInstance<Values>;
  readonly initialValues?: Partial<Values>;
  /** The form's action (a `useAction`): started with the values once the rules pass, busy meanwhile. */
  readonly action: { readonly isPending: boolean; readonly mutate: (values: Values) => void };
  readonly onClose: () => void;
  readonly width?: number;
  /** The form's items. */
  readonly children: ReactNode;
}

/** A dialog around one vertical form: submit and cancel buttons, the submit button busy while it runs. */
export function FormModal<Values>(props: FormModalProps<Values>) {
  const { title, okText, form, initialValues, action, onClose, width, children } = props;
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      {...(width ? { width } : {})}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => action.mutate(values)}
        {...(initialValues ? { initialValues } : {})}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** A form rule: the field (a date, a choice) must be filled, else `message` shows under it. */
export function required(message: string) {
  return { required: true, message } as const;
}

/** A form rule for a text field: it must hold more than blanks, else `message` shows under it. */
export function requiredText(message: string) {
  return { required: true, whitespace: true, message } as const;
}
