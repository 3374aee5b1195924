import type { ThemeConfig } from 'antd';

/** CJK-first font stack: PingFang / YaHei on desktops, Noto Sans CJK on Linux, never tofu. */
export const FONT_STACK = [
  '-apple-system', 'BlinkMacSystemFont', "'Segoe UI'", "'PingFang SC'", "'Hiragino Sans GB'", "'Microsoft YaHei'",
  "'Noto Sans CJK SC'", "'Noto Sans SC'", "'Source Han Sans SC'", "'WenQuanYi Micro Hei'", "'Helvetica Neue'", 'Arial', 'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  // antd's component styles come from its prebuilt stylesheet (desk-main.tsx imports antd/dist/antd.css),
  // not from CSS-in-JS serialised and hashed on every page load (ADR 025). The tokens below still reach
  // the components as CSS variables, which antd registers at run time.
  zeroRuntime: true,
  token: {
    colorPrimary: '#1456d9',
    colorInfo: '#1456d9',
    borderRadius: 6,
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorBgLayout: '#f5f7fa',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f1f3d', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1830', darkItemSelectedBg: '#1456d9' },
    Table: { headerBg: '#f7f9fc', rowHoverBg: '#f0f5ff' },
  },
};
