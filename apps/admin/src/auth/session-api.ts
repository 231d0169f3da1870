import { request, writeToken } from '../graphql/client';
import { graphql, type ResultOf, userErrorText } from '../graphql/graphql';
import type { Viewer } from './permissions';

const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    username
    role
    unit { id key name }
  }
`);

const MeQuery = graphql(
  `
  query Me { me { ...ViewerFields } }
`,
  [ViewerFields],
);

const LoginMutation = graphql(
  `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      userErrors { code messageZh }
    }
  }
`,
);

const LogoutMutation = graphql(`
  mutation Logout { logout { loggedOut } }
`);

type ViewerData = ResultOf<typeof ViewerFields>;

function toViewer(u: ViewerData): Viewer {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    unit: u.unit ? { id: u.unit.key, name: u.unit.name } : null,
  };
}

export async function fetchViewer(): Promise<Viewer | null> {
  const data = await request(MeQuery);
  return data.me ? toViewer(data.me) : null;
}

export type LogInResult = { ok: true; token: string; viewer: Viewer } | { ok: false; message: string };

export async function logIn(username: string, password: string): Promise<LogInResult> {
  const { login } = await request(LoginMutation, { input: { username, password } });
  const problem = userErrorText(login.userErrors);
  if (problem || !login.token) return { ok: false, message: problem ?? '登录失败。' };
  // The login request itself is anonymous, so the payload's user is read with the new token.
  writeToken(login.token);
  const viewer = await fetchViewer().catch(() => null);
  if (!viewer) {
    writeToken(null);
    return { ok: false, message: '登录成功,但无法读取当前用户信息。' };
  }
  return { ok: true, token: login.token, viewer };
}

export async function logOut(): Promise<void> {
  await request(LogoutMutation);
}
