import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router';
import { SessionProvider } from './auth/session';
import { AsOfProvider } from './components/as-of';
import { queryClient } from './query-client';
import { router } from './router';

dayjs.locale('zh-cn');

/** Chinese system fonts first, then Noto CJK (Linux servers and the test browser). */
const FONT_FAMILY =
  "-apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ zeroRuntime: true, token: { fontFamily: FONT_FAMILY, colorPrimary: '#b71c1c' } }}
    >
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <AsOfProvider>
              <RouterProvider router={router} />
            </AsOfProvider>
          </SessionProvider>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
