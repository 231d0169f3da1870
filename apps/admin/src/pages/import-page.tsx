import { Typography } from 'antd';

export default function ImportPage() {
  return <Typography.Title level={3}>导入</Typography.Title>;
}
