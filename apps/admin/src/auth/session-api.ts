import { request, writeToken } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';
import { UserErrorFields, UserErrorsError } from '../graphql/user-errors';
import { PermissionFields, type Viewer } from './permissions';

const ViewerFields = graphql(
  `
  fragment ViewerFields on User {
    id
    username
    role
    unit { id key name }
    mustChangePassword
    can { ...PermissionFields }
  }
`,
  [PermissionFields],
);

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
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
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
    can: u.can,
    mustChangePassword: u.mustChangePassword,
  };
}

export async function fetchViewer(): Promise<Viewer | null> {
  const data = await request(MeQuery);
  return data.me ? toViewer(data.me) : null;
}

/** Signs in; fails with the gateway's user errors (wrong password …) or a network error. */
export async function logIn(username: string, password: string): Promise<{ token: string; viewer: Viewer }> {
  const { login } = await request(LoginMutation, { input: { username, password } });
  if (login.userErrors.length > 0) throw new UserErrorsError(login.userErrors);
  if (!login.token) throw new Error('登录失败。');
  // The login request itself is anonymous, so the payload's user is read with the new token.
  writeToken(login.token);
  const viewer = await fetchViewer().catch(() => null);
  if (!viewer) {
    writeToken(null);
    throw new Error('登录成功,但无法读取当前用户信息。');
  }
  return { token: login.token, viewer };
}

export async function logOut(): Promise<void> {
  await request(LogoutMutation);
}
