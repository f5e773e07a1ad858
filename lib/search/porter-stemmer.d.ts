// wink-eng-lite-web-model (already a dependency, for lib/suggest) ships Porter2, the same
// English stemmer as Snowball's and PostgreSQL's `english` configuration, as a plain CJS file.
declare module "wink-eng-lite-web-model/dist/porter-stemmer.js" {
  const stem: (word: string) => string;
  export default stem;
}
