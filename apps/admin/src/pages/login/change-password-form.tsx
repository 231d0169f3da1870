import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { requiredText } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';

const ChangePasswordMutation = graphql(
  `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { changed userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

interface PasswordForm {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirm: string;
}

/**
 * The viewer changes their password (the gateway's policy: at least 10 characters, not the
 * username). With `oneTime`, the form asks for the one-time password the office gave; once changed,
 * the app opens (the `me` query is read again).
 */
export function ChangePasswordForm({ oneTime = false }: { readonly oneTime?: boolean }) {
  const [form] = Form.useForm<PasswordForm>();
  const change = useAction({
    run: async (v: PasswordForm) =>
      (
        await request(ChangePasswordMutation, {
          input: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        })
      ).changePassword,
    invalidates: [QUERY_KEYS.me],
    success: '密码已修改,其他设备上的登录已退出',
    form,
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<PasswordForm>
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={(v) => change.mutate(v)}
      data-testid={oneTime ? 'must-change-password' : 'change-password'}
    >
      {oneTime && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改初始密码"
          description="您正在使用管理员发放的一次性密码登录。设置自己的新密码后才能继续使用系统。"
        />
      )}
      <Form.Item
        label={oneTime ? '初始密码' : '当前密码'}
        name="currentPassword"
        rules={[requiredText('请输入当前密码')]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少10个字符,不能包含用户名"
        rules={[requiredText('请输入新密码'), { min: 10, message: '新密码至少需要10个字符' }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          requiredText('请再次输入新密码'),
          ({ getFieldValue }) => ({
            validator: (_r, value) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
