import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';

/** A table row's two actions: change it, and remove it once the confirmation is answered. */
export function EditDeleteActions(props: {
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  /** The question the removal asks first. */
  readonly confirm: string;
  /** The remove button's name (删除, 清除 …). */
  readonly deleteLabel?: string;
}) {
  return (
    <Space>
      <Button size="small" icon={<EditOutlined />} aria-label="修改" onClick={props.onEdit} />
      <DeleteAction confirm={props.confirm} onDelete={props.onDelete} label={props.deleteLabel} />
    </Space>
  );
}

/** A table row's remove button: it asks `confirm` first and removes once that is answered. */
export function DeleteAction(props: {
  readonly onDelete: () => void;
  readonly confirm: string;
  /** The button's accessible name; 删除 when not given. */
  readonly label?: string | undefined;
  /** The confirmation's two answers; the locale's (确定, 取消) when not given. */
  readonly okText?: string;
  readonly cancelText?: string;
}) {
  return (
    <Popconfirm
      title={props.confirm}
      okText={props.okText}
      cancelText={props.cancelText}
      onConfirm={props.onDelete}
    >
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={props.label ?? '删除'} />
    </Popconfirm>
  );
}
