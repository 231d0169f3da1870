import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { ChangePasswordForm } from '../login/change-password-form';
import { SessionFields, SessionList } from '../users/session-list';

const MySessionsQuery = graphql(
  `
  query MySessions { me { id sessions { ...SessionFields } } }
`,
  [SessionFields],
);

/** 账号设置: change one's password; see and end one's sessions. */
export default function AccountPage() {
  const sessions = useQuery({
    queryKey: [...QUERY_KEYS.me, 'sessions'],
    queryFn: async () => (await request(MySessionsQuery)).me?.sessions ?? [],
  });
  return (
    <Page title="账号设置" size="large">
      <Card title="修改密码">
        <ChangePasswordForm />
      </Card>
      <Card title="登录中的会话">
        <QueryState query={sessions}>{(list) => <SessionList sessions={list} />}</QueryState>
      </Card>
    </Page>
  );
}
