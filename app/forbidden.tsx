import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="page">
      <h1>Not for your account</h1>
      <p>This page is for administrators. Ask an admin if you need access.</p>
      <p>
        <Link href="/documents">Back to the documents</Link>
      </p>
    </section>
  );
}
