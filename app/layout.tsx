import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimbook", template: "%s · Claimbook" },
  description: "Claims and their sources, annotated.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/documents" className="brand">
            Claimbook
          </Link>
          <nav aria-label="Main">
            {user ? <Link href="/documents">Documents</Link> : null}
            {user ? <Link href="/search">Search</Link> : null}
            {user ? <Link href="/discrepancies">Discrepancies</Link> : null}
            {user ? <Link href="/agreement">Agreement</Link> : null}
            {user && user.role !== "viewer" ? <Link href="/my-work">My work</Link> : null}
            {user && (user.role === "curator" || user.role === "admin") ? <Link href="/progress">Progress</Link> : null}
            {user && (user.role === "curator" || user.role === "admin") ? <Link href="/curate">Curate</Link> : null}
            {user?.role === "admin" ? <Link href="/admin/users">Users</Link> : null}
            {user?.role === "admin" ? <Link href="/admin/audit">Audit</Link> : null}
          </nav>
          <div className="account">
            {user ? (
              <>
                <Link href="/account" className="account-name" title="Your account">
                  {user.name} <span className="role-badge">{user.role}</span>
                </Link>
                <SignOutButton />
              </>
            ) : null}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
