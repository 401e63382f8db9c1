import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { LanguageSwitch } from '../app/LanguageSwitch.js';

/** The card the console shows before it opens (登录, 修改密码): the language switch, the heading, the form. */
export function LoginFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="admin-login">
      <div className="admin-login-language">
        <LanguageSwitch />
      </div>
      <Card className="admin-login-card">
        <Typography.Title level={1} className="admin-login-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
