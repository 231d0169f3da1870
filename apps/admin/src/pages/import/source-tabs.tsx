import { InboxOutlined } from '@ant-design/icons';
import { Input, Tabs, Upload } from 'antd';

export type SourceTab = 'text' | 'file';

export interface SourceTabsProps {
  readonly tab: SourceTab;
  readonly onTab: (tab: SourceTab) => void;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onFile: (file: { name: string; data: ArrayBuffer } | null) => void;
}

/** Where the plan comes from: its published text pasted, or a decomposition table (or text) file. */
export function SourceTabs({ tab, onTab, text, onText, onFile }: SourceTabsProps) {
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => onTab(k as SourceTab)}
      items={[
        {
          key: 'text',
          label: '粘贴文本',
          children: (
            <Input.TextArea
              aria-label="方案全文"
              value={text}
              onChange={(e) => onText(e.target.value)}
              autoSize={{ minRows: 10, maxRows: 24 }}
              placeholder="毕节市七星关区人民政府办公室关于印发……的通知"
            />
          ),
        },
        {
          key: 'file',
          label: '上传表格',
          children: (
            <Upload.Dragger
              accept=".xlsx,.csv,.txt"
              maxCount={1}
              beforeUpload={(f) => {
                void f.arrayBuffer().then((data) => onFile({ name: f.name, data }));
                return false;
              }}
              onRemove={() => onFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>点击或拖入任务分解表文件(.xlsx、.csv)或方案全文(.txt)</p>
            </Upload.Dragger>
          ),
        },
      ]}
    />
  );
}
