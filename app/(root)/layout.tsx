import type { ReactNode } from 'react';
import '../globals.css';

// `/` has no script of its own: it offers both, so its language is plain Chinese and each part names its script.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh">
      <body>{children}</body>
    </html>
  );
}
