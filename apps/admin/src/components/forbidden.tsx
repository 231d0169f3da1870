import { Result } from 'antd';

export function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="当前账号的角色不能查看此页面。" />;
}
